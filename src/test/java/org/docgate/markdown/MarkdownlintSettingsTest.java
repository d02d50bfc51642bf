package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownlintSettingsTest {
  @Test
  void everyRuleIsOnWithoutAConfig() {
    for (LintRule r : LintRule.values()) {
      assertThat(MarkdownlintSettings.DEFAULT.enabled(r)).isTrue();
    }
  }

  @Test
  void theReferenceCorpusConfigTurnsOffMd041Only() {
    // vshpere-1019/.markdownlint.json, shortened: "default": true, ..., "MD041": false
    MarkdownlintSettings s = MarkdownlintSettings.of(ordered("default", true, "MD013", Map.of("line_length", 500),
        "MD034", false, "MD041", false, "whitespace", true));
    assertThat(s.enabled(LintRule.MD041)).isFalse();
    assertThat(s.enabled(LintRule.MD001)).isTrue();
    assertThat(s.enabled(LintRule.MD040)).isTrue();
  }

  @Test
  void defaultFalseLeavesOnlyTheNamedRules() {
    MarkdownlintSettings s = MarkdownlintSettings.of(ordered("default", false, "fenced-code-language", "warning"));
    assertThat(s.enabled(LintRule.MD040)).isTrue();
    assertThat(s.enabled(LintRule.MD001)).isFalse();
    assertThat(s.enabled(LintRule.MD041)).isFalse();
  }

  @Test
  void aLaterKeyWinsOverATagBeforeIt() {
    MarkdownlintSettings s = MarkdownlintSettings.of(ordered("headings", false, "MD001", true));
    assertThat(s.enabled(LintRule.MD001)).isTrue();
    assertThat(s.enabled(LintRule.MD041)).isFalse();
  }

  @Test
  void anObjectTurnsARuleOnUnlessItSaysEnabledFalse() {
    assertThat(MarkdownlintSettings.of(ordered("default", false, "MD040", Map.of("allowed_languages", "bash")))
        .enabled(LintRule.MD040)).isTrue();
    assertThat(MarkdownlintSettings.of(ordered("MD040", Map.of("enabled", false))).enabled(LintRule.MD040)).isFalse();
  }

  @Test
  void overridingKeepsTheOtherKeys() {
    MarkdownlintSettings base = MarkdownlintSettings.of(ordered("MD001", false));
    MarkdownlintSettings child = base.overriddenBy(Map.of("MD041", false));
    assertThat(child.enabled(LintRule.MD001)).isFalse();
    assertThat(child.enabled(LintRule.MD041)).isFalse();
    assertThat(child.enabled(LintRule.MD040)).isTrue();
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
