package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {
  private final MarkdownParser parser = new MarkdownParser();

  private MarkdownDocument parse(String text) {
    return parser.parse("doc.md", text);
  }

  @Test
  void headingsCarryLevelRenderedTextAnchorAndOneBasedPosition() {
    MarkdownDocument doc = parse("# Title\n\n  ## vShpere\\_Docker `kubectl` [Helm](https://helm.sh) ![logo](l.png)\n"
        + "\nSetext\n======\n");
    assertThat(doc.headings()).extracting(Heading::level, Heading::text, Heading::anchor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Title", "title"),
            org.assertj.core.groups.Tuple.tuple(2, "vShpere_Docker kubectl Helm", "vshpere_docker-kubectl-helm"),
            org.assertj.core.groups.Tuple.tuple(1, "Setext", "setext"));
    assertThat(doc.headings().get(1).position()).isEqualTo(new Position(3, 3));
  }

  @Test
  void linksOfEveryKindWithTheirPositions() {
    MarkdownDocument doc = parse("""
        [inline](a.md#x) ![img](i.png) [ref][r] <https://auto.example> see https://bare.example/x。后
        <a href="h.md">h</a> <img src="s.png">

        [r]: ./r.md "title"
        """);
    assertThat(doc.links()).extracting(Link::kind, Link::target).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LinkKind.INLINE, "a.md#x"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.IMAGE, "i.png"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.REFERENCE, "./r.md"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.AUTOLINK, "https://auto.example"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.BARE_URL, "https://bare.example/x"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.HTML_HREF, "h.md"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.HTML_SRC, "s.png"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.DEFINITION, "./r.md"));
    assertThat(doc.links().get(1).position()).isEqualTo(new Position(1, 18));
    assertThat(doc.links().get(5).position()).isEqualTo(new Position(2, 10));
    assertThat(doc.definitions()).singleElement().satisfies(d -> {
      assertThat(d.label()).isEqualTo("r");
      assertThat(d.position()).isEqualTo(new Position(4, 1));
    });
  }

  @Test
  void backslashEscapesAndEntitiesAreResolvedInTheDestinationButKeptInTheTarget() {
    Link link = parse("[a](foo\\_bar.md) \n").links().get(0);
    assertThat(link.target()).isEqualTo("foo\\_bar.md");
    assertThat(link.destination()).isEqualTo("foo_bar.md");
  }

  @Test
  void aNotQuiteDefinitionIsProse() {
    MarkdownDocument doc = parse("[x]: Title, https://example.com/x\n");
    assertThat(doc.definitions()).isEmpty();
    assertThat(doc.links()).extracting(Link::kind).containsExactly(LinkKind.BARE_URL);
  }

  @Test
  void fencedAndIndentedCodeBlocksWithInfoBodyAndLines() {
    MarkdownDocument doc = parse("""
        # T

        ```yaml {run}
        a: 1
            ```
        ## not a heading
        ```

            indented code

        ~~~
        never closed
        """);
    List<CodeBlock> blocks = doc.codeBlocks();
    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).language()).isEqualTo("yaml");
    assertThat(blocks.get(0).info()).isEqualTo("yaml {run}");
    assertThat(blocks.get(0).body()).isEqualTo("a: 1\n    ```\n## not a heading\n");
    assertThat(blocks.get(0).startLine()).isEqualTo(3);
    assertThat(blocks.get(0).endLine()).isEqualTo(7);
    assertThat(blocks.get(0).closed()).isTrue();
    assertThat(blocks.get(1).fenced()).isFalse();
    assertThat(blocks.get(1).body()).isEqualTo("indented code\n");
    assertThat(blocks.get(2).closed()).isFalse();
    assertThat(doc.headings()).extracting(Heading::text).containsExactly("T");
  }

  @Test
  void proseRunsSkipCodeAndHtmlAndSayWhereTheyAre() {
    MarkdownDocument doc = parse("""
        # 标题 Kubernetes

        使用K8s部署 `kubectl` <span>x</span> [链接文字](a.md) ![替代文字](i.png)

        | 列 | 值 |
        |---|---|
        | k8s | 1 |
        """);
    assertThat(doc.prose()).extracting(ProseRun::scope, ProseRun::text).contains(
        org.assertj.core.groups.Tuple.tuple(ProseRun.Scope.HEADING, "标题 Kubernetes"),
        org.assertj.core.groups.Tuple.tuple(ProseRun.Scope.PARAGRAPH, "使用K8s部署 "),
        org.assertj.core.groups.Tuple.tuple(ProseRun.Scope.LINK_TEXT, "链接文字"),
        org.assertj.core.groups.Tuple.tuple(ProseRun.Scope.ALT_TEXT, "替代文字"),
        org.assertj.core.groups.Tuple.tuple(ProseRun.Scope.TABLE, "k8s"));
    assertThat(doc.prose()).extracting(ProseRun::text).noneMatch(t -> t.contains("kubectl") || t.contains("span"));
    assertThat(doc.prose().get(1).position()).isEqualTo(new Position(3, 1));
  }

  @Test
  void explicitHtmlAnchorsButNotInComments() {
    MarkdownDocument doc = parse("""
        <a name="one"></a>
        <div id='two'>x</div>

        <!-- <a name="three"></a> -->
        text <span id=four>y</span>
        """);
    assertThat(doc.htmlAnchors()).extracting(HtmlAnchor::id).containsExactly("one", "two", "four");
    assertThat(doc.anchors()).contains("one", "two", "four").doesNotContain("three");
  }

  @Test
  void inlineCodeSpansAndSuppressionComments() {
    MarkdownDocument doc = parse("""
        See `Container/01_Docker.md` and ``a ` b``.

        <!-- docgate-disable-next-line links/missing-file, links/missing-anchor -->
        [x](y.md) <!-- docgate-disable-line -->
        """);
    assertThat(doc.inlineCode()).extracting(InlineCode::text).containsExactly("Container/01_Docker.md", "a ` b");
    assertThat(doc.inlineCode().get(0).position()).isEqualTo(new Position(1, 5));
    assertThat(doc.isSuppressed("links/missing-file", 4)).isTrue();
    assertThat(doc.isSuppressed("links/missing-anchor", 4)).isTrue();
    assertThat(doc.isSuppressed("links/anything", 4)).isTrue(); // the same-line comment names no rule: all
    assertThat(doc.isSuppressed("links/missing-file", 3)).isFalse();
  }

  @Test
  void blockAndFileSwitchOffsCoverTheirLines() {
    MarkdownDocument doc = parse("""
        # A
        <!-- docgate-disable links/a links/b -->
        x
        <!-- docgate-enable links/a -->
        y
        <!-- docgate-disable-file links/c -->
        """);
    assertThat(doc.isSuppressed("links/a", 1)).isFalse();
    assertThat(doc.isSuppressed("links/a", 3)).isTrue();
    assertThat(doc.isSuppressed("links/a", 5)).isFalse(); // enabled again on line 4
    assertThat(doc.isSuppressed("links/b", 5)).isTrue(); // never enabled: to the end
    assertThat(doc.isSuppressed("links/b", 1_000)).isTrue();
    assertThat(doc.isSuppressed("links/c", 1)).isTrue(); // the file form also covers the lines above it
    assertThat(doc.isSuppressed("links/d", 3)).isFalse();
  }

  @Test
  void yamlFrontMatterIsNoMarkdownAsOnGithub() {
    // GitHub shows front matter as a table; parsed as Markdown its last line made a setext H2 ("group: utilities")
    MarkdownDocument doc = parse("---\ntitle: Image replacement\ngroup: utilities\nlink: https://example.com/x\n---\n\n"
        + "##### Warning\n\n[x](y.md)\n");
    assertThat(doc.headings()).extracting(h -> h.text() + "@" + h.position().line()).containsExactly("Warning@7");
    assertThat(doc.links()).singleElement().satisfies(l -> assertThat(l.position()).isEqualTo(new Position(9, 1)));
    // a thematic break that opens no front matter is still one
    assertThat(parse("Text\n---\n").headings()).singleElement().satisfies(h -> assertThat(h.text()).isEqualTo("Text"));
  }

  @Test
  void aByteOrderMarkFreeTextWithWindowsLineEndsKeepsLines() {
    MarkdownDocument doc = parse("# A\r\n\r\n[x](y.md)\r\n");
    assertThat(doc.links().get(0).position()).isEqualTo(new Position(3, 1));
  }

  @Test
  void footnotesCarryTheDefinitionsLabelAndGetGithubsIds() {
    MarkdownDocument doc = parse("""
        One[^Big] two[^big] [text][^big] none[^gone]

        [^Big]: first definition wins
        [^big]: ignored duplicate
        [^unused]: never referenced
        """);
    assertThat(doc.footnoteReferences()).extracting(
            FootnoteReference::label, FootnoteReference::defined, FootnoteReference::linkText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Big", true, null),
            org.assertj.core.groups.Tuple.tuple("Big", true, null),
            org.assertj.core.groups.Tuple.tuple("Big", true, "text"),
            org.assertj.core.groups.Tuple.tuple("gone", false, null));
    assertThat(doc.footnoteDefinitions()).extracting(FootnoteDefinition::label).containsExactly("Big", "big", "unused");
    // as cmark-gfm 0.29.0.gfm.6 writes them: <li id="fn-Big">, <a id="fnref-Big">, <a id="fnref-Big-2">, ...
    assertThat(doc.anchors()).contains("fn-Big", "fnref-Big", "fnref-Big-2", "fnref-Big-3", "user-content-fn-Big")
        .doesNotContain("fn-unused", "fn-gone", "fnref-Big-4");
  }

  @Test
  void angleBracketDestinationsMayHoldSpacesButBareOnesMayNot() {
    MarkdownDocument doc = parse("""
        [a](<dir/file one.md>) [b](x y.md) [c][r] [d][s] ![e](<i m.png>)

        [r]: <dir/file one.md>

        [s]: dir/file two.md https://bare.example
        """);
    assertThat(doc.links()).extracting(Link::kind, Link::destination, Link::defined).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LinkKind.INLINE, "dir/file one.md", true),
        org.assertj.core.groups.Tuple.tuple(LinkKind.REFERENCE, "dir/file one.md", true),
        org.assertj.core.groups.Tuple.tuple(LinkKind.REFERENCE, "", false),
        org.assertj.core.groups.Tuple.tuple(LinkKind.IMAGE, "i m.png", true),
        org.assertj.core.groups.Tuple.tuple(LinkKind.DEFINITION, "dir/file one.md", true),
        org.assertj.core.groups.Tuple.tuple(LinkKind.BARE_URL, "https://bare.example", true));
    assertThat(doc.links().get(5).position()).isEqualTo(new Position(5, 22));
  }

  @Test
  void anUndefinedLabelFollowedByADestinationIsTextThenAnInlineLink() {
    MarkdownDocument doc = parse("Hi [Bob][ see this](https://e.example/x) and https://bare.example\n");
    assertThat(doc.links()).extracting(Link::kind, Link::destination, Link::text, Link::position).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LinkKind.INLINE, "https://e.example/x", "see this", new Position(1, 9)),
        org.assertj.core.groups.Tuple.tuple(LinkKind.BARE_URL, "https://bare.example", "https://bare.example",
            new Position(1, 46)));
  }

  @Test
  void aBareSpacedDestinationAfterADefinedLabelLeavesAShortcutReference() {
    MarkdownDocument doc = parse("[r](not a destination) [s](x y)\n\n[r]: <dir/file one.md>\n");
    assertThat(doc.links()).extracting(Link::kind, Link::destination, Link::label).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LinkKind.REFERENCE, "dir/file one.md", "r"),
        org.assertj.core.groups.Tuple.tuple(LinkKind.DEFINITION, "dir/file one.md", null));
  }

  @Test
  void theDocumentKeepsTheTextItWasParsedFromSoNothingReadsTheDiskAgain() {
    String text = "# 标题\r\n\n正文\r\n";
    MarkdownDocument doc = new MarkdownParser().parse("a.md", text);
    assertThat(doc.source()).isEqualTo(text);
    assertThat(doc.sourceLines()).containsExactly("# 标题", "", "正文");
  }

  @Test
  void listsCarryTheirItemsNumberingAndTheParagraphRightBeforeThem() {
    MarkdownDocument doc = parse("""
        We propose
        three changes:

        1. one
        2. two
           - nested a
           - nested b
        ```sh
        echo interrupt
        ```
        3. three

        # Heading
        - alone
        """);
    assertThat(doc.lists()).containsExactly(
        new ListBlock(4, 7, true, 1, 2, 1, 2, -1),
        new ListBlock(6, 7, false, 1, 2, 5, 5, doc.lists().get(1).container()),
        new ListBlock(11, 11, true, 3, 1, 0, 0, -1),
        new ListBlock(14, 14, false, 1, 1, 0, 0, -1));
    assertThat(doc.lists().get(1).container()).isPositive(); // in the second item, after its text ("two")
  }
}
