package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docgate.ExpectedFindings;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture corpus {@code fixtures/profiles} under every packaged renderer profile: each file says inline which
 * link findings (rule and severity) each line gets under which profiles; every other line gets none.
 */
class RendererProfileFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/profiles");
  static final String REPOSITORY = "github.com/docgate-fixtures/profiles";
  private static final Map<String, ScanReport> REPORTS = new HashMap<>();

  static List<String> profiles() {
    return RendererProfiles.fromRules(RuleFiles.packaged()).names();
  }

  static synchronized ScanReport scan(String profile) {
    return REPORTS.computeIfAbsent(profile, p -> Scans.run(FIXTURES, config(p)));
  }

  static DocgateConfig config(String profile) {
    return DocgateConfig.parse("test", "renderer: " + profile + "\nrepository: " + REPOSITORY + "\n");
  }

  static Stream<Arguments> fileUnderEachProfile() throws IOException {
    List<Arguments> out = new ArrayList<>();
    List<String> files = ExpectedFindings.markdownFiles(FIXTURES).toList();
    for (String profile : profiles()) {
      for (String file : files) {
        out.add(Arguments.of(profile, file));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fileUnderEachProfile")
  void findingsAreExactlyThoseWrittenInlineForTheProfile(String profile, String path) throws IOException {
    List<String> expected = ExpectedFindings.inProfile(FIXTURES.resolve(path), profile);
    List<String> actual = ExpectedFindings.actualWithSeverity(scan(profile).findings(), path, "links/");
    assertThat(actual).as("findings in " + path + " under " + profile + ":\n" + describe(scan(profile), path))
        .isEqualTo(expected);
  }

  @Test
  void everyPackagedProfileIsCoveredByTheFixtures() {
    assertThat(profiles()).containsExactly("docusaurus", "github", "gitlab", "hugo", "mkdocs", "strict", "vitepress");
  }

  @Test
  void theReportSaysWhichProfileWasUsedAndWhy() {
    Map<String, Object> links = links(scan("hugo"));
    assertThat(links.get("renderer")).isEqualTo(Map.of("name", "hugo", "reason", "configured"));
    assertThat(links.get("ownRepository")).asString()
        .contains("name=" + REPOSITORY, "source=configured", "checked=8", "pinned=1");
  }

  @Test
  void suggestionsFollowTheProfile() {
    // Under Hugo the heading's {#id} is its id, so a near miss suggests it; GitHub shows the block as text.
    assertThat(finding(scan("hugo"), "attributes.md", "#deploy-a-local-test-clustr").suggestion())
        .isEqualTo("#deploy-a-local-test-cluster");
    assertThat(finding(scan("github"), "attributes.md", "#deploy-a-local-test-clustr").suggestion()).isNull();
    assertThat(finding(scan("vitepress"), "attributes.md", "#1-intro").suggestion()).isEqualTo("#_1-intro");
  }

  @Test
  void anchorCaseMessagesSayWhereTheLinkWorks() {
    assertThat(finding(scan("github"), "case.md", "#Diagnostics").message())
        .isEqualTo("anchor '#Diagnostics' in this document exists only as '#diagnostics': works on GitHub's "
            + "repository Markdown view, which ignores case in fragments; breaks on case-sensitive renderers");
    assertThat(finding(scan("gitlab"), "case.md", "#Diagnostics").message())
        .endsWith("(fragments are case-sensitive on GitLab's repository Markdown view)");
  }

  @Test
  void aFolderWithoutTheIndexDocumentSaysWhatItLacks() {
    assertThat(finding(scan("github"), "folders.md", "/sig-hugo#leads").message())
        .isEqualTo("'#leads' cannot be checked: 'sig-hugo/' has no README.md, README.markdown for GitHub's "
            + "repository Markdown view to show, so nothing on the folder's page carries the fragment");
    assertThat(finding(scan("github"), "folders.md", "sig-x/#leeds").message())
        .isEqualTo("no heading or HTML anchor '#leeds' in 'sig-x/README.md'; did you mean '#leads'?");
    assertThat(finding(scan("github"), "folders.md", "sig-x/#leeds").suggestion()).isEqualTo("sig-x/#leads");
  }

  @Test
  void repositoryLinksAreSuggestedAsRepositoryLinks() {
    Finding renamed = finding(scan("github"), "own.md", "https://github.com/docgate-fixtures/profiles/blob/main/cases.md");
    assertThat(renamed.suggestion()).isEqualTo("https://github.com/docgate-fixtures/profiles/blob/main/case.md");
    Finding anchor =
        finding(scan("github"), "own.md", "https://github.com/docgate-fixtures/profiles/blob/main/case.md#diagnosis");
    assertThat(anchor.suggestion())
        .isEqualTo("https://github.com/docgate-fixtures/profiles/blob/main/case.md#diagnostics");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> links(ScanReport report) {
    return (Map<String, Object>) report.stats().get("links");
  }

  static Finding finding(ScanReport report, String path, String target) {
    return report.findings().stream()
        .filter(f -> f.path().equals(path) && target.equals(f.target()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + target + " in " + path + ":\n"
            + describe(report, path)));
  }

  static String describe(ScanReport report, String path) {
    StringBuilder sb = new StringBuilder();
    report.findings().stream().filter(f -> f.path().equals(path)).forEach(f -> sb.append("  ").append(f)
        .append(" [target=").append(f.target()).append(", suggestion=").append(f.suggestion()).append("]\n"));
    return sb.toString();
  }
}
