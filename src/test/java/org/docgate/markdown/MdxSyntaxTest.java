package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MdxSyntaxTest {
  private final MarkdownParser parser = new MarkdownParser();

  /** '|' stands for a line break; the expected prose is every run's text, spaces collapsed, joined by '/'. */
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      // Mastra's and Pragmatic drag and drop's pages: ESM at the top is no prose
      "import { Tabs } from 'nextra/components';|import Foo from './foo.mdx';||# Title||Text. => Title/Text.",
      "export const meta = {|  title: 'x',|};||Text. => Text.",
      // an import inside prose or a fence stays what it is
      "Text.|import x from y => Text./import x from y",
      "```js|import x from 'y';|```||Text. => Text.",
      // an MDX comment, on one line or several
      "Before {/* hidden */} after. => Before after.",
      "A.||{/*|  note|*/}||B. => A./B.",
      // JSX children are indented: no code block in MDX
      "<Tabs>|||    Indented text.||</Tabs> => Indented text.",
  })
  void mdxSyntaxIsNoProse(String text, String prose) {
    MarkdownDocument doc = parser.parse("page.mdx", text.replace('|', '\n'));
    assertThat(String.join("/", doc.prose().stream().map(r -> r.text().strip().replaceAll("\\s+", " ")).toList())).isEqualTo(prose);
    assertThat(doc.codeBlocks()).allMatch(CodeBlock::fenced);
  }

  @Test
  void aMarkdownPageKeepsItsIndentedCodeAndImportLines() {
    MarkdownDocument doc = parser.parse("page.md", "import x from 'y';\n\n    indented code\n");
    assertThat(doc.prose()).extracting(ProseRun::text).containsExactly("import x from 'y';");
    assertThat(doc.codeBlocks()).extracting(CodeBlock::fenced).containsExactly(false);
  }

  @Test
  void offsetsAndLinesStay() {
    String text = "import a from 'b';\n\nSee [x](./x.mdx).\n{/* c */} End.\n";
    assertThat(MdxSyntax.blanked(text)).hasSameSizeAs(text);
    MarkdownDocument doc = parser.parse("page.mdx", text);
    assertThat(doc.links()).singleElement().satisfies(l -> assertThat(l.position()).isEqualTo(new Position(3, 5)));
    assertThat(doc.prose().get(doc.prose().size() - 1).position()).isEqualTo(new Position(4, 11));
    assertThat(List.of(MarkdownParser.isMdx("a/B.MDX"), MarkdownParser.isMdx("a.md"), MarkdownParser.isMdx("x")))
        .containsExactly(true, false, false);
  }
}
