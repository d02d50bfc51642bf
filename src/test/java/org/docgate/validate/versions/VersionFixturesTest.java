package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docgate.ExpectedFindings;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fixture says inline which version findings each line must get (packaged manifest); others get none. */
class VersionFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/versions");
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
    List<String> actual = ExpectedFindings.actual(report.findings(), path, "versions/");
    assertThat(actual).as("findings in " + path + ":\n" + describe(path)).isEqualTo(expected);
  }

  @Test
  void findingsNameProductVersionAndCurrentLineAndSuggestTheReplacement() {
    Finding f = finding("prose-zh.md", "Kubernetes 1.28");
    assertThat(f.message()).contains("Kubernetes 1.28", "end-of-life", "1.31/1.30");
    // the fixtures' day (2026-01-01) is after the manifest's 1.31 ended (2025-11-11): a fix names the newest cycle of
    // the data that has not ended, never a line that is end-of-life itself
    assertThat(f.message()).contains("the manifest's current line is 1.31/1.30, which has ended too (the newest "
        + "supported cycle is 1.36)");
    assertThat(f.suggestion()).isEqualTo("Kubernetes 1.36");
    assertThat(f.column()).isEqualTo(3);
    assertThat(finding("prose-zh.md", "K8s1.29").suggestion()).isEqualTo("K8s1.36");
    assertThat(finding("prose-zh.md", "vSphere 7.0 U3").suggestion()).isEqualTo("vSphere 8.0 U3");
    assertThat(finding("prose-en.md", "K8s v1.25.4").suggestion()).isEqualTo("K8s v1.36");
    Finding stale = finding("prose-zh.md", "CRI-O 1.29");
    assertThat(stale.message()).isEqualTo(
        "CRI-O 1.29 is older than the minimum supported 1.30; the manifest's current line is 1.31/1.30");
    // an imported release cycle has its own date, not "and older" (Docker 25.0 outlived 26.0)
    assertThat(finding("prose-en.md", "Istio 1.22").message())
        .isEqualTo("Istio 1.22 is end-of-life (1.22 since 2025-01-22); the manifest's current line is 1.27/1.26");
    assertThat(finding("code.md", "docker:20.10-dind").suggestion()).isEqualTo("docker:29");
    assertThat(finding("code.md", "kindest/node:v1.27.3").suggestion()).isEqualTo("kindest/node:v1.36");
    assertThat(finding("code.md", "extensions/v1beta1").suggestion()).isEqualTo("apps/v1");
    assertThat(finding("code.md", "extensions/v1beta1").message()).contains("removed in Kubernetes 1.16");
    assertThat(finding("inconsistent.md", "vSphere 8.0 U2").suggestion()).isEqualTo("vSphere 8.0 U3");
  }

  @Test
  void anImageWhoseEveryLineHasEndedGetsNoTagToUse() {
    Finding centos = finding("example-images.md", "centos:7");
    assertThat(centos.message()).isEqualTo("example pins centos:7 (CentOS 7), end of life since 2024-06-30: readers"
        + " copy examples; every CentOS line has ended: use a maintained image");
    assertThat(centos.suggestion()).isNull();
  }

  @Test
  void anEndOfLifeImageTagIsAWarningWhileTheSameEndInProseIsAnError() {
    // FROM node:16-alpine still pulls and runs: should be fixed; "Kubernetes 1.28" in prose misleads a reader
    assertThat(finding("current-claims.md", "node:16-alpine").severity()).isEqualTo(Severity.WARNING);
    assertThat(finding("code.md", "docker:20.10-dind").severity()).isEqualTo(Severity.WARNING);
    assertThat(finding("prose-zh.md", "Kubernetes 1.28").severity()).isEqualTo(Severity.ERROR);
    // a version variable is no image tag: "ISTIO_VERSION=1.21.0" stays an error
    assertThat(report.findings().stream().filter(f -> f.path().equals("current-claims.md") && f.line() == 15)
        .map(Finding::severity)).containsExactly(Severity.ERROR);
  }

  @Test
  void anEndedImageInAnExampleIsAdviceThatSaysWhyAndSuggestsTheNewestLivingCycleWithTheSameVariant() {
    Finding postgres = finding("example-images.md", "postgres:13");
    assertThat(postgres.rule()).isEqualTo("versions/eol-example");
    assertThat(postgres.severity()).isEqualTo(Severity.INFO);
    assertThat(postgres.message()).isEqualTo("example pins postgres:13 (PostgreSQL 13), end of life since 2025-11-13: "
        + "readers copy examples; use postgres:18");
    assertThat(postgres.suggestion()).isEqualTo("postgres:18");
    // the variant after the version is kept: the reader chose Apache, not the version
    assertThat(finding("example-images.md", "php:8.0-apache").suggestion()).isEqualTo("php:8.5-apache");
    // a tag more precise than the cycle names a release; "9.5" may be no tag of the registry: no suggestion
    Finding elastic = finding("example-images.md", "docker.elastic.co/elasticsearch/elasticsearch:6.8.23");
    assertThat(elastic.suggestion()).isNull();
    assertThat(elastic.message()).endsWith("use a 9.5 release of docker.elastic.co/elasticsearch/elasticsearch");
  }

  @Test
  void aLatestClaimNamesTheNewerLineAndAnEndedLowerBoundTheLastCycle() {
    Finding latest = finding("recall-claims.md", "Docker 25.0.0");
    // the newest release cycle of the version data, not the manifest's baseline: "latest" is about the world
    assertThat(latest.message()).isEqualTo("the text calls Docker 25.0.0 the latest, but Docker 29 is newer"
        + " (endoflife.date; the manifest's current line is 27.0): update the version or drop \"latest\"");
    assertThat(latest.suggestion()).isEqualTo("Docker 29");
    assertThat(finding("recall-claims.md", "CentOS 7.7+").message()).startsWith(
        "CentOS 7.7+ is end-of-life: every release cycle from 7.7 on has ended (the last 7 since 2024-06-30)");
  }

  @Test
  void statsCountMentionsPerProductAndVersionWithoutDotsInKeys() {
    @SuppressWarnings("unchecked")
    Map<String, Object> versions = (Map<String, Object>) report.stats().get("versions");
    @SuppressWarnings("unchecked")
    Map<String, Object> mentions = (Map<String, Object>) versions.get("mentions");
    assertThat(mentions).containsKeys("Kubernetes", "Docker", "vSphere", "ESXi");
    assertThat(map(mentions.get("Kubernetes"))).containsKeys("1_28", "1_31", "1_28+", "1_28-1_31");
    assertThat(map(mentions.get("vSphere"))).containsKey("8_0_U3");
    assertThat(map(versions.get("exempt"))).containsKeys("cue", "section", "path", "comparison");
    assertThat(report.metrics().get("versionAlignment")).isBetween(0.0, 1.0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
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
