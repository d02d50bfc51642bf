package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.docgate.ExpectedFindings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture says inline which snippet findings it must get. A comment inside a snippet would change the snippet,
 * so an expectation above a fence may name a body line: {@code <!-- expect: snippets/syntax +3 -->} means the
 * third line after the fence; without {@code +N} it means the next line (the fence itself).
 */
class SnippetFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/snippets");
  private static final Pattern EXPECT = Pattern.compile("^\\s*<!--\\s*expect:\\s*(.*?)\\s*-->\\s*$");
  static ScanReport report;

  @BeforeAll
  static void scanFixtures() {
    // snippets/incomplete is off by default: the fixtures show it too
    report = Scans.run(FIXTURES, org.docgate.config.DocgateConfig.parse("fixtures", "rules:\n  snippets/incomplete: info\n"));
  }

  static Stream<String> fixtureFiles() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureFiles")
  void findingsAreExactlyThoseWrittenInline(String path) throws IOException {
    Tools.require(Files.readString(FIXTURES.resolve(path)));
    List<String> actual = ExpectedFindings.actual(report.findings(), path, "snippets/");
    assertThat(actual).as("snippet findings in " + path + ":\n" + describe(path)).isEqualTo(expected(path));
  }

  @Test
  void metricIsPassedOverPassedPlusFailedAndCountersHoldEveryOutcomePerLanguage() {
    var snippets = (java.util.Map<?, ?>) report.stats().get("snippets");
    var outcome = (java.util.Map<?, ?>) snippets.get("outcome");
    long passed = ((Number) outcome.get("passed")).longValue();
    long failed = ((Number) outcome.get("failed")).longValue();
    assertThat(report.metrics().get("snippetRunnable")).isEqualTo(passed / (double) (passed + failed));
    @SuppressWarnings("unchecked")
    var language = (java.util.Map<String, Object>) snippets.get("language");
    assertThat(language.keySet()).contains("yaml", "json", "jsonc", "json5", "shell", "console", "python",
        "powershell", "rust", "coq", "text", "mermaid", "unlabelled");
    assertThat(language.get("powershell")).isEqualTo(java.util.Map.of("unverifiable", 2L));
    assertThat(language.get("text")).isEqualTo(java.util.Map.of("skipped", 1L));
  }

  @Test
  void messagesNameTheLanguageAndTheCheckersReason() {
    Finding duplicate = only("yaml.md", 32);
    assertThat(duplicate.message()).isEqualTo("YAML: duplicate key 'name'");
    assertThat(duplicate.column()).isEqualTo(1);
    assertThat(only("yaml.md", 43).message()).isEqualTo("yaml excerpt, not a whole file or object: Kubernetes"
        + " Deployment (apps/v1) has metadata without name or generateName");
    assertThat(only("judged.md", 64).message()).startsWith("YAML: 'metadata:' has no value and the lines after it are"
        + " at its own level: indentation lost? (the parser fails at line ");
    assertThat(only("judged.md", 82).message()).isEqualTo("this ```bash block holds a bpftrace script"
        + " (#!/usr/bin/env bpftrace), not shell (line 1 of the block): label it ```bpftrace or split the block");
    assertThat(only("python.md", 14).message()).startsWith("python: ");
    assertThat(only("shell.md", 17).message()).startsWith("bash: syntax error");
  }

  @Test
  void outputAndScriptsInABashFenceAreNamedForWhatTheyAreNotForLinesThatLookLikeYaml() {
    // a stack trace (its code: 'ECONNRESET', lines are no YAML), a cipher list a command printed, a webpack config
    assertThat(only("untuned.md", 69).message()).startsWith("this ```bash block holds command output, not shell");
    assertThat(only("untuned.md", 57).message()).startsWith("this ```bash block holds command output, not shell");
    assertThat(only("untuned.md", 89).message()).startsWith("this ```bash block holds JavaScript, not shell");
  }

  @Test
  void windowsCommandsAreNamedForWhatTheyAre() {
    assertThat(only("unlabelled.md", 127).message())
        .isEqualTo("fenced code block without a language holds Windows command prompt commands: label it ```bat so it"
            + " is highlighted and checked");
  }

  private static Finding only(String path, int line) {
    List<Finding> at = report.findings().stream()
        .filter(f -> f.path().equals(path) && f.line() == line && f.rule().startsWith("snippets/"))
        .toList();
    assertThat(at).as(describe(path)).hasSize(1);
    return at.get(0);
  }

  static List<String> expected(String path) throws IOException {
    return expected(FIXTURES.resolve(path));
  }

  /** The {@code line:rule} entries a fixture expects, with {@code +N} offsets applied, sorted. */
  static List<String> expected(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.matches()) {
        for (String entry : m.group(1).split(",")) {
          String[] parts = entry.strip().split("\\s+\\+");
          int offset = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
          expected.add((i + 2 + offset) + ":" + parts[0]);
        }
      }
    }
    expected.sort(null);
    return expected;
  }

  private static String describe(String path) {
    StringBuilder sb = new StringBuilder();
    report.findings().stream().filter(f -> f.path().equals(path)).forEach(f -> sb.append("  ").append(f).append('\n'));
    return sb.toString();
  }
}
