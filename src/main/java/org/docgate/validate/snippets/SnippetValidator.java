package org.docgate.validate.snippets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.Metric;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;

/**
 * Every fenced code block checked for the language its info string names ({@code rules/snippets/languages.yaml}):
 * YAML and JSON in process, shell and Python by their own parsers in one subprocess per document and language
 * (batched, never one process per snippet). Nothing is executed.
 *
 * <p>Counters: {@code snippets.blocks} (fenced blocks), {@code snippets.verified} (passed + failed),
 * {@code snippets.outcome.<outcome>}, {@code snippets.language.<language>.<outcome>} (language names hold no dots;
 * fences without a language count as {@code unlabelled}), {@code snippets.subprocess.bash|python.runs} (processes
 * started). Times are not counters (stats must be equal on every run): {@link #checkNanos()} and
 * {@link #subprocessNanos()} sum them for the benchmark. Thread-safe: all state is per document, except those sums.
 */
public final class SnippetValidator implements Validator {
  public static final String VERIFIED = "snippets.verified";
  public static final String PASSED = "snippets.outcome.passed";
  static final String UNLABELLED = "unlabelled";

  private final Languages languages;
  private final YamlChecker yaml;
  private final JsonChecker json = JsonChecker.strict();
  private final JsonChecker jsonc = JsonChecker.jsonc();
  private final JsonChecker json5 = JsonChecker.json5();
  private final ShellChecker shell;
  private final PythonChecker python;
  private final LongAdder checkNanos = new LongAdder();
  private final LongAdder subprocessNanos = new LongAdder();

  SnippetValidator(Languages languages, KubernetesShape kubernetes, ShellChecker shell, PythonChecker python) {
    this.languages = languages;
    this.yaml = new YamlChecker(kubernetes);
    this.shell = shell;
    this.python = python;
  }

  /** The validator for a rules folder, with bash and python3 from the PATH; bad rule files fail with file:line. */
  public static SnippetValidator fromRules(RuleFiles rules) {
    return new SnippetValidator(SnippetRules.languages(rules), SnippetRules.kubernetes(rules),
        ShellChecker.onPath(), PythonChecker.onPath());
  }

  /** Time spent in {@link #validate}, summed over documents (over threads, when documents run in parallel). */
  public long checkNanos() {
    return checkNanos.sum();
  }

  /** Of that, the time spent waiting for bash and python3 processes. */
  public long subprocessNanos() {
    return subprocessNanos.sum();
  }

  @Override
  public String id() {
    return "snippets";
  }

  @Override
  public List<org.docgate.finding.Rule> rules() {
    return SnippetRules.ALL;
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("snippetRunnable", PASSED, VERIFIED));
  }

  /** A snippet to check: its block, language, the checker that applies and the text that checker reads. */
  private record Pending(CodeBlock block, Language language, CheckerKind checker, String text) {}

  /** One snippet's check: a problem, or the reason it could not be checked. */
  private record Verdict(Optional<Problem> problem, String unavailable) {}

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    long start = System.nanoTime();
    Map<String, Long> counters = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, List<CodeBlock>> unverifiable = new LinkedHashMap<>();
    Map<String, String> unverifiableWhy = new LinkedHashMap<>();
    List<Pending> pending = new ArrayList<>();
    for (CodeBlock block : doc.codeBlocks()) {
      if (!block.fenced()) {
        continue;
      }
      add(counters, "snippets.blocks", 1);
      String word = block.language();
      if (word.isEmpty()) {
        findings.add(SnippetRules.MISSING_LANGUAGE.at(doc.path(), block.startLine(), 1,
            "fenced code block without a language: name one (```yaml, ```text...) so it can be checked"));
        count(counters, UNLABELLED, Outcome.SKIPPED);
        continue;
      }
      Language language = languages.of(word);
      switch (language.checker()) {
        case SKIP -> count(counters, language.name(), Outcome.SKIPPED);
        case NONE -> {
          unverifiable.computeIfAbsent(language.name(), k -> new ArrayList<>()).add(block);
          unverifiableWhy.putIfAbsent(language.name(), "docgate has no checker for " + language.name());
          count(counters, language.name(), Outcome.UNVERIFIABLE);
        }
        default -> pending.add(prepare(block, language));
      }
    }
    // Snippets with placeholders are also checked with them neutralised, in the same batch (one process per
    // document and language): when the original fails and that passes, the placeholders were the only reason.
    List<Pending> items = new ArrayList<>(pending);
    List<String> texts = new ArrayList<>(pending.stream().map(Pending::text).toList());
    Map<Integer, Integer> neutralised = new TreeMap<>();
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      if (Placeholders.present(p.text())) {
        neutralised.put(i, items.size());
        items.add(p);
        texts.add(Placeholders.neutralise(p.text(), p.checker()));
      }
    }
    Meter meter = new Meter();
    List<Verdict> verdicts = checkAll(items, texts, meter);
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      Verdict v = verdicts.get(i);
      String lang = p.language().name();
      if (v.unavailable() != null) {
        unverifiable.computeIfAbsent(lang, k -> new ArrayList<>()).add(p.block());
        unverifiableWhy.putIfAbsent(lang, v.unavailable());
        count(counters, lang, Outcome.UNVERIFIABLE);
      } else if (v.problem().isEmpty()) {
        count(counters, lang, Outcome.PASSED);
      } else {
        Problem problem = v.problem().get();
        Integer variant = neutralised.get(i);
        Verdict again = variant == null ? null : verdicts.get(variant);
        boolean onlyPlaceholders = problem.structural()
            ? variant != null
            : again != null && again.unavailable() == null && again.problem().isEmpty();
        int line = markdownLine(p.block(), problem.line());
        if (onlyPlaceholders) {
          count(counters, lang, Outcome.INCOMPLETE);
          findings.add(SnippetRules.INCOMPLETE.at(doc.path(), line, problem.column(),
              lang + " snippet with placeholders, which are the only reason it fails: " + problem.message()));
        } else {
          count(counters, lang, Outcome.FAILED);
          findings.add(SnippetRules.SYNTAX.at(doc.path(), line, problem.column(), problem.message()));
        }
      }
    }
    unverifiable.forEach((lang, blocks) -> findings.add(SnippetRules.UNVERIFIABLE.at(doc.path(),
        blocks.get(0).startLine(), 1, blocks.size() + " " + lang + " snippet" + (blocks.size() == 1 ? "" : "s")
            + " not verified: " + unverifiableWhy.get(lang))));
    meter.processes.forEach((checker, n) -> add(counters, "snippets.subprocess." + checker + ".runs", n));
    meter.nanos.values().forEach(subprocessNanos::add);
    checkNanos.add(System.nanoTime() - start);
    return new ValidationResult(findings, counters);
  }

  private Pending prepare(CodeBlock block, Language language) {
    String body = block.body();
    CheckerKind checker = language.checker();
    if (checker == CheckerKind.SHELL && Sessions.looksLikeConsole(body)) {
      checker = CheckerKind.CONSOLE;
    }
    String text = switch (checker) {
      case CONSOLE -> Sessions.consoleCommands(body);
      case PYTHON -> Sessions.looksLikePythonSession(body) ? Sessions.pythonInput(body) : body;
      default -> body;
    };
    return new Pending(block, language, checker, text);
  }

  /** Subprocess time and count over one document's batches. */
  private static final class Meter {
    final Map<String, Long> nanos = new TreeMap<>();
    final Map<String, Long> processes = new TreeMap<>();

    void add(String checker, BatchOutcome b) {
      if (b.processes() > 0) {
        nanos.merge(checker, b.nanos(), Long::sum);
        processes.merge(checker, (long) b.processes(), Long::sum);
      }
    }
  }

  /** Checks texts (one per pending snippet): in process one by one, shell and Python as one batch each. */
  private List<Verdict> checkAll(List<Pending> items, List<String> texts, Meter meter) {
    Verdict[] out = new Verdict[items.size()];
    List<Integer> shellIdx = new ArrayList<>();
    List<Integer> pythonIdx = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String text = texts.get(i);
      switch (items.get(i).checker()) {
        case YAML -> out[i] = new Verdict(yaml.check(text), null);
        case JSON -> out[i] = new Verdict(json.check(text), null);
        case JSONC -> out[i] = new Verdict(jsonc.check(text), null);
        case JSON5 -> out[i] = new Verdict(json5.check(text), null);
        case SHELL, CONSOLE -> shellIdx.add(i);
        case PYTHON -> pythonIdx.add(i);
        default -> throw new IllegalStateException("not a checker: " + items.get(i).checker());
      }
    }
    if (!shellIdx.isEmpty()) {
      BatchOutcome b = shell.check(shellIdx.stream().map(texts::get).toList());
      meter.add("bash", b);
      fill(out, shellIdx, b);
    }
    if (!pythonIdx.isEmpty()) {
      BatchOutcome b = python.check(pythonIdx.stream().map(texts::get).toList());
      meter.add("python", b);
      fill(out, pythonIdx, b);
    }
    return List.of(out);
  }

  private static void fill(Verdict[] out, List<Integer> indexes, BatchOutcome b) {
    for (int k = 0; k < indexes.size(); k++) {
      out[indexes.get(k)] = new Verdict(b.problems().get(k), b.unavailable());
    }
  }

  /** The Markdown line of a snippet's 1-based body line: the fence line plus the offset, kept inside the block. */
  static int markdownLine(CodeBlock block, int bodyLine) {
    int line = block.startLine() + bodyLine;
    int last = Math.max(block.startLine(), block.endLine());
    return Math.max(block.startLine(), Math.min(line, last));
  }

  private static void count(Map<String, Long> counters, String language, Outcome outcome) {
    add(counters, "snippets.outcome." + outcome.label(), 1);
    add(counters, "snippets.language." + language + "." + outcome.label(), 1);
    if (outcome == Outcome.PASSED || outcome == Outcome.FAILED) {
      add(counters, VERIFIED, 1);
    }
  }

  private static void add(Map<String, Long> counters, String key, long n) {
    counters.merge(key, n, Long::sum);
  }
}
