package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

class ReverseLinksTest {
  private static final MarkdownParser PARSER = new MarkdownParser();

  @Test
  void editingAFoldersReadmeReChecksTheLinksToTheFolder() {
    ReverseLinks links = ReverseLinks.of(List.of(
        PARSER.parse("index.md", "[leads](/sig-x#leads) and [setup](guide/setup.md)\n"),
        PARSER.parse("other.md", "[elsewhere](sig-y/)\n")));
    assertThat(links.linkersOf(List.of("sig-x/README.md"))).containsExactly("index.md");
    assertThat(links.linkersOf(List.of("guide/setup.md"))).containsExactly("index.md");
    assertThat(links.linkersOf(List.of("sig-z/README.md"))).isEmpty();
  }
}
