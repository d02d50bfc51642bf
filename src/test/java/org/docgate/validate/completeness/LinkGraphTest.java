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
    assertThat(next.documentValuesComputed()).as("its links; its root verdict is the graph's, kept by path")
        .isEqualTo(Map.of("guide/a.md", 1));
    assertThat(graph).isEqualTo(LinkGraph.build(index(docs), ROOTS));
    assertThat(graph.reachable()).containsExactlyInAnyOrder("README.md", "guide/a.md", "guide/b.md");
  }

  private LinkGraph edited(CorpusIndex before, Map<String, MarkdownDocument> docs, String path, String text) {
    docs.put(path, parser.parse(path, text));
    CorpusIndex next = index(docs);
    next.inherit(before);
    return LinkGraph.build(next, ROOTS);
  }

  /** The graph after an edit is updated from the edited document's edges, and equals a fresh build's. */
  @Test
  void edgesAddedAndRemovedByEditsAreTheFreshGraphs() {
    Map<String, MarkdownDocument> docs = new HashMap<>(Map.of(
        "README.md", parser.parse("README.md", "# Home\n\n[guide](guide/a.md)\n"),
        "guide/a.md", parser.parse("guide/a.md", "# A\n"),
        "guide/b.md", parser.parse("guide/b.md", "# B\n\n[a](a.md)\n")));
    CorpusIndex index = index(docs);
    LinkGraph.build(index, ROOTS);
    List<String[]> edits = List.of(
        new String[] {"guide/a.md", "# A\n\n[b](b.md) and [home](../README.md)\n"},
        new String[] {"README.md", "# Home\n"},
        new String[] {"guide/b.md", "# B\n"},
        new String[] {"README.md", "# Home\n\n[b](guide/b.md) [B again](guide/B.md)\n"},
        new String[] {"guide/a.md", "# A\n"});
    for (String[] edit : edits) {
      docs.put(edit[0], parser.parse(edit[0], edit[1]));
      CorpusIndex next = index(docs);
      next.inherit(index);
      LinkGraph graph = LinkGraph.build(next, ROOTS);
      assertThat(graph).as(edit[0] + " edited").isEqualTo(LinkGraph.build(index(docs), ROOTS));
      index = next;
    }
  }

  /** An edit whose links land where they landed (a link to a missing file added) keeps the graph itself. */
  @Test
  void anEditThatMovesNoEdgeKeepsTheGraph() {
    Map<String, MarkdownDocument> docs = new HashMap<>(Map.of(
        "README.md", parser.parse("README.md", "# Home\n\n[guide](guide/a.md)\n"),
        "guide/a.md", parser.parse("guide/a.md", "# A\n"),
        "guide/b.md", parser.parse("guide/b.md", "# B\n")));
    CorpusIndex first = index(docs);
    LinkGraph graph = LinkGraph.build(first, ROOTS);
    assertThat(edited(first, docs, "guide/a.md", "# A\n\n[gone](missing.md)\n")).isSameAs(graph);
  }

  @Test
  void aFileAddedBuildsTheGraphAgain() {
    Map<String, MarkdownDocument> docs = new HashMap<>(Map.of(
        "README.md", parser.parse("README.md", "# Home\n\n[guide](guide/)\n"),
        "guide/a.md", parser.parse("guide/a.md", "# A\n")));
    CorpusIndex first = index(docs);
    LinkGraph.build(first, ROOTS);
    docs.put("guide/README.md", parser.parse("guide/README.md", "# Guide\n\n[a](a.md)\n"));
    CorpusIndex next = index(docs);
    next.inherit(first);
    assertThat(LinkGraph.build(next, ROOTS).reachable())
        .containsExactlyInAnyOrder("README.md", "guide/README.md", "guide/a.md");
  }
}
