package org.docgate.validate.completeness;

import java.util.List;
import java.util.Optional;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;

/**
 * The raw lines of a document, for the few questions the model does not answer (is this gap blank, or an HTML
 * block the parser kept no text of?). Read only when a check needs them.
 */
@FunctionalInterface
interface SourceLines {
  /** The lines of a corpus document (1-based line n is element n-1), or empty when it is not a parsed document. */
  Optional<List<String>> of(CorpusIndex index, String path);

  /** The text the document was parsed from, kept in the model: the corpus is read once. */
  SourceLines LOADED = (index, path) -> {
    MarkdownDocument doc = index == null ? null : index.documents().get(path);
    return doc == null ? Optional.empty() : Optional.of(doc.sourceLines());
  };
}
