package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.docgate.cli.DocgateCommand;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

/** Against the fields GitLab documents for a Code Quality report (ci/testing/code_quality, "Code Quality report format"). */
class CodeQualityReportWriterTest {
  static final Set<String> GITLAB_SEVERITIES = Set.of("info", "minor", "major", "critical", "blocker");

  @Test
  void eachFindingIsOneIssueWithGitlabsRequiredFields() throws Exception {
    JsonNode issues = new ObjectMapper().readTree(new CodeQualityReportWriter("docs/").write(
        GithubAnnotationsWriterTest.report(
            new Finding("links/missing-file", Severity.ERROR, "a.md", 3, 7, "no file", null, null, "fp-a"),
            new Finding("terms/preferred", Severity.WARNING, "b.md", 9, 1, "say X", null, null, "fp-b"),
            new Finding("versions/stale", Severity.INFO, "c.md", 2, 1, "old", null, null, "fp-c"))));

    assertThat(issues.isArray()).isTrue();
    assertThat(issues).hasSize(3);
    JsonNode first = issues.get(0);
    assertThat(first.path("description").asText()).isEqualTo("no file");
    assertThat(first.path("check_name").asText()).isEqualTo("links/missing-file");
    assertThat(first.path("fingerprint").asText()).isEqualTo("fp-a");
    assertThat(first.path("location").path("path").asText()).isEqualTo("docs/a.md");
    assertThat(first.path("location").path("lines").path("begin").asInt()).isEqualTo(3);
    assertThat(issues.findValuesAsText("severity")).containsExactly("major", "minor", "info");
  }

  @Test
  void scanOfTheFixtureCorpusGivesValidIssuesWithUniqueFingerprints() throws Exception {
    StringWriter out = new StringWriter();
    DocgateCommand.execute(new String[] {"scan", JUnitReportWriterTest.LINK_FIXTURES, "--format", "codequality",
        "--offline"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

    JsonNode issues = new ObjectMapper().readTree(out.toString());
    assertThat(issues.size()).isGreaterThan(3);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode issue : issues) {
      assertThat(issue.path("description").asText()).isNotBlank();
      assertThat(issue.path("check_name").asText()).contains("/");
      assertThat(GITLAB_SEVERITIES).contains(issue.path("severity").asText());
      assertThat(issue.path("location").path("path").asText()).endsWith(".md");
      assertThat(issue.path("location").path("lines").path("begin").asInt()).isPositive();
      assertThat(fingerprints.add(issue.path("fingerprint").asText())).as("unique fingerprint").isTrue();
    }
  }
}
