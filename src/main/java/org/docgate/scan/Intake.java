package org.docgate.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;

/**
 * Pipeline stage 1: list the corpus, unless the request brings its listing, with the request's own config when it has
 * one. A corpus folder that cannot be walked at all is a fatal error.
 */
public final class Intake {
  private final CorpusScanner scanner;

  public Intake(CorpusScanner scanner) {
    this.scanner = scanner;
  }

  public CorpusListing collect(ScanRequest request) {
    if (request.listing() != null) {
      return request.listing();
    }
    try {
      CorpusScanner by = request.settings() == null ? scanner : new CorpusScanner(request.settings().config());
      return by.scan(request.corpus());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + request.corpus() + ": " + e.getMessage(), e);
    }
  }
}
