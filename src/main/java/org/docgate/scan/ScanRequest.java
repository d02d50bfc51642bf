package org.docgate.scan;

import java.nio.file.Path;
import java.time.Instant;
import org.docgate.corpus.CorpusListing;

/**
 * One scan to run: the corpus folder, when it was asked for, which documents are validated with which validators
 * ({@link Scope}), what a previous scan of the same corpus left to reuse, and the corpus listing when the caller
 * already made it (the service lists outside its scan lock); null: the pipeline lists the corpus; and the settings of
 * this corpus when they are not the pipeline's own (a fleet worker's corpus with its own {@code .docgate.yaml}); null:
 * the pipeline's.
 */
public record ScanRequest(Path corpus, Instant startedAt, Scope scope, ScanState previous, CorpusListing listing,
    ScanSettings settings) {

  /** Every document, every validator, nothing reused. */
  public ScanRequest(Path corpus, Instant startedAt) {
    this(corpus, startedAt, Scope.ALL, ScanState.NONE, null, null);
  }

  /** With the pipeline's own settings. */
  public ScanRequest(Path corpus, Instant startedAt, Scope scope, ScanState previous, CorpusListing listing) {
    this(corpus, startedAt, scope, previous, listing, null);
  }

  public ScanRequest {
    scope = scope == null ? Scope.ALL : scope;
    previous = previous == null ? ScanState.NONE : previous;
  }

  public ScanRequest withScope(Scope newScope) {
    return new ScanRequest(corpus, startedAt, newScope, previous, listing, settings);
  }

  public ScanRequest withPrevious(ScanState state) {
    return new ScanRequest(corpus, startedAt, scope, state, listing, settings);
  }

  public ScanRequest withListing(CorpusListing made) {
    return new ScanRequest(corpus, startedAt, scope, previous, made, settings);
  }

  /** This corpus's own settings (null: the pipeline's). */
  public ScanRequest withSettings(ScanSettings own) {
    return new ScanRequest(corpus, startedAt, scope, previous, listing, own);
  }
}
