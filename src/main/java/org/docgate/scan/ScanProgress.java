package org.docgate.scan;

import java.util.concurrent.atomic.AtomicInteger;
import org.docgate.corpus.CorpusListing;

/** Counts a running scan's progress for a progress line or a status endpoint. Thread-safe. */
public final class ScanProgress {
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger loaded = new AtomicInteger();
  private final AtomicInteger validated = new AtomicInteger();

  /** A scan listed its files. Returns the listing unchanged, so a route can call it in passing. */
  public CorpusListing started(CorpusListing listing) {
    total.set(listing.markdown().size());
    loaded.set(0);
    validated.set(0);
    return listing;
  }

  public void documentLoaded() {
    loaded.incrementAndGet();
  }

  public void documentValidated() {
    validated.incrementAndGet();
  }

  /** e.g. {@code read 120/466, checked 0/466}. */
  public String describe() {
    return "read " + loaded.get() + "/" + total.get() + ", checked " + validated.get() + "/" + total.get();
  }
}
