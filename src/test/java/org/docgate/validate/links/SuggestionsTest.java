package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  static final List<String> ANCHORS =
      List.of("安装步骤", "-快速上手", "11-版本说明2025", "faq", "api-server", "kubernetes-131-部署", "echo-1");

  @ParameterizedTest(name = "#{0} -> {1}")
  @CsvSource(nullValues = "NONE", value = {
      "1.1 版本说明（2025）, 11-版本说明2025",  // written as the heading text
      "快速开始,             -快速上手",       // renamed heading, two characters changed
      "安装步聚,             安装步骤",         // typo
      "kubernetes-130-部署,  kubernetes-131-部署",
      "api_server,           api-server",
      "qa,                   NONE",            // too short to guess
      "完全无关的标题,        NONE",
  })
  void anchors(String fragment, String expected) {
    assertThat(Suggestions.forMissingAnchor(ANCHORS, fragment)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
      "02_eBPF编程实践.md, 08_eBPF最佳实践.md, false",
      "06_BIOS固件配置.md, 06_BIOS固件配置清单.md, true",
      "README.md,         01_README.md,       true",
  })
  void numberedSeriesOnlyMatchTheSameNumber(String a, String b, boolean same) {
    assertThat(Suggestions.sameNumbering(a, b)).isEqualTo(same);
  }
}
