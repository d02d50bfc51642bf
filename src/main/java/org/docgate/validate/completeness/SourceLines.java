package org.docgate.validate.completeness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.docgate.corpus.CorpusIndex;

/**
 * The raw lines of a document, for the few questions the model does not answer (is this gap blank, or an HTML
 * block the parser kept no text of?). Read only when a check needs them.
 */
@FunctionalInterface
interface SourceLines {
  /** The lines of a corpus document (1-based line n is element n-1), or empty when it cannot be read. */
  Optional<List<String>> of(CorpusIndex index, String path);

  /** Reads the document from the corpus folder (docgate never writes there). */
  SourceLines DISK = (index, path) -> {
    try {
      String text = Files.readString(index.root().resolve(path), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return Optional.of(text.lines().toList());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // already reported by intake if unreadable; the check then stays silent
    }
  };
}
