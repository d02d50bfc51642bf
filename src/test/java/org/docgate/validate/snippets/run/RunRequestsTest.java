package org.docgate.validate.snippets.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/** Which snippets ask to run, and which block holds their expected output. */
class RunRequestsTest {
  private static CodeBlock block(String info, String comment, int start, int end) {
    return new CodeBlock(true, info, "x\n", start, end, true, comment);
  }

  @Test
  void aRunAttributeOrARunCommentAsksToRun() {
    assertThat(SnippetRunner.requested(block("bash {run}", "", 1, 3))).isTrue();
    assertThat(SnippetRunner.requested(block("python {.run title=demo}", "", 1, 3))).isTrue();
    assertThat(SnippetRunner.requested(block("bash", "<!-- docgate-run -->", 1, 3))).isTrue();
    assertThat(SnippetRunner.requested(block("bash", "<!-- expect: snippets/syntax -->", 1, 3))).isFalse();
    assertThat(SnippetRunner.requested(block("bash {rerun}", "", 1, 3))).isFalse();
    assertThat(SnippetRunner.requested(block("bash run", "", 1, 3))).isFalse();
  }

  @Test
  void theParserKeepsTheCommentRightBeforeAFenceOnly() {
    List<CodeBlock> blocks = new MarkdownParser().parse("a.md", "<!-- docgate-run -->\n```bash\necho a\n```\n\n"
        + "<!-- docgate-run -->\n\nText between.\n\n```bash\necho b\n```\n").codeBlocks();
    assertThat(SnippetRunner.requested(blocks.get(0))).isTrue();
    assertThat(SnippetRunner.requested(blocks.get(1))).isFalse();
  }

  @Test
  void theOutputBlockMustFollowWithAtMostOneBlankLine() {
    CodeBlock run = block("bash {run}", "", 1, 3);
    assertThat(SnippetRunner.expectedOutput(List.of(run, block("output", "", 5, 7)), 0)).isPresent();
    assertThat(SnippetRunner.expectedOutput(List.of(run, block("output", "", 7, 9)), 0)).isEmpty();
    assertThat(SnippetRunner.expectedOutput(List.of(run, block("text", "", 4, 6)), 0)).isEmpty();
  }

  @Test
  void outputIsComparedWhitespaceNormalised() {
    assertThat(SnippetRunner.normalise("\n  a \t b  \n\nc   \n\n")).isEqualTo("a b\n\nc");
  }
}
