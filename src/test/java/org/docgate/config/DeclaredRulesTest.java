package org.docgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

/** The rule catalogues in {@code rules/<owner>/rules.yaml}: loaded strictly, and in step with the code. */
class DeclaredRulesTest {
  /** A rule id written as a Java string literal: {@code "links/missing-file"}. */
  private static final Pattern NAMED = Pattern.compile("\"([a-z]+)/([a-z0-9][a-z0-9-]*)\"");

  @Test
  void everyDeclaredRuleIsNamedByTheCodeAndEveryRuleTheCodeNamesIsDeclared() throws IOException {
    Set<String> declared = new TreeSet<>();
    try (Stream<Path> owners = Files.list(Path.of("rules"))) {
      owners.filter(dir -> Files.isRegularFile(dir.resolve("rules.yaml"))).forEach(dir ->
          DeclaredRules.of(dir.getFileName().toString()).rules().forEach(r -> declared.add(r.id())));
    }
    Set<String> families = new TreeSet<>();
    declared.forEach(id -> families.add(id.substring(0, id.indexOf('/'))));
    Set<String> named = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = NAMED.matcher(Files.readString(file));
        while (m.find()) {
          if (families.contains(m.group(1))) {
            named.add(m.group(1) + "/" + m.group(2));
          }
        }
      }
    }
    assertThat(declared).as("the catalogues' rules").hasSizeGreaterThan(40).contains("links/missing-file",
        "links/external-broken", "corpus/encoding", "snippets/run-failed");
    assertThat(named).as("rules the code names but no rules.yaml declares").isSubsetOf(declared);
    assertThat(declared).as("rules declared that no code reports").isSubsetOf(named);
  }

  @Test
  void aRuleIsItsIdSeverityAndSummaryInFileOrder() {
    DeclaredRules rules = DeclaredRules.parse("test.yaml", """
        example/second:
          severity: warning
          summary: "Said twice: a long
            summary folds into one line"
        example/first:
          severity: info
          summary: Plain
        """);
    assertThat(rules.rules()).containsExactly(
        new Rule("example/second", "Said twice: a long summary folds into one line", Severity.WARNING),
        new Rule("example/first", "Plain", Severity.INFO));
    assertThat(rules.rule("example/first").severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void aRuleTheFileDoesNotDeclareIsABugNamedWithTheNearestOne() {
    assertThatThrownBy(() -> DeclaredRules.of("links").rule("links/missing-fil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rules/links/rules.yaml (packaged) declares no rule 'links/missing-fil' "
            + "(did you mean 'links/missing-file'?)");
  }

  @Test
  void loadingIsStrictAndNamesTheLine() {
    assertThatThrownBy(() -> DeclaredRules.parse("r.yaml", "a/b:\n  severity: error\n  summary: x\n  level: info\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("r.yaml:4: unknown key 'level' in rule 'a/b'");
    assertThatThrownBy(() -> DeclaredRules.parse("r.yaml", "a/b:\n  summary: x\n"))
        .isInstanceOf(ConfigException.class).hasMessage("r.yaml:2: rule 'a/b' has no severity");
    assertThatThrownBy(() -> DeclaredRules.parse("r.yaml", "a/b:\n  severity: fatal\n  summary: x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("r.yaml:2: unknown severity 'fatal' (expected error, warning or info)");
    assertThatThrownBy(() -> DeclaredRules.parse("r.yaml", "a:\n  severity: error\n  summary: x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("r.yaml:2: rule id must look like family/name: a");
  }
}
