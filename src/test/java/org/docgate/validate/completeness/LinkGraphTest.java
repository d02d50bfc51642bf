package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * The link graph is built on every index, but a document's resolved links and its root verdict (globs over its path)
 * are its own parts: the next index of an edited corpus computes the edited document's only, and reaches what a
 * fresh index reaches (issue 21.3: matching the root globs against every path was half of building the graph).
 */
class LinkGraphTest {
  private final MarkdownParser parser = new MarkdownParser();
  private static final List<String> ROOTS = List.of("README.md", "**/SUMMARY.md");

  private CorpusIndex index(Map<String, MarkdownDocument> docs) {
    return new CorpusIndex(Path.of("/nonexistent-fake-corpus"), docs.keySet(), Set.of("", "guide"), docs);
  }

  @Test
  void anEditComputesTheEditedDocumentsPartsOnly() {
    Map<String, MarkdownDocument> docs = new HashMap<>(Map.of(
        "README.md", parser.parse("README.md", "# Home\n\n[guide](guide/a.md)\n"),
        "guide/a.md", parser.parse("guide/a.md", "# A\n"),
        "guide/b.md", parser.parse("guide/b.md", "# B\n")));
    CorpusIndex first = index(docs);
    assertThat(LinkGraph.build(first, ROOTS).reachable()).containsExactlyInAnyOrder("README.md", "guide/a.md");
    assertThat(first.documentValuesComputed()).as("resolved links and a root verdict per document")
        .isEqualTo(Map.of("README.md", 2, "guide/a.md", 2, "guide/b.md", 2));

    docs.put("guide/a.md", parser.parse("guide/a.md", "# A\n\n[b](b.md)\n"));
    CorpusIndex next = index(docs);
    next.inherit(first);
    LinkGraph graph = LinkGraph.build(next, ROOTS);
    assertThat(next.documentValuesComputed()).isEqualTo(Map.of("guide/a.md", 2));
    assertThat(graph).isEqualTo(LinkGraph.build(index(docs), ROOTS));
    assertThat(graph.reachable()).containsExactlyInAnyOrder("README.md", "guide/a.md", "guide/b.md");
  }
}
