package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

class PrFindingsTest {
  static Finding broken(String path, int line, String target) {
    return new Finding("links/missing-file", Severity.ERROR, path, line, 1, "'" + target + "' does not exist", target,
        null, null);
  }

  static List<String> where(List<Finding> findings) {
    return findings.stream().map(f -> f.path() + ":" + f.line()).toList();
  }

  @Test
  void aFindingThatOnlyMovedLinesIsPreExistingNotNewAndFixed() {
    List<Finding> base = Fingerprints.assign(List.of(broken("a.md", 3, "x.md")));
    List<Finding> head = Fingerprints.assign(List.of(broken("a.md", 40, "x.md")));
    PrFindings f = PrFindings.classify(base, head, Set.of("a.md"));
    assertThat(f.added()).isEmpty();
    assertThat(f.fixed()).isEmpty();
    assertThat(where(f.preExisting())).containsExactly("a.md:40");
  }

  @Test
  void aSecondIdenticalBrokenLinkInOneFileIsOneNewFinding() {
    List<Finding> base = Fingerprints.assign(List.of(broken("a.md", 3, "x.md")));
    List<Finding> head = Fingerprints.assign(List.of(broken("a.md", 3, "x.md"), broken("a.md", 9, "x.md")));
    PrFindings f = PrFindings.classify(base, head, Set.of("a.md"));
    assertThat(f.added()).hasSize(1);
    assertThat(f.preExisting()).hasSize(1);
    assertThat(f.fixed()).isEmpty();
  }

  @Test
  void untouchedFilesAreIgnoredOnBothSides() {
    List<Finding> base = Fingerprints.assign(List.of(broken("old.md", 3, "x.md"), broken("b.md", 2, "gone.md")));
    List<Finding> head = Fingerprints.assign(List.of(broken("new.md", 3, "y.md"), broken("b.md", 2, "gone.md")));
    PrFindings f = PrFindings.classify(base, head, Set.of("a.md"));
    assertThat(f.added()).isEmpty();
    assertThat(f.fixed()).isEmpty();
    assertThat(f.preExisting()).isEmpty();
  }

  @Test
  void aRenamedFileCarriesItsFindingsAsFixedUnderTheOldNameAndNewUnderTheNew() {
    List<Finding> base = Fingerprints.assign(List.of(broken("old.md", 3, "x.md")));
    List<Finding> head = Fingerprints.assign(List.of(broken("new.md", 3, "x.md")));
    PrFindings f = PrFindings.classify(base, head, Set.of("old.md", "new.md"));
    assertThat(where(f.added())).containsExactly("new.md:3");
    assertThat(where(f.fixed())).containsExactly("old.md:3");
  }

  @Test
  void touchedFilesAreChangedDocumentsAndDocumentsLinkingIntoChangedFilesInEitherTree() {
    LinkIndex base = new LinkIndex(Set.of("a.md", "b.md", "c.md", "old.md"),
        java.util.Map.of("old.md", Set.of("c.md"), "img/x.png", Set.of("b.md")));
    LinkIndex head = new LinkIndex(Set.of("a.md", "b.md", "c.md", "new.md", "d.md"),
        java.util.Map.of("new.md", Set.of("d.md")));
    List<Change> changes = List.of(new Change('R', "old.md", "new.md"), new Change('D', "img/x.png", null),
        new Change('M', "a.md", "a.md"), new Change('M', "tools/build.sh", "tools/build.sh"));
    assertThat(PrAnalysis.touched(changes, base, head))
        .containsExactly("a.md", "b.md", "c.md", "d.md", "new.md", "old.md");
  }

  @Test
  void gitNameStatusWithRenamesAndAwkwardNames() {
    String z = "M\0a.md\0R087\0old name.md\0dir/new\tname.md\0D\0gone.md\0A\0x</details>.md\0C100\0src.md\0copy.md\0";
    assertThat(NameStatus.parse(z)).containsExactly(
        new Change('M', "a.md", "a.md"), new Change('R', "old name.md", "dir/new\tname.md"),
        new Change('D', "gone.md", null), new Change('A', null, "x</details>.md"), new Change('A', null, "copy.md"));
  }
}
