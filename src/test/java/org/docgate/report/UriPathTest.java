package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriPathTest {
  @Test
  void nonAsciiPathsArePercentEncodedUriReferences() {
    assertThat(UriPath.of("容器/Docker 安装.md")).isEqualTo("%E5%AE%B9%E5%99%A8/Docker%20%E5%AE%89%E8%A3%85.md");
    assertThat(UriPath.of("a:b/c.md")).isEqualTo("a%3Ab/c.md");
  }

  @Test
  void unreservedCharactersStayAndPercentSignsAreEncoded() {
    assertThat(UriPath.of("a-b_c.d~e/F9.md")).isEqualTo("a-b_c.d~e/F9.md");
    assertThat(UriPath.of("100%/#x?.md")).isEqualTo("100%25/%23x%3F.md");
  }

  @Test
  void aSegmentEncodesItsSlashes() {
    assertThat(UriPath.segment("a/b c")).isEqualTo("a%2Fb%20c");
    assertThat(UriPath.segment("..")).isEqualTo("..");
  }
}
