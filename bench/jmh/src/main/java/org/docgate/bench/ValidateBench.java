package org.docgate.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.http.Network;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.scan.IndexedCorpus;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.ValidationResult;
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
 * Per-document validation: {@link ValidatorRegistry#validate} of one real document against the index of the whole
 * corpus (built in setup as a scan builds it), with no network. {@code offline} is every validator but the snippet
 * check (it starts bash and python3 processes: the performance budget leaves it out too); the others are one
 * validator each. Corpus-wide work a validator caches in the index (link graph, the external-link pass) is done
 * once in setup, as it is once per scan; its time is printed there.
 * An operation takes up to ~0.3 s on a loaded machine, so warm-up is five seconds here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ValidateBench {
  /** {@code typical}: the corpus document of median size; {@code large}: the largest. */
  @Param({"typical", "large"})
  public String doc;

  @Param({"offline", "links", "versions", "completeness", "weblinks", "terms"})
  public String validators;

  private ValidatorRegistry registry;
  private MarkdownDocument document;
  private CorpusIndex index;

  @Setup
  public void load() {
    Path root = BenchCorpus.requireRoot();
    RuleFiles rules = RuleFiles.packaged();
    DocgateConfig config = BenchCorpus.config(rules);
    Set<String> only = validators.equals("offline")
        ? Set.of("links", "versions", "completeness", "weblinks", "terms") : Set.of(validators);
    registry = ValidatorRegistry.create(config, rules, only, Clock.systemUTC(), Network.none());
    long t0 = System.nanoTime();
    IndexedCorpus indexed = BenchCorpus.index(root, config);
    long t1 = System.nanoTime();
    index = indexed.index();
    Path file = BenchCorpus.pick(root, doc);
    document = index.documents().get(BenchCorpus.relative(root, file));
    if (document == null) {
      throw new IllegalStateException(file + " is not a checked document of the corpus");
    }
    ValidationResult first = registry.validate(document, index);
    long t2 = System.nanoTime();
    System.out.printf("%n[setup] validate %s, %s; corpus indexed (%,d documents) in %,d ms; first validation "
            + "(with corpus-wide work) %,d ms: %,d findings%n", validators, BenchCorpus.describe(root, file, document),
        indexed.documents().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, first.findings().size());
  }

  @Benchmark
  public ValidationResult validate() {
    return registry.validate(document, index);
  }
}
