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

  /** Each row was rendered by cmark-gfm 0.29.0.gfm.6 with -e autolink -e strikethrough (see CmarkGfmDifferentialTest). */
  @ParameterizedTest(name = "{0} after ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "https://h.com/a~~         | ' ' | https://h.com/a",
      "https://q.com/x_          | ' ' | https://q.com/x",
      "https://q.com/y*          | ' ' | https://q.com/y",
      "https://e.com/x;          | ' ' | https://e.com/x",
      "HTTPS://UP.com/x          | ' ' | HTTPS://UP.com/x",
      "ftp://f.com/x             | ' ' | ftp://f.com/x",
      "https://c.com/y           | 见  | https://c.com/y",
      "https://g.com/x           | o   | null",
      "file://gmsa-cred-spec.json | ' ' | null",
      "unix:///var/run/crio.sock | ' ' | null",
      "www.x.com/a               | ' ' | http://www.x.com/a",
      "www.z.com/c               | (   | http://www.z.com/c",
      "www.y.com/b”              | “   | null",
      "www.v.com                 | :   | null",
      "www.cjk.com/z             | 中  | null",
  })
  void linksOnlyWhatGithubsAutolinkerLinks(String url, String before, String expected) {
    assertThat(BareUrls.githubDestination(url, before.charAt(0))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void wwwAtTheStartOfTheTextIsALink() {
    assertThat(BareUrls.githubDestination("www.x.com", -1)).isEqualTo("http://www.x.com");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", value = {
      "dev@kubernetes.io,                               dev@kubernetes.io",
      "订阅邮件列表（kubernetes-sig-xxx@googlegroups.com）, kubernetes-sig-xxx@googlegroups.com",
      "a.b+c@example.co.,                               a.b+c@example.co",
      "v1alpha1@0.1.0,                                  null",
      "user@localhost,                                  null",
  })
  void linksOnlyTheEmailAddressesGithubLinks(String text, String expected) {
    assertThat(BareUrls.githubEmail(text)).isEqualTo(expected);
  }
}
