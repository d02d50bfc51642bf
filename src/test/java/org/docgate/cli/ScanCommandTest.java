package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.ReportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.docgate.cli.Cli.Run;

class ScanCommandTest {
  static final String FIXTURES = "src/test/resources/fixtures/links";


  @Test
  void errorFindingsExitWithOneAndTheJsonFollowsTheContract() throws Exception {
    Run run = docgate("scan", FIXTURES, "--format", "json");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    ReportContract.assertValid(report);
    assertThat(report.path("findings").size()).isGreaterThan(10);
  }

  @Test
  void aCleanCorpusExitsWithZeroAndSaysSo(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("README.md"), "# Hi\n\n[me](#hi) [other](other.md#第二节)\n");
    Files.writeString(dir.resolve("other.md"), "# Other\n\n## 第二节\n");
    Run run = docgate("scan", dir.toString());
    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).contains("0 errors").contains("link validity: 100.00% (2 of 2 internal links ok)");
  }

  @Test
  void aCorpusWhoseEveryInternalLinkIsBrokenSaysZeroOk(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("README.md"), "# Hi\n\n[a](gone.md) [b][nowhere]\n");
    Run run = docgate("scan", dir.toString());
    assertThat(run.out()).contains("link validity: 0.00% (0 of 2 internal links ok)");
  }

  @Test
  void textOutputHasEditorStyleLinesAndASummary() {
    Run run = docgate("scan", FIXTURES);
    assertThat(run.out())
        .contains("README.md:25:3: error links/outside-corpus:")
        .contains("by rule:")
        .contains("worst files:")
        .contains("link validity:")
        .containsPattern("metrics: .*versionAlignment (\\d+\\.\\d\\d%|not measured)");
  }

  @Test
  void anUnknownOptionIsOneShortLineAndAPointerToHelpNotTheWholeUsage() {
    Run run = docgate("scan", FIXTURES, "--formt", "json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        "docgate: Unknown option: '--formt' (did you mean --format?)", "see docgate scan --help");
  }

  @Test
  void findingLinesComeErrorsFirst() {
    Run run = docgate("scan", FIXTURES, "--quiet");

    java.util.List<String> severities = run.out().lines().map(l -> l.split(": ", 3)[1].split(" ")[0]).toList();
    assertThat(severities).contains("error", "warning").isSortedAccordingTo(
        java.util.Comparator.comparing(s -> java.util.List.of("error", "warning", "info").indexOf(s)));
  }

  @Test
  void quietPrintsOnlyTheFindingLines() {
    Run run = docgate("scan", FIXTURES, "--quiet");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("links/missing-file").doesNotContain("by rule:").doesNotContain("link validity");
  }

  @Test
  void outputWritesTheReportToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/report.json");
    Run run = docgate("scan", FIXTURES, "--format", "json", "--output", file.toString());
    assertThat(run.out()).isEmpty();
    ReportContract.assertValid(new ObjectMapper().readTree(Files.readString(file)));
  }

  @Test
  void onlyLinksRunsTheLinkValidator() throws Exception {
    Run run = docgate("scan", FIXTURES, "--only", "links", "--format", "json");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(run.out()).path("findings").size()).isGreaterThan(0);
  }

  @Test
  void anUnknownValidatorIsAUsageErrorWithOneLine() {
    Run run = docgate("scan", FIXTURES, "--only", "spelling");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown validator 'spelling'").doesNotContain("\tat ");
  }

  @Test
  void aMissingCorpusIsAFatalErrorWithoutStackTrace() {
    Run run = docgate("scan", "/no/such/folder");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("docgate: error:").contains("/no/such/folder");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void verboseShowsTheStackTrace() {
    Run run = docgate("scan", "/no/such/folder", "--verbose");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void aBadConfigNamesItsFileAndLine(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("docgate.yaml");
    Files.writeString(config, "corpus:\n  include: ['**/*.md']\n  exclud: []\n");
    Run run = docgate("scan", FIXTURES, "--config", config.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(config + ":3: unknown key 'exclud' in corpus");
  }

  @Test
  void configCanTurnARuleOffOrDowngradeIt(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("docgate.yaml");
    Files.writeString(config, """
        rules:
          links/missing-file: warning
          links/missing-anchor: off
          links/case-mismatch: off
          links/outside-corpus: off
          links/undefined-reference: off
          links/undefined-footnote: off
          links/footnote-as-link-label: off
        """);
    Run run = docgate("scan", FIXTURES, "--config", config.toString(), "--only", "links", "--format", "json");
    JsonNode findings = new ObjectMapper().readTree(run.out()).path("findings");
    assertThat(findings).allSatisfy(f -> assertThat(f.path("rule").asText()).isIn("links/missing-file",
        "links/anchor-case"));
    // anchor-case keeps its default under the github profile: info (the link works on GitHub)
    assertThat(findings).allSatisfy(f -> assertThat(f.path("severity").asText())
        .isEqualTo(f.path("rule").asText().equals("links/anchor-case") ? "info" : "warning"));
    assertThat(run.exit()).isEqualTo(0);
  }

  @Test
  void theRendererOptionChoosesTheProfileAndTheSummarySaysWhy() throws Exception {
    Run run = docgate("scan", FIXTURES, "--only", "links", "--renderer", "gitlab");
    assertThat(run.out()).contains("renderer: gitlab (configured)");
    assertThat(run.out()).contains("error links/anchor-case: anchor '#Echo' in 'anchors.md' exists only as '#echo' "
        + "(fragments are case-sensitive on GitLab's repository Markdown view)");
    Run unknown = docgate("scan", FIXTURES, "--only", "links", "--renderer", "jekyll");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown renderer 'jekyll' (known: docusaurus, github, gitlab, hugo, mkdocs, "
        + "strict, vitepress)");
  }

  @Test
  void aRulesFolderOverridesThePackagedConfig(@TempDir Path rules) throws Exception {
    Files.writeString(rules.resolve("docgate.yaml"), "corpus:\n  exclude: ['**/guide/**', '容器/**']\n");
    Run run = docgate("scan", FIXTURES, "--rules", rules.toString(), "--format", "json");
    JsonNode findings = new ObjectMapper().readTree(run.out()).path("findings");
    assertThat(findings).noneSatisfy(f -> assertThat(f.path("path").asText()).startsWith("容器/"));
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = docgate();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Usage:");
  }
}
