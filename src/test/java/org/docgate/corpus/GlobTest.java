package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
      "**/*.md,            README.md,               true",
      "**/*.md,            a/b/容器.md,              true",
      "**/*.md,            a/b/README.markdown,     false",
      "*.md,               a/README.md,             false",
      "**/.git/**,         .git/HEAD,               true",
      "**/.git/**,         sub/.git/x/y,            true",
      "**/node_modules/**, node_modules/x,          true",
      "docs/**,            docs/a/b.md,             true",
      "docs/**,            other/docs/a.md,         false",
      "'**/*.{md,markdown}', a/b.markdown,          true",
      "a?.md,              ab.md,                   true",
      "a?.md,              a/.md,                   false",
      "(x).md,             (x).md,                  true",
  })
  void matchesCorpusRelativePaths(String glob, String path, boolean matches) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(matches);
  }
}
