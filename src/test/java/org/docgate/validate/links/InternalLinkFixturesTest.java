package org.docgate.validate.links;

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

/**
 * Each fixture file says inline which link findings each line must get; every other line must get none. Other
 * validators' findings in these files are theirs to test.
 */
class InternalLinkFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/links");
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
  void findingsAreExactlyThoseWrittenInline(String path) throws IOException {
    List<String> expected = ExpectedFindings.in(FIXTURES.resolve(path));
    List<String> actual = ExpectedFindings.actual(report.findings(), path, "links/");
    assertThat(actual).as("findings in " + path + ":\n" + describe(path)).isEqualTo(expected);
  }

  @Test
  void aFileMovedElsewhereIsSuggestedRelativeToTheLinkingDocument() {
    assertThat(finding("README.md", "setup.md").suggestion()).isEqualTo("guide/setup.md");
    assertThat(finding("README.md", "guide/setpu.md").suggestion()).isEqualTo("guide/setup.md");
    assertThat(finding("容器/安装指南.md", "容器/安装指南.md").suggestion()).isEqualTo("安装指南.md");
  }

  @Test
  void aLinkThatClimbsOneLevelTooFarSuggestsWhatItMeant() {
    assertThat(finding("README.md", "../guide/setup.md#setup").suggestion()).isEqualTo("guide/setup.md#setup");
    assertThat(finding("README.md", "../../../../etc/passwd").suggestion()).isNull();
  }

  @Test
  void caseMismatchSuggestsTheRealName() {
    assertThat(finding("README.md", "Anchors.md").suggestion()).isEqualTo("anchors.md");
    assertThat(finding("README.md", "images/logo.png").suggestion()).isEqualTo("Images/logo.png");
  }

  @Test
  void missingAnchorsSuggestWhatGithubWouldHaveGenerated() {
    Finding fullWidth = finding("anchors.md", "#11-版本说明（2025）");
    assertThat(fullWidth.suggestion()).isEqualTo("#11-版本说明2025");
    assertThat(fullWidth.message()).contains("did you mean '#11-版本说明2025'");
    assertThat(finding("anchors.md", "#第一章-概述").suggestion()).isEqualTo("#第一章概述");
    assertThat(finding("README.md", "anchors.md#Echo").suggestion()).isEqualTo("anchors.md#echo");
  }

  @Test
  void findingsCarryTheTargetAsWrittenAndOneBasedPositions() {
    Finding f = finding("README.md", "../../../../etc/passwd");
    assertThat(f.line()).isEqualTo(25);
    assertThat(f.column()).isEqualTo(3);
    assertThat(f.target()).isEqualTo("../../../../etc/passwd");
    assertThat(f.fingerprint()).matches("[0-9a-f]{16}");
  }

  @Test
  void statsCountDirectoryLinksSeparately() {
    assertThat(report.stats()).extractingByKey("links").asString().contains("directory=");
    assertThat(report.metrics().get("linkValidity")).isBetween(0.0, 1.0);
  }

  @Test
  void referencesWrittenAsBracketNotationAreCountedNotReported() {
    // refs.md: [[ip:][hostPort]:], [[a][b]] and [x [c][d]]; the macros [{#VHOST}][{#QUEUE}] and [${host}][<port>]
    assertThat(report.stats()).extractingByKey("links").asString().contains("references={notation=5}");
  }

  private static Finding finding(String path, String target) {
    return report.findings().stream()
        .filter(f -> f.path().equals(path) && target.equals(f.target()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + target + " in " + path + ":\n" + describe(path)));
  }

  private static String describe(String path) {
    StringBuilder sb = new StringBuilder();
    report.findings().stream().filter(f -> f.path().equals(path)).forEach(f -> sb.append("  ").append(f)
        .append(" [target=").append(f.target()).append(", suggestion=").append(f.suggestion()).append("]\n"));
    return sb.toString();
  }
}
