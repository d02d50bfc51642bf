package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkTargetTest {

  @ParameterizedTest(name = "{0} -> {1} path={2} fragment={3}")
  @CsvSource(nullValues = "NULL", value = {
      "a.md,                         INTERNAL,     a.md,                NULL",
      "a.md#x,                       INTERNAL,     a.md,                x",
      "#x,                           INTERNAL,     '',                  x",
      "a.md?plain=1#x,               INTERNAL,     a.md,                x",
      "%E5%AE%B9%E5%99%A8.md,        INTERNAL,     容器.md,              NULL",
      "file%20with%20spaces.md,      INTERNAL,     file with spaces.md, NULL",
      "a.md#%E5%AE%89%E8%A3%85,      INTERNAL,     a.md,                安装",
      "100%.md,                      INTERNAL,     100%.md,             NULL",
      "bad%ZZ.md,                    INTERNAL,     bad%ZZ.md,           NULL",
      "a+b.md,                       INTERNAL,     a+b.md,              NULL",
      "https://example.com/a.md#x,   EXTERNAL,     https://example.com/a.md#x, NULL",
      "HTTP://EXAMPLE.COM,           EXTERNAL,     HTTP://EXAMPLE.COM,  NULL",
      "//cdn.example.com/x.js,       EXTERNAL,     //cdn.example.com/x.js, NULL",
      "mailto:a@example.com,         OTHER_SCHEME, mailto:a@example.com, NULL",
      "C:/docs/a.md,                 INTERNAL,     C:/docs/a.md,        NULL",
  })
  void splitsADestination(String destination, LinkTarget.Kind kind, String path, String fragment) {
    LinkTarget t = LinkTarget.parse(destination);
    assertThat(t.kind()).isEqualTo(kind);
    assertThat(t.path()).isEqualTo(path);
    assertThat(t.fragment()).isEqualTo(fragment);
  }

  @ParameterizedTest(name = "from {0}: {1} -> {2}")
  @CsvSource(nullValues = "OUTSIDE", value = {
      "README.md,          a.md,                 a.md",
      "docs/README.md,     a.md,                 docs/a.md",
      "docs/README.md,     ../a.md,              a.md",
      "docs/README.md,     ./sub/../a.md,        docs/a.md",
      "docs/README.md,     /a.md,                a.md",
      "docs/README.md,     /,                    ''",
      "docs/README.md,     ../../a.md,           OUTSIDE",
      "README.md,          ../../../../etc/passwd, OUTSIDE",
      "docs/x/README.md,   ../..,                ''",
      "README.md,          /../x.md,             OUTSIDE",
  })
  void resolvesAgainstTheLinkingDocument(String from, String link, String expected) {
    assertThat(LinkTarget.resolve(from, link)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "from {0} to {1}: {2}")
  @CsvSource({
      "README.md,            guide/setup.md,     guide/setup.md",
      "guide/setup.md,       README.md,          ../README.md",
      "a/b/c.md,             a/x/y.md,           ../x/y.md",
      "a/b/c.md,             a/b/d.md,           d.md",
      "容器/安装指南.md,       容器/安装指南.md,     安装指南.md",
  })
  void writesRelativeLinks(String from, String to, String expected) {
    assertThat(LinkTarget.relativeLink(from, to)).isEqualTo(expected);
  }
}
