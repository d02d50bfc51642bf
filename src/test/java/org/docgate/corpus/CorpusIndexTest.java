package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * An index collects a document's anchors when a link into it is checked, not every document's when it is built: the
 * service builds an index per edit and checks the links of a few documents (issue 21.3).
 */
class CorpusIndexTest {
  private final MarkdownParser parser = new MarkdownParser();

  @Test
  void anchorsAreCollectedForTheDocumentsAskedAbout() {
    MarkdownDocument a = parser.parse("a.md", "# Alpha\n\n<a id=\"here\"></a>\n\nText[^1].\n\n[^1]: Note.\n");
    MarkdownDocument b = parser.parse("b.md", "# Beta\n");
    CorpusIndex index = new CorpusIndex(Path.of("/nonexistent-fake-corpus"), Set.of("a.md", "b.md", "c.png"),
        Set.of(""), Map.of("a.md", a, "b.md", b));
    assertThat(index.anchorsCollected()).as("none before a link asks").isZero();
    assertThat(index.anchorsOf("a.md")).containsExactlyElementsOf(a.anchors());
    assertThat(index.anchorsOf("a.md")).contains("alpha", "here");
    assertThat(index.anchorsOf("c.png")).as("not a parsed document").isNull();
    assertThat(index.anchorsOf("missing.md")).isNull();
    assertThat(index.anchorsCollected()).isEqualTo(1);
  }
}
