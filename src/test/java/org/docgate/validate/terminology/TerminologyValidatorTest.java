package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** The validator on inline documents and inline rules, without the pipeline. */
class TerminologyValidatorTest {
  static final MarkdownParser PARSER = new MarkdownParser();

  static ValidationResult check(String markdown, String... rules) {
    List<TermRule> loaded = new java.util.ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      loaded.add(TermRuleLoader.parse("T/R" + i + ".yml", "T.R" + i, rules[i]));
    }
    return new TerminologyValidator(loaded).validate(PARSER.parse("doc.md", markdown), null);
  }

  static final String CONTAINERS = """
      extends: bilingual-first-use
      message: "First use of '%s' needs '(%s)'."
      pairs:
        容器: Container
        容器编排: Container Orchestration
      """;

  @Test
  void theLongestHanTermWinsSoAShorterTermInsideItIsNoUse() {
    ValidationResult r = check("容器编排（Container Orchestration）很重要。\n\n之后只写容器编排。\n", CONTAINERS);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.bilingual.glossed", 1L)
        .doesNotContainKey("terms.bilingual.unglossed");
  }

  @Test
  void aKnownCompoundHidesTheTermInsideIt() {
    String rule = CONTAINERS + "compounds: [容器化]\n";
    assertThat(check("应用容器化之后更易部署。\n", rule).findings()).isEmpty();
    assertThat(check("应用放进容器之后更易部署。\n", rule).findings()).extracting(Finding::target)
        .containsExactly("容器");
  }

  @Test
  void latinTermsNeedScriptAwareBoundariesNotBackslashB() {
    String rule = "extends: existence\nmessage: \"'%s'\"\ntokens: [Kube]\n";
    assertThat(check("使用Kube部署，(Kube) 与 Kube。\n", rule).findings()).hasSize(3);
    assertThat(check("Kubernetes、kubectl、MyKube 都不是。\n", rule).findings()).isEmpty();
  }

  @Test
  void pathsDomainsAndIdentifiersInProseAreNotTermUses() {
    String rule = "extends: substitution\nmessage: x\nswap: {vShpere: vSphere}\n";
    for (String text : List.of("目录vShpere_VMware/下", "见 docs/vShpere/a", "vShpere.example.com", "a-vShpere-b",
        "$vShpere", "vShpere部署指南.md")) {
      assertThat(check(text + "\n", rule).findings()).as(text).isEmpty();
    }
    for (String text : List.of("vShpere 平台", "使用vShpere。", "（vShpere）", "vShpere: 平台", "CPU/内存与vShpere")) {
      assertThat(check(text + "\n", rule).findings()).as(text).hasSize(1);
    }
  }

  /** The Kubernetes handbook's Hugo pages (round 40's probes): the front matter's title is the page's title. */
  @Test
  void theFrontMattersTitlesAreJudgedAsHeadingsItsOtherValuesNot() {
    String rule = "extends: substitution\nmessage: x\nswap: {Github: GitHub}\n";
    ValidationResult r = check("---\ntitle: \"Github 使用指南\"\nlinktitle: Github\nicon: Github\n"
        + "description: 在 Github 上\n---\n\n正文。\n", rule);
    assertThat(r.findings()).extracting(f -> f.line() + ":" + f.column()).containsExactly("2:9", "3:12");
    assertThat(check("---\ntitle: [Github]\nsidebar_label: 'Github'\n---\n", rule).findings())
        .extracting(Finding::line).containsExactly(3);
    assertThat(check("---\ntitle: Github\n---\n\n## Github\n", rule).findings()).as("judged at its heading")
        .extracting(Finding::line).containsExactly(5);
    assertThat(check("title: Github\n", rule).findings()).as("no front matter: a line of prose")
        .extracting(Finding::column).containsExactly(8);
  }

  @Test
  void aDocumentUsingOnlyOneSideOfAPairIsConsistent() {
    String rule = "extends: consistency\nmessage: \"'%s' not '%s'\"\neither: {WASM: Wasm}\n";
    assertThat(check("Wasm 与 Wasm。\n", rule).findings()).isEmpty();
    ValidationResult mixed = check("Wasm 与 WASM。\n", rule);
    assertThat(mixed.findings()).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("WASM");
      assertThat(f.suggestion()).isEqualTo("Wasm");
    });
    assertThat(mixed.counters()).containsEntry("terms.uses", 2L).containsEntry("terms.preferred", 1L);
  }

  @Test
  void consistencyNeverRecommendsAFormAnotherRuleNamesAsWrong() {
    String either = "extends: consistency\nmessage: \"Use '%s' consistently: also '%s'.\"\neither: {Nodejs: NodeJS}\n";
    String swap = "extends: substitution\nmessage: x\nswap: {Nodejs: Node.js}\n";
    ValidationResult r = check("Nodejs 与 Nodejs，还有 NodeJS。\n", either, swap);
    assertThat(r.findings()).filteredOn(f -> f.rule().equals("terms/T.R0")).extracting(f -> f.target())
        .containsExactly("Nodejs", "Nodejs");
    assertThat(r.findings()).filteredOn(f -> f.rule().equals("terms/T.R0")).allSatisfy(
        f -> assertThat(f.suggestion()).isEqualTo("NodeJS"));
    assertThat(check("Nodejs 与 Nodejs。\n", either).findings()).isEmpty(); // one spelling throughout
  }

  @Test
  void termKeysInCountersHaveNoDots() {
    String rule = "extends: substitution\nmessage: x\nswap: {nodejs: Node.js}\n";
    ValidationResult r = check("用 Node.js 和 nodejs。\n", rule);
    assertThat(r.counters()).containsEntry("terms.terms.R0.Node_js", 1L)
        .containsEntry("terms.terms.R0.nodejs", 1L);
  }

  @Test
  void positionsFollowSoftLineBreaksInsideARun() {
    String rule = "extends: existence\nmessage: x\ntokens: [Kube]\n";
    ValidationResult r = check("> 第一行\n> 第二行Kube\n", rule);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.column()).isEqualTo(6);
    });
  }

  @Test
  void aLowerCaseNameFollowedByASubcommandIsACommandNotAMisspelling() {
    String rule = "extends: substitution\nmessage: x\nswap: {podman: Podman}\ncommands: [podman]\n";
    assertThat(check("运行 podman ps 查看。\n", rule).findings()).isEmpty();
    assertThat(check("使用 podman 运行容器。\n", rule).findings()).hasSize(1);
  }

  @Test
  void aLowerCaseNameBeforeAWordIsACommandOnlyWhereSomethingRunsIt() {
    // round 38's probes: "deploying on a kubernetes cluster" is the name mis-cased; no rule declares a kubernetes
    // command and nothing in the document runs one
    String rule = "extends: substitution\nmessage: x\nswap: {kubernetes: Kubernetes}\n";
    assertThat(check("They are deploying on a kubernetes cluster.\n", rule).findings()).hasSize(1);
    assertThat(check("Run kubernetes serve to start it.\n\n```bash\nkubernetes serve\n```\n", rule).findings())
        .isEmpty();
  }
}
