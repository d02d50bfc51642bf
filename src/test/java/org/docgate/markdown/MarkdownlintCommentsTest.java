package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownlintCommentsTest {
  private static MarkdownlintComments resolve(String text) {
    return MarkdownlintComments.resolve(text.lines().toList(), MarkdownlintSettings.DEFAULT);
  }

  @Test
  void disableRunsFromItsOwnLineToTheMatchingEnable() {
    MarkdownlintComments c = resolve("""
        # Title
        <!-- markdownlint-disable MD001 -->
        ### Skipped level
        <!-- markdownlint-enable MD001 -->
        ### Checked again
        """);
    assertThat(c.enabled(LintRule.MD001, 1)).isTrue();
    assertThat(c.enabled(LintRule.MD001, 2)).isFalse();
    assertThat(c.enabled(LintRule.MD001, 3)).isFalse();
    assertThat(c.enabled(LintRule.MD001, 4)).isTrue();
    assertThat(c.enabled(LintRule.MD001, 5)).isTrue();
    assertThat(c.enabled(LintRule.MD040, 3)).as("other rules stay on").isTrue();
  }

  @Test
  void aCommentWithoutRulesMeansEveryRule() {
    MarkdownlintComments c = resolve("""
        <!-- markdownlint-disable -->
        ```
        x
        ```
        """);
    assertThat(c.enabled(LintRule.MD040, 2)).isFalse();
    assertThat(c.enabled(LintRule.MD001, 2)).isFalse();
    assertThat(c.enabled(LintRule.MD041, 2)).isFalse();
  }

  @Test
  void disableNextLineAndDisableLineCoverOneLine() {
    MarkdownlintComments c = resolve("""
        # T
        <!-- markdownlint-disable-next-line MD040 -->
        ```
        #### Deep <!-- markdownlint-disable-line heading-increment -->
        ```
        """);
    assertThat(c.enabled(LintRule.MD040, 3)).isFalse();
    assertThat(c.enabled(LintRule.MD040, 5)).isTrue();
    assertThat(c.enabled(LintRule.MD001, 4)).as("an alias names the rule").isFalse();
    assertThat(c.enabled(LintRule.MD040, 4)).isTrue();
    assertThat(c.enabled(LintRule.MD001, 5)).isTrue();
  }

  @Test
  void fileWideCommentsApplyAboveThemToo() {
    MarkdownlintComments c = resolve("""
        ## No title here
        text
        <!-- markdownlint-disable-file MD041 -->
        """);
    assertThat(c.enabled(LintRule.MD041, 1)).isFalse();
    assertThat(c.enabled(LintRule.MD001, 1)).isTrue();
  }

  @Test
  void aTagSwitchesEveryRuleCarryingIt() {
    MarkdownlintComments c = resolve("<!-- markdownlint-disable headings -->\n## x\n");
    assertThat(c.enabled(LintRule.MD001, 2)).isFalse();
    assertThat(c.enabled(LintRule.MD041, 2)).isFalse();
    assertThat(c.enabled(LintRule.MD040, 2)).isTrue();
  }

  @Test
  void captureAndRestoreReturnToTheCapturedState() {
    MarkdownlintComments c = resolve("""
        <!-- markdownlint-capture -->
        <!-- markdownlint-disable MD001 -->
        ### a
        <!-- markdownlint-restore -->
        ### b
        """);
    assertThat(c.enabled(LintRule.MD001, 3)).isFalse();
    assertThat(c.enabled(LintRule.MD001, 5)).isTrue();
  }

  @Test
  void enableTurnsOnARuleTheConfigTurnedOff() {
    MarkdownlintSettings off = MarkdownlintSettings.of(Map.of("MD040", false));
    MarkdownlintComments c = MarkdownlintComments.resolve(List.of("```", "x", "```",
        "<!-- markdownlint-enable MD040 -->", "```", "y", "```"), off);
    assertThat(c.enabled(LintRule.MD040, 1)).isFalse();
    assertThat(c.enabled(LintRule.MD040, 5)).isTrue();
  }

  @Test
  void configureFileOverridesTheConfigForTheWholeFile() {
    MarkdownlintComments c = resolve("""
        ## Not a title
        <!-- markdownlint-configure-file {
          "first-line-heading": false
        } -->
        """);
    assertThat(c.enabled(LintRule.MD041, 1)).isFalse();
    assertThat(c.enabled(LintRule.MD001, 1)).isTrue();
  }

  @Test
  void commentsInFrontMatterAreNotRead() {
    MarkdownlintComments c = resolve("""
        ---
        note: <!-- markdownlint-disable MD041 -->
        ---
        ## Body
        """);
    assertThat(c.enabled(LintRule.MD041, 4)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "<!-- markdownlint-disable MD001 MD041 -->|MD001|false",
      "<!-- markdownlint-disable MD001 MD041 -->|MD041|false",
      "<!-- markdownlint-disable MD001 MD041 -->|MD040|true",
      "<!--markdownlint-disable md001-->|MD001|false",
      "<!-- markdownlint-disable MD013 -->|MD001|true",
      "<!-- markdownlint-disabled MD001 -->|MD001|true",
      "<!-- markdownlint-disable MD001|MD001|true",
      "<!-- docgate-disable MD001 -->|MD001|true",
  })
  void readsCommentsAsMarkdownlintDoes(String line, String rule, boolean enabled) {
    assertThat(resolve(line + "\n").enabled(LintRule.valueOf(rule), 1)).isEqualTo(enabled);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no front matter                  | '# Title\\n---\\nx\\n'                       | 0
      YAML                             | '---\\ntitle: a\\n---\\n# Title\\n'           | 3
      YAML with trailing blanks, CRLF  | '---  \\r\\ntitle: a\\r\\n--- \\r\\nbody'       | 3
      TOML closed by ...               | '+++\\na = 1\\n...\\n'                        | 3
      JSON                             | '{\\n"a": 1\\n}\\n'                            | 3
      never closed                     | '---\\ntitle: a\\n'                          | 0
      empty                            | ''                                          | 0
      """)
  void frontMatterEndOfASourceTextIsThatOfItsLines(String name, String escaped, int end) {
    String source = escaped.replace("\\r", "\r").replace("\\n", "\n");
    assertThat(MarkdownlintComments.frontMatterEnd(source)).isEqualTo(end)
        .isEqualTo(MarkdownlintComments.frontMatterEnd(source.lines().toList()));
  }
}
