package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

class MarkdownlintTest {
  private static Markdownlint corpus(Map<String, String> files) {
    return Markdownlint.of(files.keySet(), path -> Optional.ofNullable(files.get(path)));
  }

  private static MarkdownDocument doc(String path, String text) {
    return new MarkdownParser().parse(path, text);
  }

  @Test
  void withoutAConfigEveryOverlappingRuleApplies() {
    Markdownlint lint = corpus(Map.of("a.md", "## x\n"));
    assertThat(lint.applies("MD041", doc("a.md", "## x\n"), 1)).isTrue();
    assertThat(lint.applies("MD001", doc("a.md", "## x\n"), 1)).isTrue();
  }

  @Test
  void aRootJsonConfigTurnsOffMd041() {
    Map<String, String> files = Map.of(".markdownlint.json", "{ \"default\": true, \"MD041\": false }",
        "docs/a.md", "## x\n");
    Markdownlint lint = corpus(files);
    assertThat(lint.applies("MD041", doc("docs/a.md", files.get("docs/a.md")), 1)).isFalse();
    assertThat(lint.applies("MD040", doc("docs/a.md", files.get("docs/a.md")), 1)).isTrue();
  }

  @Test
  void aFolderConfigIsLaidOverItsParents() {
    Map<String, String> files = Map.of(
        ".markdownlint.yaml", "MD001: false\n",
        "sub/.markdownlint.jsonc", "// the handbook part\n{ \"MD040\": false, }",
        "sub/a.md", "x\n", "b.md", "x\n");
    Markdownlint lint = corpus(files);
    assertThat(lint.configured("MD001", "sub/a.md")).isFalse();
    assertThat(lint.configured("MD040", "sub/a.md")).isFalse();
    assertThat(lint.configured("MD040", "b.md")).isTrue();
    assertThat(lint.configured("MD041", "sub/a.md")).isTrue();
  }

  @Test
  void aCli2FileGivesItsConfigKeyAndWinsOverTheGenericFile() {
    Map<String, String> files = Map.of(
        ".markdownlint-cli2.yaml", "config:\n  fenced-code-language: false\nignores: [\"x/**\"]\n",
        ".markdownlint.json", "{ \"MD001\": false }", "a.md", "x\n");
    Markdownlint lint = corpus(files);
    assertThat(lint.configured("MD040", "a.md")).isFalse();
    assertThat(lint.configured("MD001", "a.md")).isTrue();
  }

  @Test
  void extendsReadsTheNamedCorpusFileFirst() {
    Map<String, String> files = Map.of(
        ".markdownlint.json", "{ \"extends\": \"config/base.yaml\", \"MD040\": true }",
        "config/base.yaml", "default: false\nMD040: false\n", "a.md", "x\n");
    Markdownlint lint = corpus(files);
    assertThat(lint.configured("MD001", "a.md")).as("default: false from the base").isFalse();
    assertThat(lint.configured("MD040", "a.md")).as("the extending file wins").isTrue();
  }

  @Test
  void anUnreadableConfigLeavesTheDefaults() {
    Markdownlint lint = corpus(Map.of(".markdownlint.json", "{ not json", "a.md", "x\n"));
    assertThat(lint.configured("MD041", "a.md")).isTrue();
  }

  @Test
  void inlineCommentsOfTheDocumentApply() {
    String text = "# T\n<!-- markdownlint-disable MD001 -->\n### deep\n";
    Markdownlint lint = corpus(Map.of("a.md", text));
    MarkdownDocument doc = doc("a.md", text);
    assertThat(lint.applies("MD001", doc, 3)).isFalse();
    assertThat(lint.applies("MD001", doc, 1)).isTrue();
    assertThat(lint.applies("MD013", doc, 3)).as("a rule docgate has no equivalent of").isTrue();
  }

  @Test
  void extendsCannotLeaveTheCorpus() {
    assertThat(Markdownlint.normalize("a/../../b.json")).isNull();
    assertThat(Markdownlint.normalize("a/./b/../c.json")).isEqualTo("a/c.json");
  }
}
