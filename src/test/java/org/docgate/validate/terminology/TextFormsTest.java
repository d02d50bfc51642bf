package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Folding keeps every offset: one char for one char, whether the text needed folding or not. */
class TextFormsTest {
  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "kubernetes", "Kubernetes", "使用Ｋｕｂｅｒｎｅｔｅｓ部署", "a\u3000b", "ÄÖÜ straße", "İstanbul"})
  void foldsCharByChar(String text) {
    StringBuilder folded = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    for (char c : text.toCharArray()) {
      folded.append(TextForms.fold(c));
      lower.append(Character.toLowerCase(TextForms.fold(c)));
    }
    assertThat(TextForms.fold(text)).isEqualTo(folded.toString());
    assertThat(TextForms.foldLower(text)).isEqualTo(lower.toString());
    assertThat(TextForms.foldLower(new StringBuilder(text))).isEqualTo(lower.toString());
  }
}
