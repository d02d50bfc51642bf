package org.docgate.validate.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;

/**
 * The snippet check over a corpus (default: the shared reference corpus), documents in parallel on every core as in
 * the pipeline: the per-language outcome table, snippetRunnable, wall time, and the share of checking time spent in
 * bash and python3 processes. Run: {@code java -cp <test classpath> org.docgate.validate.snippets.SnippetBench DIR}.
 */
public final class SnippetBench {
  private SnippetBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/vshpere-1019");
    MarkdownParser parser = new MarkdownParser();
    List<MarkdownDocument> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        docs.add(parser.parse(corpus.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    SnippetValidator validator = SnippetValidator.fromRules(RuleFiles.packaged());
    ConcurrentLinkedQueue<ValidationResult> results = new ConcurrentLinkedQueue<>();
    long t0 = System.nanoTime();
    Map<String, MarkdownDocument> byPath = new java.util.LinkedHashMap<>();
    docs.forEach(d -> byPath.put(d.path(), d));
    // the corpus step once, so ShellCheck and gofmt run once over the corpus as in a scan
    CorpusIndex index = new CorpusIndex(corpus, byPath.keySet(), java.util.Set.of(), byPath);
    var prepared = validator.prepare(index, docs, org.docgate.validate.Prepared.NONE);
    results.add(prepared.corpusResult());
    docs.parallelStream().forEach(d -> results.add(validator.validate(d, index, prepared)));
    long wall = System.nanoTime() - t0;
    Map<String, Long> counters = new TreeMap<>();
    results.forEach(r -> r.counters().forEach((k, v) -> counters.merge(k, v, Long::sum)));
    Map<String, Map<String, Long>> table = new TreeMap<>();
    counters.forEach((k, v) -> {
      if (k.startsWith("snippets.language.")) {
        String rest = k.substring("snippets.language.".length());
        int dot = rest.lastIndexOf('.');
        table.computeIfAbsent(rest.substring(0, dot), x -> new TreeMap<>()).put(rest.substring(dot + 1), v);
      }
    });
    System.out.printf("%-14s %7s %7s %10s %12s %8s%n", "language", "passed", "failed", "incomplete",
        "unverifiable", "skipped");
    table.entrySet().stream()
        .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
        .forEach(e -> System.out.printf("%-14s %7d %7d %10d %12d %8d%n", e.getKey(), get(e.getValue(), "passed"),
            get(e.getValue(), "failed"), get(e.getValue(), "incomplete"), get(e.getValue(), "unverifiable"),
            get(e.getValue(), "skipped")));
    long passed = counters.getOrDefault("snippets.outcome.passed", 0L);
    long failed = counters.getOrDefault("snippets.outcome.failed", 0L);
    System.out.printf("%d documents, %d fenced blocks; snippetRunnable %.4f (%d / %d)%n", docs.size(),
        counters.getOrDefault("snippets.blocks", 0L), passed / (double) (passed + failed), passed, passed + failed);
    System.out.printf("wall %.1f s on %d cores; checking %.1f s summed over threads, of which subprocesses %.1f s"
            + " (%.0f%%); processes: bash %d, python3 %d%n", wall / 1e9, Runtime.getRuntime().availableProcessors(),
        validator.checkNanos() / 1e9, validator.subprocessNanos() / 1e9,
        100.0 * validator.subprocessNanos() / validator.checkNanos(),
        counters.getOrDefault("snippets.subprocess.bash.runs", 0L),
        counters.getOrDefault("snippets.subprocess.python.runs", 0L));
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long get(Map<String, Long> m, String k) {
    return m.getOrDefault(k, 0L);
  }
}
