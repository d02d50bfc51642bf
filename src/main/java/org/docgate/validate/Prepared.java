package org.docgate.validate;

/**
 * What a validator settled about the whole corpus before any document is validated ({@link Validator#prepare}): the
 * external links' check results, the snippet batches' verdicts, the link graph. Each validator keeps its own type and
 * reads it back in {@link Validator#validate(org.docgate.markdown.MarkdownDocument, org.docgate.corpus.CorpusIndex,
 * Prepared)}; immutable once made, shared by every document's thread.
 */
public interface Prepared {
  /** Nothing prepared: validators without corpus-wide work. */
  Prepared NONE = new Prepared() {};

  /**
   * Findings and counters about the corpus as a whole (a run-level note, processes started, URLs checked), added to
   * the report once per scan, never to one document's result.
   */
  default ValidationResult corpusResult() {
    return ValidationResult.EMPTY;
  }
}
