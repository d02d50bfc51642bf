package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.docgate.ExpectedFindings;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fixture says inline which completeness findings each line must get; every other line must get none. */
class CompletenessFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/completeness");
  static ScanReport report;

  @BeforeAll
  static void scanFixtures() {
    report = Scans.run(FIXTURES);
  }

  static Stream<String> fixtureFiles() throws IOException {
    return ExpectedFindings.markdownFiles(FIXTURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureFiles")
  void completenessFindingsAreExactlyThoseWrittenInline(String path) throws IOException {
    List<String> expected = ExpectedFindings.in(FIXTURES.resolve(path));
    List<String> actual = completeness().filter(f -> f.path().equals(path))
        .map(f -> f.line() + ":" + f.rule())
        .sorted()
        .toList();
    assertThat(actual).as("findings in " + path + ":\n" + describe(path)).isEqualTo(expected);
  }

  @Test
  void aMovedDocumentIsSuggestedAsALinkFromTheNamingDocument() {
    Finding moved = finding("references.md", "completeness/moved-reference", "setup.md");
    assertThat(moved.suggestion()).isEqualTo("guide/setup.md");
    assertThat(moved.severity().label()).isEqualTo("info");
    assertThat(moved.message()).contains("[setup.md](guide/setup.md)");
  }

  @Test
  void aDanglingNameGetsANearNameWhenOneExists() {
    Finding near = finding("references.md", "completeness/dangling-reference", "guide/install.md");
    assertThat(near.severity().label()).isEqualTo("error");
    assertThat(finding("references.md", "completeness/dangling-reference", "2025年技术标准最终对齐报告.md")
        .suggestion()).isNull();
  }

  @Test
  void aSectionHoldingOnlyAMarkerIsReportedAsThatPlaceholder() {
    String kep = "keps/2339-storageversion-api/README.md";
    assertThat(completeness().filter(f -> f.path().equals(kep)).map(Finding::message))
        .containsExactly("'TODO' is all the section 'Graduation Criteria' holds",
            "'TODO' is all the section 'Drawbacks' holds");
    assertThat(completeness().filter(f -> f.path().equals("keps/3017-pod-healthy-policy-for-pdb/README.md"))
        .map(Finding::message)).singleElement().asString().startsWith("'TBD' is the whole answer to the guidance");
    assertThat(completeness().filter(f -> f.path().equals("keps/1710-selinux-relabeling/README.md"))
        .map(Finding::message)).containsExactly(
            "'TODO: Augment it by `SELinuxChangePolicy` field' asks for text of this document itself, yet the "
                + "document's status is 'implemented': what it waited for has happened; fill it in",
            "'TODO: describe how `N` is estimated' asks for text of this document itself, yet the document's status "
                + "is 'implemented': what it waited for has happened; fill it in");
  }

  @Test
  void aStaleCountStatesBothNumbers() {
    Finding stale = completeness().filter(f -> f.path().equals("counts.md") && f.rule().endsWith("stale-count"))
        .filter(f -> f.message().contains("12 documents")).findFirst().orElseThrow();
    assertThat(stale.message()).contains("'数据/'").contains("4 Markdown documents (3 without READMEs)");
  }

  @Test
  void anOrphanWhoseListingIsABrokenLinkIsToldToCorrectThePath() {
    // Node.js README.md:903 "[Strategic initiatives]: doc/contributing/strategic-initiatives.md" is a link: saying
    // "names it without a link" was wrong (round 20, finding 27)
    assertThat(completeness().filter(f -> f.path().equals("by-url/misplaced.md")).map(Finding::message))
        .containsExactly("no other document links to this document; by-url/README.md:9 links to "
            + "'docs/by-url/misplaced.md', which does not lead here: correct that link's path");
  }

  /** The fifth example value: a name introduced as one ("example `guide/newly-created-doc.md`", references.md). */
  @Test
  void examplePathsAndNamingSchemesAreCountedAsExempt() {
    assertThat(report.stats()).extractingByKey("completeness").asString()
        .contains("exampleValue=8").contains("namePattern=1");
  }

  @Test
  void metricsAndStatsAreReported() {
    assertThat(report.metrics().get("completeness")).isBetween(0.0, 1.0);
    assertThat(report.metrics().get("reachability")).isBetween(0.0, 1.0);
    assertThat(report.stats()).extractingByKey("completeness").asString()
        .contains("documents=").contains("sections=").contains("references=").contains("counts=");
  }

  private static Stream<Finding> completeness() {
    return report.findings().stream().filter(f -> f.rule().startsWith("completeness/"));
  }

  private static Finding finding(String path, String rule, String target) {
    return completeness().filter(f -> f.path().equals(path) && f.rule().equals(rule) && target.equals(f.target()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            "no " + rule + " for " + target + " in " + path + ":\n" + describe(path)));
  }

  private static String describe(String path) {
    StringBuilder sb = new StringBuilder();
    completeness().filter(f -> f.path().equals(path)).forEach(f -> sb.append("  ").append(f)
        .append(" [target=").append(f.target()).append(", suggestion=").append(f.suggestion()).append("]\n"));
    return sb.toString();
  }
}
