package org.docgate.report.store;

import java.util.List;

/** One page of a longer list. {@code page} is 0-based; {@code total} counts all items over all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
