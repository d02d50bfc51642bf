package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * A corpus-wide value that reads only some documents ({@link CorpusIndex#carried}: the templates' headings) is taken
 * over by the service's next index while none of them changed, and derived again when one did (issue 21.3: the
 * templates' guidance and layout were derived on every edit of any page).
 */
class CarriedValuesTest {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private final AtomicInteger derived = new AtomicInteger();

  private static MarkdownDocument doc(String path, String text) {
    return PARSER.parse(path, text);
  }

  private static CorpusIndex index(Set<String> files, MarkdownDocument... docs) {
    Map<String, MarkdownDocument> byPath = new HashMap<>();
    for (MarkdownDocument d : docs) {
      byPath.put(d.path(), d);
    }
    return new CorpusIndex(Path.of("/corpus"), files, Set.of("", "templates"), byPath);
  }

  /** The headings of the templates: a value that reads templates/ only. */
  private List<String> templateHeadings(CorpusIndex index) {
    return index.carried("template headings", p -> p.startsWith("templates/"), i -> {
      derived.incrementAndGet();
      return i.documents().values().stream().filter(d -> d.path().startsWith("templates/"))
          .flatMap(d -> d.headings().stream().map(h -> h.text())).sorted().toList();
    });
  }

  private final MarkdownDocument template = doc("templates/kep.md", "# Title\n\n## Summary\n");
  private final MarkdownDocument page = doc("page.md", "# Page\n");
  private final Set<String> files = Set.of("templates/kep.md", "page.md");

  private CorpusIndex next(CorpusIndex before, Set<String> files, MarkdownDocument... docs) {
    CorpusIndex now = index(files, docs);
    now.inherit(before);
    return now;
  }

  @Test
  void anEditOfAnotherPageKeepsTheValue() {
    CorpusIndex first = index(files, template, page);
    List<String> headings = templateHeadings(first);
    CorpusIndex second = next(first, files, template, doc("page.md", "# Page\n\nedited\n"));
    assertThat(templateHeadings(second)).isSameAs(headings);
    CorpusIndex third = next(second, files, template, doc("page.md", "# Page\n\nagain\n"));
    assertThat(templateHeadings(third)).isSameAs(headings);
    assertThat(derived).hasValue(1);
  }

  /**
   * An index that does not ask for the value (an edit whose validation never reads the templates) still hands it on:
   * only what the index just before had made was taken over, so the edit after such an index derived it again.
   */
  @Test
  void anIndexThatDoesNotAskForTheValueStillHandsItOn() {
    CorpusIndex first = index(files, template, page);
    List<String> headings = templateHeadings(first);
    CorpusIndex unasked = next(first, files, template, doc("page.md", "# Page\n\nedited\n"));
    CorpusIndex third = next(unasked, files, template, doc("page.md", "# Page\n\nagain\n"));
    assertThat(templateHeadings(third)).isSameAs(headings);
    assertThat(derived).hasValue(1);
  }

  @Test
  void anEditOfADocumentItReadsInAnIndexThatDidNotAskDerivesItAgain() {
    CorpusIndex first = index(files, template, page);
    templateHeadings(first);
    CorpusIndex unasked = next(first, files, doc("templates/kep.md", "# Title\n\n## Motivation\n"), page);
    CorpusIndex third = next(unasked, files, unasked.documents().get("templates/kep.md"),
        doc("page.md", "# Page\n\nagain\n"));
    assertThat(templateHeadings(third)).containsExactly("Motivation", "Title");
    assertThat(derived).hasValue(2);
  }

  @Test
  void anEditOfADocumentItReadsDerivesItAgain() {
    CorpusIndex first = index(files, template, page);
    templateHeadings(first);
    CorpusIndex second = next(first, files, doc("templates/kep.md", "# Title\n\n## Motivation\n"), page);
    assertThat(templateHeadings(second)).containsExactly("Motivation", "Title");
    assertThat(derived).hasValue(2);
  }

  @Test
  void anAddedOrRemovedFileDerivesItAgain() {
    CorpusIndex first = index(files, template, page);
    templateHeadings(first);
    CorpusIndex added = next(first, Set.of("templates/kep.md", "page.md", "new.md"), template, page,
        doc("new.md", "# New\n"));
    templateHeadings(added);
    assertThat(derived).hasValue(2);
    CorpusIndex removed = next(added, Set.of("templates/kep.md"), template);
    templateHeadings(removed);
    assertThat(derived).hasValue(3);
  }

  /** The documents' paths, the value of {@link CorpusIndex#ofDocumentPaths}: their texts are not read. */
  private List<String> paths(CorpusIndex index) {
    return index.ofDocumentPaths("paths", i -> {
      derived.incrementAndGet();
      return i.documents().keySet().stream().sorted().toList();
    });
  }

  @Test
  void aValueOfTheDocumentsPathsIsKeptWhateverIsEditedAndDerivedAgainWhenADocumentComesOrGoes() {
    CorpusIndex first = index(files, template, page);
    List<String> paths = paths(first);
    CorpusIndex second = next(first, files, doc("templates/kep.md", "# Other\n"), doc("page.md", "# Edited\n"));
    assertThat(paths(second)).isSameAs(paths);
    assertThat(derived).hasValue(1);
    CorpusIndex third = next(second, Set.of("templates/kep.md", "page.md", "new.md"), template, page,
        doc("new.md", "# New\n"));
    assertThat(paths(third)).containsExactly("new.md", "page.md", "templates/kep.md");
    assertThat(derived).hasValue(2);
  }
}
