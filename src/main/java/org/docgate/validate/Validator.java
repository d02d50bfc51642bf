package org.docgate.validate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Rule;
import org.docgate.markdown.MarkdownDocument;

/**
 * One validator: a parsed document and the corpus index in, findings and counters out. Must be thread-safe.
 *
 * <p>Its life in a scan: {@link #prepare} once, for work over the whole corpus (a route step between the index and
 * the per-document split), then {@link #validate(MarkdownDocument, CorpusIndex, Prepared)} per document with what
 * prepare made. A validator that looks at one document at a time implements only
 * {@link #validate(MarkdownDocument, CorpusIndex)}.
 */
public interface Validator {
  /** Its id, title, README section, rules and metrics: one constant in its package. */
  ValidatorDeclaration declaration();

  /** Short id used by {@code --only}, metrics and counters, e.g. {@code links}. */
  default String id() {
    return declaration().id();
  }

  /** The rules whose findings it may return: the declared ones, or (terms) those its rule files define. */
  default List<Rule> rules() {
    return declaration().rules();
  }

  /** One document, for validators without corpus-wide work (the others: a document checked alone). */
  ValidationResult validate(MarkdownDocument document, CorpusIndex index);

  /**
   * Corpus-wide work, once per scan before any document is validated; its findings and counters about the corpus as
   * a whole go in {@link Prepared#corpusResult()}, counted once.
   *
   * @param documents the documents this validator will validate in this scan (every one, or a changed or touched
   *     set): work only they need may be limited to them
   * @param previous what this validator prepared in the previous scan of the same corpus (the service), or
   *     {@link Prepared#NONE}
   */
  default Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
    return Prepared.NONE;
  }

  /**
   * True when {@link #prepare} only starts corpus work that runs by itself (processes) and returns at once, its
   * {@link Prepared} waiting for that work when read: such validators are prepared before the others, so their work
   * overlaps the others' corpus steps and the documents' validation.
   */
  default boolean startsInBackground() {
    return false;
  }

  /** One document, with what {@link #prepare} made for this scan. */
  default ValidationResult validate(MarkdownDocument document, CorpusIndex index, Prepared prepared) {
    return validate(document, index);
  }

  /**
   * True when one document's result depends on documents other than the files its links point to (orphan pages,
   * corpus-wide counts, the shared external-link check): after any change the service then re-runs it on the
   * documents its {@link #prepare} names ({@link Prepared#revalidate()}; every document when it names none) besides
   * the changed ones, instead of only on changed documents and the documents that link to them.
   */
  default boolean corpusWide() {
    return false;
  }

  /**
   * True (the safe default) when a document's result may change with the documents and files it links to (their
   * headings, their existence). False for validators that read the document alone: the service then does not re-run
   * them on the documents linking to an edited one, only on the edited one.
   */
  default boolean readsLinkedDocuments() {
    return true;
  }

  /**
   * What the validator settled about the corpus as a whole, for the report's stats (dotted keys under its id, e.g.
   * {@code links.renderer.name}): choices a reader needs to trust the findings, not counts.
   */
  default Map<String, String> facts(CorpusIndex index) {
    return Map.of();
  }

  /** The report metrics computed from this validator's counters. */
  default List<Metric> metrics() {
    return declaration().metrics();
  }
}
