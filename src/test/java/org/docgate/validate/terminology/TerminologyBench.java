package org.docgate.validate.terminology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;

/**
 * {@code bench/terminology.sh}: the terminology pass over a corpus with about 50 and about 500 compiled terms. The
 * terms are real: Chinese terms of the corpus glossary (a bilingual-first-use rule) and their English forms (a
 * capitalization rule), the first N pairs. Documents are parsed once, then each rule set runs over all of them
 * (one thread, alternating, 2 warm-up rounds, median of 15). "matching" is the automaton pass alone; the whole
 * pass adds judging each use, which grows with the number of uses found (more terms, more uses), not with the
 * number of terms.
 */
public final class TerminologyBench {
  private TerminologyBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/vshpere-1019");
    Map<String, String> glossaries = new LinkedHashMap<>();
    for (String name : List.of("GLOSSARY_技术术语双语对照表.md", "TERMINOLOGY.md")) {
      glossaries.put(name, Files.readString(corpus.resolve(name), StandardCharsets.UTF_8));
    }
    List<GlossaryImport.Pair> pairs = GlossaryImport.parse(glossaries).pairs();
    List<MarkdownDocument> docs = parse(corpus);
    System.out.printf("corpus: %d documents, %d prose runs; glossary: %d pairs%n", docs.size(),
        docs.stream().mapToInt(d -> d.prose().size()).sum(), pairs.size());
    int[] sizes = {25, 250};
    List<TerminologyValidator> validators = new ArrayList<>();
    List<TermMatcher> matchers = new ArrayList<>();
    for (int n : sizes) {
      List<TermRule> rules = rules(pairs.subList(0, Math.min(n, pairs.size())));
      validators.add(new TerminologyValidator(rules));
      matchers.add(new TermMatcher(rules));
    }
    // Rounds alternate between the two rule sets, so load from other processes hits both alike.
    long[][] matching = new long[sizes.length][ROUNDS];
    long[][] total = new long[sizes.length][ROUNDS];
    long[] uses = new long[sizes.length];
    long[] findings = new long[sizes.length];
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < sizes.length; k++) {
        long t0 = System.nanoTime();
        uses[k] = 0;
        for (MarkdownDocument d : docs) {
          for (var run : d.prose()) {
            uses[k] += matchers.get(k).uses(run).size();
          }
        }
        long t1 = System.nanoTime();
        findings[k] = 0;
        for (MarkdownDocument d : docs) {
          findings[k] += validators.get(k).validate(d, null).findings().size();
        }
        matching[k][round] = t1 - t0;
        total[k][round] = System.nanoTime() - t1;
      }
    }
    for (int k = 0; k < sizes.length; k++) {
      System.out.printf("%4d terms: matching median %6.1f ms; whole pass median %6.1f ms; %d uses, %d findings%n",
          validators.get(k).termCount(), median(matching[k]), median(total[k]), uses[k], findings[k]);
    }
  }

  private static final int ROUNDS = 17;

  /** Median of the rounds after two warm-ups, in milliseconds. */
  private static double median(long[] rounds) {
    long[] measured = Arrays.copyOfRange(rounds, 2, rounds.length);
    Arrays.sort(measured);
    return measured[measured.length / 2] / 1e6;
  }

  private static List<TermRule> rules(List<GlossaryImport.Pair> pairs) {
    GlossaryImport.Result result = new GlossaryImport.Result(pairs, List.of(), List.of(), List.of(), List.of(), 0, 0);
    List<TermRule> rules = new ArrayList<>();
    rules.add(TermRuleLoader.parse("bench/Glossary.yml", "Bench.Glossary", result.toRuleYaml("bench")));
    StringBuilder cap = new StringBuilder("extends: capitalization\nmessage: \"'%s' not '%s'\"\nterms:\n");
    pairs.stream().map(GlossaryImport.Pair::english).distinct()
        .forEach(e -> cap.append("  - ").append(GlossaryImport.quote(e)).append('\n'));
    rules.add(TermRuleLoader.parse("bench/English.yml", "Bench.English", cap.toString()));
    return rules;
  }

  private static List<MarkdownDocument> parse(Path corpus) throws IOException {
    MarkdownParser parser = new MarkdownParser();
    List<MarkdownDocument> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        docs.add(parser.parse(corpus.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return docs;
  }
}
