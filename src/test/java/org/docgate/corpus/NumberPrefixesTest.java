package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberPrefixesTest {
  @ParameterizedTest
  @CsvSource({
      // the Vercel AI SDK's and Atlassian's drag-and-drop docs, as Docusaurus serves them
      "docs/03-ai-sdk-core/05-generating-text.mdx, docs/ai-sdk-core/generating-text.mdx",
      "constellation/05-core-package/00-adapters/index.mdx, constellation/core-package/adapters/index.mdx",
      "docs/01_intro.md, docs/intro.md",
      "docs/1.setup.md, docs/setup.md",
      // not a prefix: a date, a version, a number that is the name, four digits
      "blog/2019-03-12-announcing.md, blog/2019-03-12-announcing.md",
      "docs/1.2.3-notes.md, docs/1.2.3-notes.md",
      "docs/404.md, docs/404.md",
      "docs/2024-plan.md, docs/2024-plan.md",
      "README.md, README.md",
  })
  void theNumberPrefixOfEachSegmentIsLeftOut(String path, String route) {
    assertThat(NumberPrefixes.without(path)).isEqualTo(route);
  }

  @Test
  void aRouteTwoPathsShareNamesNeither() {
    Map<String, String> routes = NumberPrefixes.byRoute(List.of("docs/01-intro.md", "docs/02-intro.md",
        "docs/03-setup.md", "docs/plain.md"));
    assertThat(routes).containsExactly(Map.entry("docs/setup.md", "docs/03-setup.md"));
  }
}
