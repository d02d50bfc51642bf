package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One key per resource: a table. */
class UrlNormalizerTest {
  @ParameterizedTest(name = "{0} -> {1} #{2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "HTTPS://Kubernetes.IO/docs/                 | https://kubernetes.io/docs/           | -",
      "https://kubernetes.io:443/docs/#install     | https://kubernetes.io/docs/           | install",
      "http://example.com:80                       | http://example.com/                   | -",
      "http://example.com:8080/a                   | http://example.com:8080/a             | -",
      "//cdn.example.com/x.js                      | https://cdn.example.com/x.js          | -",
      "https://github.com/a/b/blob/main/README.md#用法 | https://github.com/a/b/blob/main/README.md | 用法",
      "https://例子.测试/路径                          | https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84 | -",
      "https://example.com/a b                     | https://example.com/a%20b             | -",
      "https://example.com/?q=1#                   | https://example.com/?q=1              | ''"})
  void normalises(String written, String key, String fragment) {
    UrlNormalizer.Normalized n = UrlNormalizer.normalize(written).orElseThrow();
    assertThat(n.key()).isEqualTo(key);
    assertThat(n.fragment()).isEqualTo(fragment);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://", "https://", "http://exa mple.com/"})
  void unusableUrlsAreEmpty(String written) {
    assertThat(UrlNormalizer.normalize(written)).isEmpty();
  }
}
