package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * A corpus-wide value combined from one part per document ({@link CorpusIndex#combined}: word counts, house style,
 * learned names, baselines, the link graph) is updated by the service's next index from the parts of the documents
 * that changed, and taken over as it was when their parts did not change (issue 21.3: every such combination asked
 * every document for its part and combined them all again on every edit). It always equals a fresh index's value.
 */
class CombinedValuesTest {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final Set<String> FOLDERS = Set.of("");

  /** What the combination was asked to do: "of" (all parts) or "next" with the changed paths. */
  private final List<String> calls = new ArrayList<>();

  /** The headings of the corpus, per document in path order: a part per document, their concatenation. */
  private final Combination<List<String>, List<String>> headings = new Combination<>() {
    @Override
    public List<String> of(CorpusIndex index, SortedMap<String, List<String>> parts) {
      calls.add("of");
      return parts.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public List<String> next(CorpusIndex index, List<String> before, SortedMap<String, List<String>> partsBefore,
        SortedMap<String, List<String>> parts, Set<String> changed) {
      calls.add("next " + new java.util.TreeSet<>(changed));
      return parts.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public boolean readsListing() {
      return false;
    }
  };

  private record PartKey(String name) {}

  private List<String> headingsOf(CorpusIndex index) {
    return index.combined("headings", new PartKey("headings"),
        d -> d.headings().stream().map(h -> h.text()).toList(), headings);
  }

  private static MarkdownDocument doc(String path, String text) {
    return PARSER.parse(path, text);
  }

  private static CorpusIndex index(Set<String> files, MarkdownDocument... docs) {
    Map<String, MarkdownDocument> byPath = new HashMap<>();
    for (MarkdownDocument d : docs) {
      byPath.put(d.path(), d);
    }
    return new CorpusIndex(Path.of("/corpus"), files, FOLDERS, byPath);
  }

  private static CorpusIndex next(CorpusIndex before, MarkdownDocument... docs) {
    Set<String> files = new java.util.HashSet<>();
    for (MarkdownDocument d : docs) {
      files.add(d.path());
    }
    CorpusIndex now = index(files, docs);
    now.inherit(before);
    return now;
  }

  private final MarkdownDocument a = doc("a.md", "# A\n\n## Alpha\n");
  private final MarkdownDocument b = doc("b.md", "# B\n");
  private final MarkdownDocument c = doc("c.md", "# C\n");

  @Test
  void anEditThatLeavesTheEditedDocumentsPartAsItWasTakesTheValueOver() {
    CorpusIndex first = index(Set.of("a.md", "b.md", "c.md"), a, b, c);
    List<String> all = headingsOf(first);
    assertThat(all).containsExactly("A", "Alpha", "B", "C");
    CorpusIndex second = next(first, a, doc("b.md", "# B\n\nA new paragraph.\n"), c);
    assertThat(headingsOf(second)).isSameAs(all);
    assertThat(second.documentValuesComputed()).as("the edited document's part only").isEqualTo(Map.of("b.md", 1));
    assertThat(calls).containsExactly("of");
  }

  @Test
  void anEditThatChangesAPartUpdatesTheValueFromTheChangedPartsOnly() {
    CorpusIndex first = index(Set.of("a.md", "b.md", "c.md"), a, b, c);
    headingsOf(first);
    MarkdownDocument edited = doc("b.md", "# B\n\n## Beta\n");
    CorpusIndex second = next(first, a, edited, c);
    assertThat(headingsOf(second)).containsExactly("A", "Alpha", "B", "Beta", "C")
        .isEqualTo(headingsOf(index(Set.of("a.md", "b.md", "c.md"), a, edited, c)));
    assertThat(second.documentValuesComputed()).isEqualTo(Map.of("b.md", 1));
    assertThat(calls).containsExactly("of", "next [b.md]", "of");
  }

  @Test
  void documentsAddedAndRemovedAreChangedParts() {
    CorpusIndex first = index(Set.of("a.md", "b.md"), a, b);
    headingsOf(first);
    CorpusIndex added = next(first, a, b, c);
    assertThat(headingsOf(added)).containsExactly("A", "Alpha", "B", "C");
    CorpusIndex removed = next(added, b, c);
    assertThat(headingsOf(removed)).containsExactly("B", "C");
    assertThat(calls).containsExactly("of", "next [c.md]", "next [a.md]");
  }

  /** An index that did not ask for the value: the next one updates it by both edits, not by the last one alone. */
  @Test
  void anIndexThatDidNotAskForTheValueLeavesItsEditsToTheNext() {
    CorpusIndex first = index(Set.of("a.md", "b.md", "c.md"), a, b, c);
    headingsOf(first);
    MarkdownDocument a2 = doc("a.md", "# A\n");
    CorpusIndex unasked = next(first, a2, b, c);
    CorpusIndex third = next(unasked, a2, b, doc("c.md", "# C\n\n## Gamma\n"));
    assertThat(headingsOf(third)).containsExactly("A", "B", "C", "Gamma");
    assertThat(calls).containsExactly("of", "next [a.md, c.md]");
  }

  @Test
  void anotherPartKeyCombinesEveryPartAgain() {
    CorpusIndex first = index(Set.of("a.md", "b.md"), a, b);
    headingsOf(first);
    CorpusIndex second = next(first, a, b);
    assertThat(second.combined("headings", new PartKey("first headings only"),
        d -> d.headings().stream().limit(1).map(h -> h.text()).toList(), headings)).containsExactly("A", "B");
    assertThat(calls).containsExactly("of", "of");
  }

  /** A combination that reads which files exist is combined again when a file comes, though no part changed. */
  @Test
  void aCombinationThatReadsTheListingIsCombinedAgainWhenAFileComes() {
    Combination<List<String>, Integer> filesAndHeadings = new Combination<>() {
      @Override
      public Integer of(CorpusIndex index, SortedMap<String, List<String>> parts) {
        calls.add("of");
        return index.files().size() + parts.values().stream().mapToInt(List::size).sum();
      }
    };
    CorpusIndex first = index(Set.of("a.md", "b.md"), a, b);
    assertThat(first.combined("count", new PartKey("headings"), d -> d.headings().stream().map(h -> h.text())
        .toList(), filesAndHeadings)).isEqualTo(5);
    CorpusIndex second = index(Set.of("a.md", "b.md", "image.png"), a, b);
    second.inherit(first);
    assertThat(second.combined("count", new PartKey("headings"), d -> d.headings().stream().map(h -> h.text())
        .toList(), filesAndHeadings)).isEqualTo(6);
    assertThat(calls).containsExactly("of", "of");
  }
}
