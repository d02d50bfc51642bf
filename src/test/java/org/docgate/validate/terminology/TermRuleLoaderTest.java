package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.markdown.ProseRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermRuleLoaderTest {
  static TermRule parse(String yaml) {
    return TermRuleLoader.parse("Test/Rule.yml", "Test.Rule", yaml);
  }

  @Test
  void aSubstitutionRuleLoadsItsAlternativesAndPreferredForms() {
    TermRule r = parse("""
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: warning
        scope: [prose, heading]
        link: https://kubernetes.io/
        swap:
          K8S|k8s: K8s
          Node\\.js|nodejs: Node.js
        """);
    assertThat(r.id()).isEqualTo("terms/Test.Rule");
    assertThat(r.severity()).isEqualTo(Severity.WARNING);
    assertThat(r.scopes()).containsExactlyInAnyOrder(ProseRun.Scope.PARAGRAPH, ProseRun.Scope.HEADING);
    assertThat(r.terms()).extracting(Term::text).containsExactly("K8S", "k8s", "Node.js", "nodejs", "K8s", "Node.js");
    assertThat(r.format("K8s", "k8s")).isEqualTo("Use 'K8s' instead of 'k8s'.");
  }

  @Test
  void aConsistencyRuleNamesTheCorpusGlossariesByFileNameGlobs() {
    String rule = "extends: consistency\nmessage: x\neither: {WASM: Wasm}\nglossaries: [%s]\n";
    assertThat(parse(rule.formatted("glossary*.md, \"*术语*.md\"")).options().glossaries())
        .containsExactly("glossary*.md", "*术语*.md");
    assertThatThrownBy(() -> parse(rule.formatted("docs/glossary.md"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("glossaries: 'docs/glossary.md' is not a file-name glob");
    assertThatThrownBy(() -> parse("extends: substitution\nmessage: x\nswap: {a: b}\nglossaries: [g.md]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("glossaries");
  }

  @Test
  void aNamesRuleMatchesEachNameInAnyCaseAndATwoWordProductAlsoJoinedOrHyphenated() {
    TermRule r = parse("extends: names\nmessage: \"Write '%s', not '%s'.\"\nnames: [kube-proxy, Argo CD]\n"
        + "learn: true\nminUses: 3\n");
    assertThat(r.terms()).extracting(t -> t.text() + "→" + t.preferred())
        .containsExactly("kube-proxy→kube-proxy", "Argo CD→Argo CD", "Argo-CD→Argo CD", "ArgoCD→Argo CD");
    assertThat(r.terms()).allMatch(Term::ignoreCase);
    assertThat(r.options().learning()).isEqualTo(new TermRule.Learning(3, 0.8));
    assertThatThrownBy(() -> parse("extends: names\nmessage: x\n")).isInstanceOf(ConfigException.class)
        .hasMessage("Test/Rule.yml:1: a names rule needs 'names', 'vocabulary' or 'learn'");
  }

  @Test
  void anUnknownExtendsFailsWithItsLineAndTheValidTypes() {
    assertThatThrownBy(() -> parse("message: x\nextends: spelling\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Test/Rule.yml:2: unknown extends 'spelling' (valid types: substitution, existence, consistency,"
            + " capitalization, bilingual-first-use, near-miss, names)");
  }

  @Test
  void anInvalidRegexFailsWithItsLine() {
    assertThatThrownBy(() -> parse("extends: existence\nmessage: x\ntokens:\n  - 'foo(bar'\n"))
        .hasMessageStartingWith("Test/Rule.yml:4: invalid regex 'foo(bar'");
  }

  @Test
  void aRealRegexIsRefusedBecauseTermsMatchInOnePass() {
    assertThatThrownBy(() -> parse("extends: existence\nmessage: x\ntokens: ['[Kk]ubernetes']\n"))
        .hasMessageContaining(":3: '[Kk]ubernetes' is a regex: write literal alternatives");
    assertThatThrownBy(() -> parse("extends: existence\nmessage: x\ntokens: ['\\bfoo\\b']\n"))
        .hasMessageContaining("boundaries are script-aware and automatic");
  }

  @Test
  void aMissingMessageFails() {
    assertThatThrownBy(() -> parse("extends: substitution\nswap: {a: b}\n"))
        .hasMessage("Test/Rule.yml:1: missing 'message' (Vale's message with %s slots)");
  }

  @Test
  void anEmptySwapFailsOnItsLine() {
    assertThatThrownBy(() -> parse("extends: substitution\nmessage: x\nswap: {}\n"))
        .hasMessage("Test/Rule.yml:3: 'swap' is empty");
  }

  @Test
  void unknownKeysLevelsAndScopesFail() {
    assertThatThrownBy(() -> parse("extends: existence\nmessage: x\ntokens: [a]\nswap: {a: b}\n"))
        .hasMessageContaining(":4: unknown key 'swap' in a existence rule");
    assertThatThrownBy(() -> parse("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n"))
        .hasMessage("Test/Rule.yml:3: level must be suggestion, warning or error");
    assertThatThrownBy(() -> parse("extends: existence\nmessage: x\nscope: code\ntokens: [a]\n"))
        .hasMessageContaining(":3: scope 'code' is never checked");
    assertThatThrownBy(() -> parse("extends: existence\nmessage: '%s %s'\ntokens: [a]\n"))
        .hasMessageContaining(":2: the message has 2 %s slots; a existence rule fills 1");
  }

  @Test
  void bilingualPairsNeedAChineseKey() {
    assertThatThrownBy(() -> parse("extends: bilingual-first-use\nmessage: x\npairs:\n  Container: 容器\n"))
        .hasMessageContaining(":4: pairs.Container: the key must be the Chinese term");
  }

  @Test
  void thePackagedStarterStyleLoads() {
    var rules = TermRuleLoader.load(RuleFiles.packaged());
    assertThat(rules).extracting(TermRule::id)
        .contains("terms/docgate.Kubernetes", "terms/docgate.vSphere", "terms/docgate.Wasm", "terms/docgate.Case",
            "terms/docgate.BilingualFirstUse", "terms/docgate.Marketing", "terms/Vocab.Terms", "terms/Vocab.Avoid");
    assertThat(rules).filteredOn(r -> r.name().startsWith("docgate.") && r.kind() != RuleKind.BILINGUAL_FIRST_USE)
        .allSatisfy(r -> assertThat(r.link()).as(r.name()).startsWith("https://"));
  }

  @Test
  void aUsersRulesFolderReplacesThePackagedStyles(@TempDir Path dir) throws Exception {
    Path style = Files.createDirectories(dir.resolve("terminology/Team"));
    Files.writeString(style.resolve("Wasm.yml"), "extends: substitution\nmessage: x\nswap: {WASM: Wasm}\n");
    Files.createDirectories(dir.resolve("terminology/vocab/Team"));
    Files.writeString(dir.resolve("terminology/vocab/Team/accept.txt"), "# comment\n\nvSphere\n");
    Files.writeString(dir.resolve("terminology/vocab/Team/reject.txt"), "[Bb]ad\n");
    assertThatThrownBy(() -> TermRuleLoader.load(RuleFiles.overlay(dir)))
        .hasMessageEndingWith("reject.txt:1: '[Bb]ad' is a regex: write literal alternatives (K8S|k8s) so all terms"
            + " match in one pass");
    Files.writeString(dir.resolve("terminology/vocab/Team/reject.txt"), "Bad\n");
    assertThat(TermRuleLoader.load(RuleFiles.overlay(dir))).extracting(TermRule::id)
        .containsExactly("terms/Team.Wasm", "terms/Vocab.Terms", "terms/Vocab.Avoid");
  }

  @Test
  void ruleIdsMayNameDataFilesAfterTheSlash() {
    assertThat(new Rule("terms/docgate.Kubernetes", "s", Severity.INFO).id()).isEqualTo("terms/docgate.Kubernetes");
    assertThat(new Rule("terms/docgate.CRI-O", "s", Severity.INFO).id()).isEqualTo("terms/docgate.CRI-O");
    assertThatThrownBy(() -> new Rule("Terms/x", "s", Severity.INFO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rule("terms/.x", "s", Severity.INFO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rule("terms/a b", "s", Severity.INFO)).isInstanceOf(IllegalArgumentException.class);
  }
}
