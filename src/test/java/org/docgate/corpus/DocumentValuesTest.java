package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-document values of a corpus index ({@link CorpusIndex#ofDocument}): computed once per document and key, and
 * carried to the next index only for the documents it holds as the same object, so an edit recomputes one part.
 */
class DocumentValuesTest {
  private static final MarkdownParser PARSER = new MarkdownParser();

  private static MarkdownDocument doc(String path, String text) {
    return PARSER.parse(path, text);
  }

  private static CorpusIndex index(List<MarkdownDocument> docs) {
    Map<String, MarkdownDocument> byPath = new HashMap<>();
    docs.forEach(d -> byPath.put(d.path(), d));
    return new CorpusIndex(Path.of("/corpus"), byPath.keySet(), Set.of(""), byPath);
  }

  /** A corpus-wide value (characters) built from per-document parts, counting the parts computed. */
  private record Lines(AtomicInteger computed) {
    int total(CorpusIndex index) {
      return index.derived(this, i -> i.documents().values().stream()
          .mapToInt(d -> i.ofDocument("lines", d, x -> {
            computed.incrementAndGet();
            return x.source().length();
          })).sum());
    }
  }

  /** The next generation's documents made from the first one's (a, b, c: the same objects when unchanged). */
  private interface Edit extends Function<List<MarkdownDocument>, List<MarkdownDocument>> {}

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("nothing changed", (Edit) abc -> abc, 0, 26),
        Arguments.of("one document edited", (Edit) abc -> List.of(doc("a.md", "# A\n"), abc.get(1), abc.get(2)),
            1, 21),
        Arguments.of("one document added", (Edit) abc -> List.of(abc.get(0), abc.get(1), abc.get(2),
            doc("d.md", "# D\n")), 1, 30),
        Arguments.of("one document removed", (Edit) abc -> List.of(abc.get(0), abc.get(2)), 0, 22),
        Arguments.of("one document parsed again, same text (another object)",
            (Edit) abc -> List.of(doc("a.md", "# A\n\none\n"), abc.get(1), abc.get(2)), 1, 26));
  }

  @ParameterizedTest(name = "{0}: {2} part(s) computed")
  @MethodSource("edits")
  void theNextIndexComputesOnlyTheChangedDocumentsParts(String edit, Edit next, int expected, int total) {
    List<MarkdownDocument> abc = List.of(doc("a.md", "# A\n\none\n"), doc("b.md", "# B\n"),
        doc("c.md", "# C\n\none\ntwo\n"));
    Lines lines = new Lines(new AtomicInteger());
    CorpusIndex first = index(abc);
    assertThat(lines.total(first)).isEqualTo(26);
    assertThat(lines.computed()).hasValue(3);

    lines.computed().set(0);
    CorpusIndex then = index(next.apply(abc));
    then.inherit(first);
    assertThat(lines.total(then)).isEqualTo(total);
    assertThat(lines.computed()).as(edit).hasValue(expected);
    assertThat(then.documentValuesComputed().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(expected);
  }

  @Test
  void onlyTheValuesTheLastGenerationUsedAreCarriedOn() {
    MarkdownDocument a = doc("a.md", "# A\n");
    AtomicInteger computed = new AtomicInteger();
    CorpusIndex one = index(List.of(a));
    one.ofDocument("old", a, d -> computed.incrementAndGet());
    CorpusIndex two = index(List.of(a));
    two.inherit(one);
    two.ofDocument("new", a, d -> computed.incrementAndGet());
    CorpusIndex three = index(List.of(a));
    three.inherit(two);
    computed.set(0);
    three.ofDocument("old", a, d -> computed.incrementAndGet());
    three.ofDocument("new", a, d -> computed.incrementAndGet());
    assertThat(computed).as("'old' was not used by generation two: dropped, computed again").hasValue(1);
  }

  @Test
  void valuesComputedSideBySideAreCarriedOnByEachGenerationAfterAnEdit() {
    MarkdownDocument a = doc("a.md", "# A\n");
    MarkdownDocument b = doc("b.md", "# B\n");
    AtomicInteger computed = new AtomicInteger();
    CorpusIndex generation = index(List.of(a, b));
    generation.computeEveryDocument("lines", d -> computed.incrementAndGet());
    assertThat(computed).hasValue(2);
    for (int edit = 1; edit <= 3; edit++) {
      // only the edited document's value is missing; no one asks for the others in this generation but the step
      CorpusIndex next = index(List.of(a, doc("b.md", "# B\n\nedit " + edit + "\n")));
      next.inherit(generation);
      computed.set(0);
      next.computeEveryDocument("lines", d -> computed.incrementAndGet());
      assertThat(computed).as("edit %d: the edited document only", edit).hasValue(1);
      generation = next;
    }
  }

  @Test
  void aKeptValueTheCallerNoLongerAcceptsIsComputedAgain() {
    MarkdownDocument a = doc("a.md", "# A\n");
    CorpusIndex one = index(List.of(a));
    String three = one.ofDocument("v", a, d -> "read 3");
    assertThat(three).isEqualTo("read 3");
    CorpusIndex two = index(List.of(a));
    two.inherit(one);
    String four = two.ofDocument("v", a, d -> "read 4", v -> v.equals("read 4"));
    assertThat(four).isEqualTo("read 4");
    String again = two.ofDocument("v", a, d -> "never", v -> true);
    assertThat(again).as("once per generation").isEqualTo("read 4");
  }

  @Test
  void aDocumentThatIsNotTheIndexsOwnIsComputedEachTimeAndNeverKept() {
    MarkdownDocument a = doc("a.md", "# A\n");
    MarkdownDocument other = doc("a.md", "# A, elsewhere\n");
    CorpusIndex one = index(List.of(a));
    AtomicInteger computed = new AtomicInteger();
    one.ofDocument("v", other, d -> computed.incrementAndGet());
    one.ofDocument("v", other, d -> computed.incrementAndGet());
    assertThat(computed).hasValue(2);
    assertThat(one.documentValuesComputed()).isEmpty();
  }

  @Test
  void equalCurrencyRulesShareOneDocumentCurrency() {
    MarkdownDocument a = doc("a.md", "# A\n\n2019 年发布了 1.0 版本。\n");
    CorpusIndex one = index(List.of(a));
    CurrencyRules first = CurrencyRules.load(org.docgate.config.RuleFiles.packaged());
    CurrencyRules second = CurrencyRules.load(org.docgate.config.RuleFiles.packaged());
    assertThat(first).isNotSameAs(second).isEqualTo(second);
    assertThat(first.of(a, one)).isSameAs(second.of(a, one));
    assertThat(first.withPaths(List.of("**/a.md"), List.of()).of(a, one)).as("other globs decide otherwise")
        .isNotSameAs(first.of(a, one));
    Set<String> seen = new HashSet<>(one.documentValuesComputed().keySet());
    assertThat(seen).containsExactly("a.md");
  }

  @Test
  void everyDocumentsPartIsComputedOnceAheadAndAFailureIsThrownWhereThePartIsAsked() {
    List<MarkdownDocument> docs = new java.util.ArrayList<>();
    for (int n = 0; n < 40; n++) {
      docs.add(doc("d" + n + ".md", "# D\n\n" + "x".repeat(n) + "\n"));
    }
    docs.add(doc("bad.md", "# Bad\n"));
    CorpusIndex index = index(docs);
    AtomicInteger computed = new AtomicInteger();
    Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    // The first part computed waits (at most 10 s) until another part is being computed, so a helper thread cannot
    // take every part before the caller starts: whoever holds the first part, the caller computes one of the others.
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CountDownLatch another = new java.util.concurrent.CountDownLatch(1);
    Function<MarkdownDocument, Integer> length = d -> {
      computed.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      if (first.compareAndSet(false, true)) {
        try {
          another.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        another.countDown();
      }
      if (d.path().equals("bad.md")) {
        throw new IllegalStateException("bad part");
      }
      return d.source().length();
    };
    index.computeEveryDocument("length", length);
    Set<String> computingAhead = Set.copyOf(threads);
    int total = 0;
    for (MarkdownDocument d : docs.subList(0, 40)) {
      total += index.ofDocument("length", d, length);
    }
    assertThat(total).isEqualTo(40 * "# D\n\n\n".length() + 39 * 40 / 2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.ofDocument("length", docs.get(40), length))
        .isInstanceOf(IllegalStateException.class).hasMessage("bad part");
    assertThat(computed).as("each part once, none again when asked").hasValue(41);
    assertThat(index.documentValuesComputed().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(41);
    assertThat(computingAhead).as("the caller takes part").contains(Thread.currentThread().getName());
  }
}
