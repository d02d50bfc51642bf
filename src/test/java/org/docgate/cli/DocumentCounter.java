package org.docgate.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's own pipeline step, as a routes folder declares it ({@code beans:} in a {@code *.camel.yaml}): counts the
 * documents that pass through the per-document split and hands each one on unchanged.
 */
public final class DocumentCounter {
  /** Static: Camel makes the instance from the route file, the test reads the count. */
  static final AtomicInteger SEEN = new AtomicInteger();

  public Object count(Object document) {
    SEEN.incrementAndGet();
    return document;
  }
}
