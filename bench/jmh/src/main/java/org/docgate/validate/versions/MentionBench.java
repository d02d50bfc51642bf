package org.docgate.validate.versions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docgate.bench.BenchCorpus;
import org.docgate.config.RuleFiles;
import org.docgate.markdown.MarkdownDocument;
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
 * Version-mention extraction: {@link MentionExtractor#extract} on every prose line of a real document (or of the
 * whole corpus), the lines
 * {@link VersionValidator} feeds it (built once in setup). In this package because {@link ProseLines} is
 * package-private; the benchmark project is a separate jar, so nothing here ships with docgate.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class MentionBench {
  /** {@code typical}: the median-size document; {@code large}: the largest; {@code corpus}: every document. */
  @Param({"typical", "large", "corpus"})
  public String doc;

  private MentionExtractor extractor;
  private String[] lines;

  @Setup
  public void load() {
    Path root = BenchCorpus.requireRoot();
    extractor = new MentionExtractor(VersionManifest.load(RuleFiles.packaged()).products());
    List<String> all = new ArrayList<>();
    String what;
    if (doc.equals("corpus")) {
      List<Path> files = BenchCorpus.markdownBySize(root);
      for (Path file : files) {
        all.addAll(new ProseLines(BenchCorpus.parse(root, file)).text.values());
      }
      what = String.format("all %,d documents", files.size());
    } else {
      Path file = BenchCorpus.pick(root, doc);
      MarkdownDocument parsed = BenchCorpus.parse(root, file);
      all.addAll(new ProseLines(parsed).text.values());
      what = BenchCorpus.describe(root, file, parsed);
    }
    lines = all.toArray(String[]::new);
    int found = 0;
    for (String line : lines) {
      found += extractor.extract(line).size();
    }
    System.out.printf("%n[setup] mentions, %s: %,d prose lines, %,d version mentions%n", what, lines.length, found);
  }

  @Benchmark
  public void extractDocument(Blackhole bh) {
    for (String line : lines) {
      bh.consume(extractor.extract(line));
    }
  }
}
