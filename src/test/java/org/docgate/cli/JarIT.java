package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.docgate.ReportContract;
import org.docgate.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as users run it: another working directory, routes and rules from inside the jar. */
class JarIT {
  static final Path JAR = Path.of(System.getProperty("docgate.jar", "target/docgate.jar")).toAbsolutePath();
  static final Path DEMO = Path.of("examples/demo").toAbsolutePath();
  static final Path DEMO_RULES = Path.of("examples/demo-rules").toAbsolutePath();

  record Run(int exit, String out, String err) {}

  static Run jar(Path workingDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    if (args.length > 0 && args[0].equals("scan")) {
      command.add("--offline"); // tests never touch the network
    }
    Path out = Files.createTempFile("docgate-out", ".txt");
    Path err = Files.createTempFile("docgate-err", ".txt");
    Process p = new ProcessBuilder(command).directory(workingDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("docgate finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReferenceCorpusJsonFollowsTheContract(@TempDir Path elsewhere) throws Exception {
    Path corpus = SharedFiles.referenceCorpus().toAbsolutePath();
    Run run = jar(elsewhere, "scan", corpus.toString(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    ReportContract.assertValid(report);
    assertThat(report.path("documents").asInt()).isEqualTo(466);
    assertThat(report.path("stats").path("links").path("internal").path("checked").asInt()).isGreaterThan(10_000);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void theDemoCorpusShowsEveryRule(@TempDir Path elsewhere) throws Exception {
    Run run = jar(elsewhere, "scan", DEMO.toString(), "--rules", DEMO_RULES.toString(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    ReportContract.assertValid(report);
    Set<String> rules = new HashSet<>();
    report.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
    assertThat(rules).contains("links/missing-file", "links/missing-anchor", "links/anchor-case",
        "links/case-mismatch", "links/outside-corpus", "links/undefined-reference", "corpus/encoding",
        "corpus/binary", "corpus/unreadable", "corpus/too-large", "corpus/symlink-loop",
        "versions/stale", "versions/eol", "versions/ahead", "versions/inconsistent", "versions/removed-api",
        "versions/conflicting-baseline", "versions/not-latest", "versions/eol-example", "versions/dated-latest",
        "completeness/placeholder", "completeness/empty-section", "completeness/missing-title",
        "completeness/heading-skip", "completeness/orphan", "completeness/dangling-reference",
        "completeness/moved-reference", "completeness/stale-count", "completeness/stale-status",
        "completeness/list-count", "completeness/incomplete-listing", "versions/stale-table",
        "terms/docgate.Kubernetes", "terms/docgate.vSphere", "terms/docgate.Case",
        "terms/docgate.Wasm",
        "terms/docgate.Marketing", "terms/docgate.BilingualFirstUse", "terms/Vocab.Terms", "terms/Vocab.Avoid",
        // snippets/incomplete is off by default; snippets/unverifiable needs a checker that cannot run
        "snippets/syntax", "snippets/missing-language",
        "snippets/lint", "snippets/compose-version", "snippets/sandbox-unavailable");
    // these need shellcheck and a working bwrap sandbox: CI installs both (.ci/run)
    boolean ci = "true".equals(System.getenv("CI"));
    if (ci || Files.isExecutable(Path.of("/usr/bin/shellcheck"))) {
      assertThat(rules).contains("snippets/shellcheck");
    }
    if (ci || !run.out().contains("snippet not run: no sandbox")) {
      assertThat(rules).contains("snippets/run-failed", "snippets/output-mismatch", "snippets/run-timeout");
    }
  }

  @Test
  void usageErrorsExitWithTwo(@TempDir Path elsewhere) throws Exception {
    Run run = jar(elsewhere, "scan");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter");
  }
}
