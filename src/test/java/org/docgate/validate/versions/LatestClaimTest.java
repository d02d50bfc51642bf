package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatestClaimTest {
  /** The mention is the text between [ and ]; the rest of the line is its context. */
  @ParameterizedTest(name = "{0} claims latest: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      [Docker 25.0.0]：最新版本支持WebAssembly 2.0           | true
      [Docker 25.0.0] 是最新版本                             | true
      基于最新版本 [Kubernetes 1.30]                          | true
      最新稳定版：[Kubernetes 1.30]                          | true
      当前最新版本为 [Kubernetes 1.30]                        | true
      [Istio 1.21] (latest)                                | true
      [Istio 1.21] is the latest release.                  | true
      the latest [Python 3.12] interpreter                 | true
      [MQTT 5.0] (最新)                                     | true
      [vSphere 8.0.2] 最新特性                               | false
      [Docker 25.0] latest features                        | false
      [Docker 25.0] was the latest release                 | false
      [Kubernetes 1.30] 最新技术文档                           | false
      最新特性：[Kubernetes 1.30]                             | false
      [Kubernetes 1.30]：支持CoreDNS 1.11.1，最新               | false
      """)
  void claimsLatestOnlyWhenTheWordIsAboutTheVersion(String line, boolean expected) {
    int start = line.indexOf('[');
    int end = line.indexOf(']') - 1;
    String text = line.replace("[", "").replace("]", "");
    assertThat(LatestClaim.at(text, start, end)).isEqualTo(expected);
  }
}
