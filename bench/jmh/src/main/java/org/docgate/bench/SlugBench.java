package org.docgate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Slugger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Heading slugs: {@link Slugger#slugOf} on one real heading (cycling through every heading of the corpus, most of
 * them mixed Chinese and English), and the anchors of the whole corpus, one {@link Slugger} per document as the parser
 * does it (duplicate suffixes included).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SlugBench {
  private String[] headings;
  private List<String[]> perDocument;
  private int next;

  @Setup
  public void load() {
    Path root = BenchCorpus.requireRoot();
    List<String> all = new ArrayList<>();
    perDocument = new ArrayList<>();
    for (Path file : BenchCorpus.markdownBySize(root)) {
      MarkdownDocument doc = BenchCorpus.parse(root, file);
      String[] texts = doc.headings().stream().map(Heading::text).toArray(String[]::new);
      perDocument.add(texts);
      all.addAll(List.of(texts));
    }
    headings = all.toArray(String[]::new);
    long mixed = all.stream().filter(h -> h.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN) && h.chars().anyMatch(c -> c < 128 && Character.isLetter(c))).count();
    System.out.printf("%n[setup] slugs, %,d headings in %,d documents, %,d of them mixing Han and Latin letters%n",
        headings.length, perDocument.size(), mixed);
  }

  /** One heading's slug (ns per heading). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String slugOf() {
    String h = headings[next];
    next = next + 1 == headings.length ? 0 : next + 1;
    return Slugger.slugOf(h);
  }

  /** Every anchor of the corpus (µs per corpus). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void slugCorpus(Blackhole bh) {
    for (String[] texts : perDocument) {
      Slugger slugger = new Slugger();
      for (String t : texts) {
        bh.consume(slugger.slug(t));
      }
    }
  }
}
