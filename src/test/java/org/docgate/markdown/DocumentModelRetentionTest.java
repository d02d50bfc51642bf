package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.docgate.ObjectGraph;
import org.junit.jupiter.api.Test;

/**
 * A scan keeps every document's model until it ends, so what the model holds besides its source is multiplied by the
 * corpus: on the 16x benchmark corpus (7,412 documents) copies of prose runs and code bodies were as large as the
 * sources, and one Position object per element was 2.3 million objects, which pushed the peak RSS past 1 GiB
 * (bench/README.md, issue 21.2).
 */
class DocumentModelRetentionTest {
  private final MarkdownParser parser = new MarkdownParser();

  @Test
  void proseAndCodeBodiesAreKeptAsStretchesOfTheSourceNotAsCopies() {
    double perSection = (charsBesidesSource(400) - charsBesidesSource(200)) / 200.0;
    // each section adds ~60 characters of prose and ~30 of code; what is left is the code's info string ("bash")
    assertThat(perSection).as("characters held per extra section besides the source").isLessThan(8);
  }

  @Test
  void keptStretchesGiveTheTextAsWritten() {
    MarkdownDocument doc = parser.parse("a.md", document(2));
    assertThat(doc.prose()).extracting(ProseRun::text)
        .contains("Section 1 says ", "this run", " is one paragraph of words.");
    assertThat(doc.codeBlocks()).extracting(CodeBlock::body).containsExactly("echo 0\nls -l /tmp\n", "echo 1\nls -l /tmp\n");
    // a block in a block quote is not one stretch of the source (the "> " markers are cut out): a copy, as written
    MarkdownDocument quoted = parser.parse("q.md", "> ```sh\n> echo hi\n> pwd\n> ```\n");
    assertThat(quoted.codeBlocks().get(0).body()).isEqualTo("echo hi\npwd\n");
  }

  @Test
  void documentsShareThePositionsOfTheirElements() {
    MarkdownDocument one = parser.parse("one.md", document(3));
    MarkdownDocument two = parser.parse("two.md", document(3));
    assertThat(two.prose().get(5).position()).isSameAs(one.prose().get(5).position());
    assertThat(two.headings().get(0).position()).isSameAs(one.headings().get(0).position());
    assertThat(Position.of(9_000, 3)).isEqualTo(new Position(9_000, 3));
  }

  private long charsBesidesSource(int sections) {
    MarkdownDocument doc = parser.parse("guide.md", document(sections));
    return Strings.chars(doc) - doc.source().length();
  }

  private static String document(int sections) {
    StringBuilder text = new StringBuilder("# Guide\n\n");
    for (int i = 0; i < sections; i++) {
      text.append("Section ").append(i).append(" says *this run* is one paragraph of words.\n\n")
          .append("```bash\necho ").append(i).append("\nls -l /tmp\n```\n\n");
    }
    return text.toString();
  }

  /** The characters of every distinct string reachable from a root through docgate's objects and collections. */
  private static final class Strings {
    static long chars(Object root) {
      long[] chars = {0};
      ObjectGraph.walk(root, o -> false, o -> chars[0] += o instanceof String s ? s.length() : 0);
      return chars[0];
    }
  }
}
