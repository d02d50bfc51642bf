package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.cli.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fail-on} (the exit code's threshold) and {@code --min-severity} (what is reported). */
class SeverityOptionsTest {
  @TempDir Path dir;
  Path corpus;

  /** One broken link, turned into a warning by the discovered config. */
  @BeforeEach
  void corpus() throws Exception {
    corpus = dir.resolve("repo");
    Files.createDirectories(corpus.resolve(".git"));
    Files.writeString(corpus.resolve(".docgate.yaml"), "rules:\n  links/missing-file: warning\n");
    Files.writeString(corpus.resolve("README.md"), "# Top\n\n[gone](gone.md)\n");
  }

  @Test
  void aWarningFailsOnlyFromFailOnWarning() {
    assertThat(docgate("scan", corpus.toString()).exit()).isEqualTo(0);
    assertThat(docgate("scan", corpus.toString(), "--fail-on", "error").exit()).isEqualTo(0);
    assertThat(docgate("scan", corpus.toString(), "--fail-on", "warning").exit()).isEqualTo(1);
    assertThat(docgate("scan", corpus.toString(), "--fail-on", "info").exit()).isEqualTo(1);
  }

  @Test
  void minSeverityHidesFindingsButNotTheStats() throws Exception {
    Run all = docgate("scan", corpus.toString(), "--format", "json");
    Run errorsOnly = docgate("scan", corpus.toString(), "--format", "json", "--min-severity", "error");
    JsonNode a = new ObjectMapper().readTree(all.out());
    JsonNode e = new ObjectMapper().readTree(errorsOnly.out());
    assertThat(a.path("findings").toString()).contains("links/missing-file");
    assertThat(e.path("findings").toString()).doesNotContain("links/missing-file");
    assertThat(e.path("stats")).isEqualTo(a.path("stats"));
    assertThat(e.path("metrics")).isEqualTo(a.path("metrics"));
    // what is hidden still fails the run when --fail-on asks for it
    assertThat(docgate("scan", corpus.toString(), "--min-severity", "error", "--fail-on", "warning").exit())
        .isEqualTo(1);
    assertThat(docgate("scan", corpus.toString(), "--min-severity", "warning").out())
        .contains("README.md:3:1: warning links/missing-file");
  }

  @Test
  void aBadSeverityIsAUsageError() {
    Run run = docgate("scan", corpus.toString(), "--fail-on", "fatal");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--fail-on: unknown severity 'fatal' (expected error, warning or info)");
  }
}
