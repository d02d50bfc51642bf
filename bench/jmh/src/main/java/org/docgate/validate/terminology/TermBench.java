package org.docgate.validate.terminology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docgate.bench.BenchCorpus;
import org.docgate.config.RuleFiles;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Terminology matching: {@link TermMatcher#uses} (fold, one Aho-Corasick pass, boundaries, leftmost-longest) on every
 * prose run of a real document (or of the whole corpus), with the packaged rules. In this package because the
 * matcher is package-private.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class TermBench {
  /** {@code typical}: the median-size document; {@code large}: the largest; {@code corpus}: every document. */
  @Param({"typical", "large", "corpus"})
  public String doc;

  private TermMatcher matcher;
  private ProseRun[] runs;

  @Setup
  public void load() {
    Path root = BenchCorpus.requireRoot();
    matcher = new TermMatcher(TermRuleLoader.load(RuleFiles.packaged()));
    List<ProseRun> all = new ArrayList<>();
    String what;
    if (doc.equals("corpus")) {
      List<Path> files = BenchCorpus.markdownBySize(root);
      for (Path file : files) {
        all.addAll(BenchCorpus.parse(root, file).prose());
      }
      what = String.format("all %,d documents", files.size());
    } else {
      Path file = BenchCorpus.pick(root, doc);
      MarkdownDocument parsed = BenchCorpus.parse(root, file);
      all.addAll(parsed.prose());
      what = BenchCorpus.describe(root, file, parsed);
    }
    runs = all.toArray(ProseRun[]::new);
    int uses = 0;
    for (ProseRun run : runs) {
      uses += matcher.uses(run).size();
    }
    System.out.printf("%n[setup] terms, %s: %,d prose runs, %,d terms, %,d uses%n", what, runs.length,
        matcher.size(), uses);
  }

  @Benchmark
  public void matchDocument(Blackhole bh) {
    for (ProseRun run : runs) {
      bh.consume(matcher.uses(run));
    }
  }
}
