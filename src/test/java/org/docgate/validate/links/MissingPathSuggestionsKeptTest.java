package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.junit.jupiter.api.Test;

/**
 * A missing path's suggestion reads which paths exist alone: the service's next index keeps it while the files and
 * folders are the same (an edit in place), and computes it again once a file is added (issue 21.3: the broken links
 * of every re-validated document were compared with every path of k8s-handbook-zh after each edit).
 */
class MissingPathSuggestionsKeptTest {
  private static final Set<String> DIRS = Set.of("", "guide");

  private static CorpusIndex index(Set<String> files) {
    return new CorpusIndex(Path.of("/corpus"), files, DIRS, Map.of());
  }

  @Test
  void aSuggestionIsKeptWhileThePathsAreTheSameAndComputedAgainWhenAFileIsAdded() {
    Set<String> files = Set.of("guide/install.md", "guide/upgrade.md", "README.md");
    CorpusIndex first = index(files);
    assertThat(Suggestions.forMissingPath(first, "guide/instal.md")).contains("guide/install.md");
    long computed = Suggestions.COMPUTED.get();

    CorpusIndex edited = index(Set.copyOf(files));
    edited.inherit(first);
    assertThat(Suggestions.forMissingPath(edited, "guide/instal.md")).contains("guide/install.md");
    assertThat(Suggestions.COMPUTED.get()).as("kept: the same paths").isEqualTo(computed);

    CorpusIndex added = index(Set.of("guide/install.md", "guide/upgrade.md", "README.md", "guide/instal.md"));
    added.inherit(edited);
    assertThat(Suggestions.forMissingPath(added, "guide/instal.md")).as("computed again").isEqualTo(
        Optional.of("guide/instal.md"));
    assertThat(Suggestions.COMPUTED.get()).isEqualTo(computed + 1);
    assertThat(added.withNameIgnoringCase("INSTAL.md")).containsExactly("guide/instal.md");
  }
}
