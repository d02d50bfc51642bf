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

  @ParameterizedTest(name = "{0}: ''{1}''")
  @CsvSource({
      "'**/CHANGELOG*',        CHANGELOG",
      "'**/release-notes/**',  release-notes/",
      "'docs/**',              docs/",
      "'**/*.{md,markdown}',   .",
      "'a?.md',                .md",
      "'**/*',                 ''",
      "'x,y/{a,b}c',           'x,y/'",
      "'**/*更新日志*',          更新日志",
  })
  void literalIsTheLongestTextEveryMatchContains(String glob, String literal) {
    assertThat(Glob.literal(glob)).isEqualTo(literal);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'**/CHANGELOG*'", "'**/release-notes/**'", "'docs/**'", "'**/*.{md,markdown}'", "'a?.md'", "'**/**/x*y'",
      "'x/{a,b}/**'", "'**/reports/**'"})
  void answersAsItsRegexAlone(String glob) {
    Glob g = Glob.of(glob);
    for (String path : new String[] {"CHANGELOG.md", "a/CHANGELOG", "a/changelog.md", "release-notes/x.md",
        "a/release-notes/b/c.md", "release-notes.md", "docs/a.md", "docs", "a/docs/b.md", "a.md", "a/b.markdown",
        "ab.md", "a/.md", "x/y/xay", "xy", "x/a/q", "x/c/q", "reports/x", "a/reports/", "reports"}) {
      assertThat(g.matches(path)).as(path).isEqualTo(g.regex().matcher(path).matches());
    }
  }
}
