package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.docgate.ObjectGraph;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * A scan keeps one {@link DocumentCurrency} per document until it ends (the index's per-document values), so what one
 * holds per sentence is multiplied by every sentence of the corpus: on the 16x benchmark corpus (7,412 documents,
 * ~600,000 sentences) a map of line to list of parts plus each sentence's text was about a fifth of the live heap
 * and pushed the peak RSS past 1 GiB (bench/README.md, issue 21.2).
 */
class DocumentCurrencyRetentionTest {
  private static final CurrencyRules RULES = CurrencyRulesTest.RULES;

  @Test
  void theCurrencyTheIndexKeepsHoldsAboutOneObjectPerSentence() {
    long small = reachableFromKept(300);
    long large = reachableFromKept(600);
    double perSentence = (large - small) / 300.0;
    // a Sentence each; parts in flat arrays, no text (before: Sentence, its String and bytes, Piece, TreeMap entry,
    // boxed line, ArrayList and its array: ~8 per sentence)
    assertThat(perSentence).as("objects reachable per extra sentence").isLessThan(1.5);
  }

  @Test
  void keptSentencesHaveNoTextButTheSameExemptionsAsExplainsOnes() {
    MarkdownDocument doc = document(40);
    DocumentCurrency kept = RULES.of(doc, index(doc));
    DocumentCurrency explained = RULES.of(doc);
    for (int line = 1; line <= doc.lineCount(); line++) {
      assertThat(kept.sentencesOn(line)).hasSameSizeAs(explained.sentencesOn(line));
      for (int column = 1; column < 40; column += 7) {
        DocumentCurrency.Sentence k = kept.sentenceAt(line, column);
        DocumentCurrency.Sentence e = explained.sentenceAt(line, column);
        assertThat(k == null).isEqualTo(e == null);
        if (k != null) {
          assertThat(k.text()).isNull();
          assertThat(e.text()).isNotNull();
          assertThat(k.exemption()).isEqualTo(e.exemption());
          assertThat(k.line()).isEqualTo(e.line());
          assertThat(k.column()).isEqualTo(e.column());
        }
      }
    }
  }

  @Test
  void twoSentencesOnOneLineAreFoundByColumnInTheirOrder() {
    MarkdownDocument doc = new MarkdownParser().parse("guide.md",
        "# 指南\n\n| a | b |\n|---|---|\n| 该版本集成了 1.7 | x |\n\n该版本正式集成了 containerd 1.7。当前运行 1.31。\n");
    DocumentCurrency kept = RULES.of(doc, index(doc));
    assertThat(kept.sentencesOn(7)).hasSize(2);
    assertThat(kept.sentenceAt(7, 1).exemption()).isNotNull();
    assertThat(kept.sentenceAt(7, 30).exemption()).isNull();
    assertThat(kept.sentenceAt(5, 3).exemption()).isNotNull();
    assertThat(kept.sentenceAt(4, 1)).isNull();
    assertThat(kept.sentenceAt(99, 1)).isNull();
  }

  private static long reachableFromKept(int sentences) {
    MarkdownDocument doc = document(sentences);
    return Reachable.count(RULES.of(doc, index(doc)));
  }

  /** A title, then one sentence per paragraph on lines past the boxed-integer cache. */
  private static MarkdownDocument document(int sentences) {
    StringBuilder text = new StringBuilder("# Guide\n\n");
    text.append("filler\n".repeat(200)).append('\n');
    for (int i = 0; i < sentences; i++) {
      text.append("Kubernetes runs release ").append(i).append(" in this cluster today.\n\n");
    }
    return new MarkdownParser().parse("guide.md", text.toString());
  }

  private static CorpusIndex index(MarkdownDocument doc) {
    return new CorpusIndex(Path.of("/corpus"), Set.of(doc.path()), Set.of(""), Map.of(doc.path(), doc));
  }

  /**
   * Objects reachable from a root, the shared rules left out (not per document): one per object, one more per
   * string (its bytes), per collection (its backing array or nodes) and per map entry.
   */
  static final class Reachable {
    static long count(Object root) {
      long[] count = {0};
      ObjectGraph.walk(root, o -> o instanceof CurrencyRules, o -> count[0] += switch (o) {
        case String s -> 2;
        case Map<?, ?> m -> 1 + m.size();
        case Collection<?> c -> 2;
        default -> 1;
      });
      return count[0];
    }
  }
}
