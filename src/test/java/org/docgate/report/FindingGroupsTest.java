package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingGroupsTest {

  static Finding link(String rule, String path, int line, String target) {
    return new Finding(rule, Severity.ERROR, path, line, 1, "broken", target, null, null);
  }

  static Finding other(Severity severity, String path, int line) {
    return new Finding("terms/casing", severity, path, line, 1, "casing", null, null, null);
  }

  @ParameterizedTest(name = "{0} in {1} has the cause ''{3}''")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      links/missing-file   | docs/a.md   | install/      | docs/install
      links/missing-file   | docs/b/c.md | ../install    | docs/install
      links/missing-file   | docs/a.md   | /install#x    | install
      links/missing-file   | docs/a.md   | setup.md?x=1  | docs/setup.md
      links/missing-file   | a.md        | ../../out.md  | -
      links/missing-anchor | docs/a.md   | b.md#Setup    | docs/b.md#Setup
      links/missing-anchor | docs/a.md   | #intro        | docs/a.md#intro
      links/missing-anchor | docs/a.md   | b.md          | -
      links/missing-file   | docs/a.md   | https://x.io/ | -
      links/case-mismatch  | docs/a.md   | B.md          | -
      """)
  void causeIsTheResolvedTargetOfMissingFileAndAnchorLinks(String rule, String path, String target, String cause) {
    assertThat(FindingGroups.causeOf(link(rule, path, 1, target)).orElse(null)).isEqualTo(cause);
  }

  @Test
  void linksToOneMissingFolderBecomeOneGroupWhereTheirFirstFindingSorts() {
    Finding info = other(Severity.INFO, "a.md", 1);
    Finding first = link("links/missing-file", "b.md", 9, "install/");
    Finding warning = other(Severity.WARNING, "a.md", 2);
    Finding second = link("links/missing-file", "docs/c.md", 3, "../install");
    Finding lone = link("links/missing-file", "c.md", 1, "other.md");
    Finding third = link("links/missing-file", "a.md", 5, "./install");

    List<FindingGroup> groups = FindingGroups.group(List.of(info, first, warning, second, lone, third));

    assertThat(groups).containsExactly(
        new FindingGroup("3 links to 'install' (missing)", List.of(third, first, second)),
        new FindingGroup(null, List.of(lone)),
        new FindingGroup(null, List.of(warning)),
        new FindingGroup(null, List.of(info)));
  }

  @Test
  void linksToOneRenamedHeadingBecomeOneGroupAndOtherAnchorsStayApart() {
    Finding a = link("links/missing-anchor", "x.md", 1, "guide.md#old-name");
    Finding b = link("links/missing-anchor", "y.md", 2, "./guide.md#old-name");
    Finding c = link("links/missing-anchor", "z.md", 3, "guide.md#other");

    assertThat(FindingGroups.group(List.of(c, b, a))).containsExactly(
        new FindingGroup("2 links to 'guide.md#old-name' (missing anchor)", List.of(a, b)),
        new FindingGroup(null, List.of(c)));
  }

  @Test
  void triageOrderIsSeverityThenPathThenLine() {
    Finding infoA = other(Severity.INFO, "a.md", 1);
    Finding errorB2 = other(Severity.ERROR, "b.md", 2);
    Finding errorB10 = other(Severity.ERROR, "b.md", 10);
    Finding warnA = other(Severity.WARNING, "a.md", 3);

    assertThat(FindingGroups.triageOrder(List.of(infoA, errorB10, warnA, errorB2)))
        .containsExactly(errorB2, errorB10, warnA, infoA);
  }
}
