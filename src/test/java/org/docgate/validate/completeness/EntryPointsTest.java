package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * The listing's entry points per folder and the template layout are derived on every index, but a document's
 * entry-point and template verdicts (globs over its path) are its own parts: the next index of an edited corpus matches the globs of the edited document only, and
 * still finds the listing a full index finds (issue 21.3: matching every path on every edit was a third of an edit).
 */
class EntryPointsTest {
  private final MarkdownParser parser = new MarkdownParser();
  private final CompletenessConfig config = CompletenessConfig.load(RuleFiles.packaged());

  private CorpusIndex index(Map<String, MarkdownDocument> docs) {
    return new CorpusIndex(Path.of("/nonexistent-fake-corpus"), docs.keySet(), Set.of("", "guide"), docs);
  }

  @Test
  void anEditMatchesTheEditedDocumentsPathOnly() {
    Map<String, MarkdownDocument> docs = new HashMap<>(Map.of(
        "guide/README.md", parser.parse("guide/README.md", "# 指南\n\n├── 01_安装.md\n"),
        "guide/01_安装.md", parser.parse("guide/01_安装.md", "# 安装\n"),
        "guide/02_运维.md", parser.parse("guide/02_运维.md", "# 运维\n")));
    CorpusIndex first = index(docs);
    assertThat(Listing.of(first, config, "guide/01_安装.md")).hasToString("guide/README.md:3");
    TemplateLayout.of(first, config);
    assertThat(first.documentValuesComputed())
        .as("an entry-point and a template verdict per document, and the entry page's lines the listing read")
        .isEqualTo(Map.of("guide/README.md", 3, "guide/01_安装.md", 2, "guide/02_运维.md", 2));

    docs.put("guide/README.md", parser.parse("guide/README.md", "# 指南\n\n├── 01_安装.md\n├── 02_运维.md\n"));
    CorpusIndex next = index(docs);
    next.inherit(first);
    assertThat(Listing.of(next, config, "guide/02_运维.md")).hasToString("guide/README.md:4");
    TemplateLayout.of(next, config);
    // the edited entry page's lines: which pages are entry points follows from the paths, the same
    // (CorpusIndex.ofDocumentPaths), and the template layout is carried over (no template changed:
    // CorpusIndex.carried), so neither an entry-point nor a template verdict is computed again
    assertThat(next.documentValuesComputed()).isEqualTo(Map.of("guide/README.md", 1));
    assertThat(Listing.of(index(docs), config, "guide/02_运维.md")).hasToString("guide/README.md:4");
  }
}
