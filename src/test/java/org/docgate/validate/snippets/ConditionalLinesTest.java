package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalLinesTest {
  @Test
  void theFirstPlatformsBranchesAreKeptLineForLine() {
    String[][] table = {
        // text, its first variant
        {"{\n#if ALIPAY\n  \"a\": 1\n#endif\n#if WECHAT\n  \"a\": 2\n#endif\n}", "{\n\n  \"a\": 1\n\n\n\n\n}"},
        {"x\n// #ifdef H5\nh5()\n// #else\nother()\n// #endif", "x\n\nh5()\n\n\n"},
        {"<a\n<!-- #ifndef MP -->\n b=\"1\"\n<!-- #endif -->\n/>", "<a\n\n\n\n/>"},
        {"#if A\na\n#elif B\nb\n#else\nc\n#endif", "\na\n\n\n\n\n"},
        {"#if A\n#if B\nab\n#endif\na\n#endif", "\n\n\n\na\n"},
        // no balanced directives: the text as written
        {"{\n#if ALIPAY\n  \"a\": 1\n}", "{\n#if ALIPAY\n  \"a\": 1\n}"},
        {"#endif\n#if A", "#endif\n#if A"},
        {"# if you want\necho hi", "# if you want\necho hi"},
    };
    for (String[] row : table) {
      assertThat(ConditionalLines.variants(row[0]).get(0)).as(row[0]).isEqualTo(row[1]);
      assertThat(ConditionalLines.variants(row[0]).get(0).split("\n", -1)).hasSameSizeAs(row[0].split("\n", -1));
    }
  }

  @Test
  void everyPlatformGetsItsOwnText() {
    assertThat(ConditionalLines.variants("a\n#if X\nx\n#endif\n#if Y\ny\n#endif"))
        .containsExactly("a\n\nx\n\n\n\n", "a\n\n\n\n\ny\n");
    assertThat(ConditionalLines.variants("plain")).containsExactly("plain");
  }
}
