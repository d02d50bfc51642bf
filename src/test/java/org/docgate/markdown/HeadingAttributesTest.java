package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingAttributesTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\" #{2}")
  @CsvSource(delimiter = '|', value = {
      "部署本地测试集群 {#deploy-a-local-test-cluster}|部署本地测试集群|deploy-a-local-test-cluster",
      "Title {#custom-id}|Title|custom-id",
      "Title { #spaced }|Title|spaced",
      "Title {#id .note data-x=1}|Title|id",
      "Title {.note #id}|Title|id",
      "Title {#a #b}|Title|b",
      "Title {.only-a-class}|Title|",
      "Title {#id} and more|Title {#id} and more|",
      "Set {a, b}|Set {a, b}|",
      "Plain|Plain|",
      "Map<K, V> {#map}|Map<K, V>|map"})
  void theTrailingBlockGivesTheIdAndLeavesTheText(String rendered, String text, String id) {
    HeadingAttributes a = HeadingAttributes.of(rendered);
    assertThat(a.text()).isEqualTo(text);
    assertThat(a.id()).isEqualTo(id);
  }
}
