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

  @Test
  void theNextGenerationResolvesTheLinksOfChangedDocumentsOnly() {
    var index = PARSER.parse("index.md", "[setup](guide/setup.md)\n");
    var other = PARSER.parse("other.md", "[elsewhere](sig-y/)\n");
    ReverseLinks first = ReverseLinks.of(List.of(index, other));
    var edited = PARSER.parse("other.md", "[setup](guide/setup.md) and [x](sig-x/README.md)\n");
    ReverseLinks next = ReverseLinks.of(List.of(index, edited), first);
    assertThat(next.resolved()).as("index.md is the same object: its targets are taken over").isEqualTo(1);
    assertThat(next.linkersOf(List.of("guide/setup.md"))).containsExactlyInAnyOrder("index.md", "other.md");
    assertThat(next.linkersOf(List.of("sig-y/README.md"))).isEmpty();
    assertThat(next.linkersOf(List.of("sig-x/README.md"))).containsExactly("other.md");
    ReverseLinks without = ReverseLinks.of(List.of(edited), next);
    assertThat(without.linkersOf(List.of("guide/setup.md"))).as("a removed document links nowhere")
        .containsExactly("other.md");
  }
}
