package org.docgate.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;

/**
 * Pipeline stage 1: list the corpus, unless the request brings its listing. A corpus folder that cannot be walked at
 * all is a fatal error.
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
      return scanner.scan(request.corpus());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + request.corpus() + ": " + e.getMessage(), e);
    }
  }
}
