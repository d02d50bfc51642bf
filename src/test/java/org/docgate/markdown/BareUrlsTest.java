package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BareUrlsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://a.example/x。后面,            https://a.example/x",
      "https://a.example/x，中文,            https://a.example/x",
      "https://a.example/path/文档,          https://a.example/path/",
      "https://a.example/x.（注）,           https://a.example/x",
      "https://a.example/x?q=1,             https://a.example/x?q=1",
      "https://a.example/한국어,             https://a.example/",
  })
  void endsBeforeCjkTextOrFullWidthPunctuation(String url, String expected) {
    assertThat(BareUrls.trimAtCjk(url)).isEqualTo(expected);
  }
}
