package org.docgate.validate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

  /**
   * For a corpus-wide validator ({@link Validator#corpusWide()}) in the service: the documents whose result can
   * differ from the one this validator gave them when it last validated them, told from the previous scan's prepared
   * state (passed to {@link Validator#prepare}) and this one's; or null (the default, always safe) when it cannot
   * tell, and every document is validated again. The service validates the documents named here, and those that are
   * another object than in the previous scan (an edited, added or re-read file) or have no kept result of this
   * validator; every other document keeps its previous result and is not sent through the per-document split.
   */
  default Set<String> revalidate() {
    return null;
  }

  /**
   * The keys whose value differs between a previous corpus step's map and this one's (present in one only, or with
   * unequal values): what a {@link #revalidate} is told from (the words whose corpus count moved, the documents whose
   * baseline conflicts changed).
   */
  static <K, V> Set<K> changedKeys(Map<K, V> before, Map<K, V> now) {
    if (before == now) {
      return Set.of();
    }
    Set<K> changed = new HashSet<>();
    now.forEach((k, v) -> {
      if (!v.equals(before.get(k))) {
        changed.add(k);
      }
    });
    before.keySet().forEach(k -> {
      if (!now.containsKey(k)) {
        changed.add(k);
      }
    });
    return changed;
  }
}
