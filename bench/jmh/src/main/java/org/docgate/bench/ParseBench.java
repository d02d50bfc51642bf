package org.docgate.bench;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
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

/**
 * Link extraction: {@link MarkdownParser#parse} of a real document (flexmark's parse, then docgate's walk that
 * collects links, headings with their slugs, HTML anchors, code and prose), beside flexmark's parse alone with the
 * same extensions: the difference is docgate's own extraction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ParseBench {
  /** {@code typical}: the corpus document of median size; {@code large}: the largest. */
  @Param({"typical", "large"})
  public String doc;

  private final MarkdownParser parser = new MarkdownParser();
  private Parser flexmark;
  private String path;
  private String text;

  @Setup
  public void load() {
    Path root = BenchCorpus.requireRoot();
    Path file = BenchCorpus.pick(root, doc);
    path = BenchCorpus.relative(root, file);
    text = BenchCorpus.read(file);
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create()));
    flexmark = Parser.builder(options).build();
    System.out.printf("%n[setup] parse, %s%n", BenchCorpus.describe(root, file, parser.parse(path, text)));
  }

  @Benchmark
  public MarkdownDocument parse() {
    return parser.parse(path, text);
  }

  @Benchmark
  public Object flexmarkOnly() {
    return flexmark.parse(text);
  }
}
