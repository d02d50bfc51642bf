package org.docgate.validate.snippets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.Metric;
import org.docgate.validate.Prepared;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;

/**
 * Every fenced code block checked for the language its info string names ({@code rules/snippets/languages.yaml}):
 * YAML, JSON, Dockerfile, XML, TOML, INI and Java (javac's parser) in process; shell ({@code bash -n}), Python
 * ({@code ast.parse}), ShellCheck (warnings on shell snippets that parse) and gofmt in subprocesses run once per
 * scan, in the corpus step ({@link #prepare}) over the texts of every document to validate, so a scan starts a few
 * processes per checker, not one per document (process starts dominated: 10 ms each on our CI machines). The next
 * scan of the service gets the previous verdicts by text, so after one edit only new snippets run.
 * Nothing is executed, except the snippets a document marks to run, inside the {@link Sandbox} ({@link SnippetRunner}).
 *
 * <p>Counters: {@code snippets.blocks} (fenced blocks), {@code snippets.verified} (passed + failed),
 * {@code snippets.outcome.<outcome>}, {@code snippets.language.<language>.<outcome>} (language names hold no dots;
 * fences without a language count as {@code unlabelled}), {@code snippets.subprocess.<checker>.runs} (processes
 * started by the scan's corpus batches: the corpus result),
 * {@code snippets.run.<passed|failed|mismatch|timeout|refused>}. Times are not counters (stats must be equal on every
 * run): {@link #checkNanos()} and {@link #subprocessNanos()} sum them for the benchmark. Thread-safe: all state is per document, except those sums.
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
  private final XmlChecker xml = new XmlChecker();
  private final TomlChecker toml = new TomlChecker();
  private final IniChecker ini = new IniChecker();
  private final ShellcheckChecker shellcheck;
  private final GoChecker go;
  private final JavaChecker javac;
  private final SnippetRunner runner;
  /** Per parsed document (identity): its texts for each corpus-wide checker. */
  private final Cache<MarkdownDocument, Map<String, List<String>>> corpusTextsByDocument =
      Caffeine.newBuilder().weakKeys().build();
  private final LongAdder checkNanos = new LongAdder();

  SnippetValidator(Languages languages, KubernetesShape kubernetes, ComposeShape compose, ShellChecker shell, PythonChecker python,
      ShellcheckChecker shellcheck, GoChecker go, JavaChecker java, SnippetRunner runner) {
    this.languages = languages;
    this.yaml = new YamlChecker(kubernetes, compose);
    this.shell = shell;
    this.python = python;
    this.shellcheck = shellcheck;
    this.go = go;
    this.javac = java;
    this.runner = runner;
  }

  /**
   * The validator for a rules folder, with bash, python3, shellcheck, gofmt and bwrap from the PATH; bad rule files
   * fail with file:line.
   */
  public static SnippetValidator fromRules(RuleFiles rules) {
    return new SnippetValidator(SnippetRules.languages(rules), SnippetRules.kubernetes(rules),
        SnippetRules.compose(rules), ShellChecker.onPath(), PythonChecker.onPath(),
        new ShellcheckChecker(Subprocess.find("shellcheck"), SnippetRules.shellcheckExcluded(rules)),
        GoChecker.onPath(), new JavaChecker(), new SnippetRunner(Sandbox.onPath(), SnippetRules.run(rules)));
  }

  /** Time spent in {@link #validate}, summed over documents (over threads, when documents run in parallel). */
  public long checkNanos() {
    return checkNanos.sum();
  }

  /** Of that, the time spent waiting for bash, python3, shellcheck and gofmt processes (sandboxed runs apart). */
  public long subprocessNanos() {
    return shellcheck.nanos.sum() + go.nanos.sum() + shell.nanos.sum() + python.nanos.sum();
  }

  /** Reads the document alone: snippets (corpus batches give each text the same result). */
  @Override
  public boolean readsLinkedDocuments() {
    return false;
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

  /**
   * One scan's corpus batches: per subprocess checker, the verdict of every snippet text of the corpus it knows (this
   * scan's batch over the texts of the documents to validate, plus what the previous scan's batches already knew, so
   * after one edit only the new texts run). The processes started are the corpus result.
   */
  private record Batches(Map<String, Map<String, ?>> byChecker, ValidationResult corpusResult)
      implements Prepared {}

  /** The corpus-wide checkers, each with whether it can run and its batch. */
  private record BatchChecker(String name, boolean available, Function<Collection<String>, Map<String, ?>> batch,
      LongAdder processes) {}

  private List<BatchChecker> batchCheckers() {
    return List.of(
        new BatchChecker("bash", shell.unavailable().isEmpty(), shell::checkTexts, shell.processes),
        new BatchChecker("python", python.unavailable().isEmpty(), python::checkTexts, python.processes),
        new BatchChecker("go", go.unavailable().isEmpty(), go::check, go.processes),
        new BatchChecker("java", javac.unavailable().isEmpty(), javac::check, null),
        // ShellCheck reads shell snippets that parse: without bash none is known to
        new BatchChecker("shellcheck", shellcheck.available() && shell.unavailable().isEmpty(), shellcheck::check,
            shellcheck.processes));
  }

  /**
   * Runs each subprocess checker once over the snippet texts of the documents to validate that the previous scan did
   * not already judge (the checkers in parallel: they wait on processes, not on this JVM).
   */
  @Override
  public Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
    Map<String, Map<String, ?>> known = previous instanceof Batches b ? b.byChecker() : Map.of();
    Collection<MarkdownDocument> corpus = index == null ? documents : index.documents().values();
    Map<String, Map<String, ?>> byChecker = new ConcurrentHashMap<>();
    Map<String, Long> runs = new ConcurrentHashMap<>();
    batchCheckers().parallelStream().filter(BatchChecker::available).forEach(c -> {
      Map<String, ?> before = known.getOrDefault(c.name(), Map.of());
      List<String> unknown = documents.stream().flatMap(d -> textsOf(d, c.name()).stream())
          .filter(t -> !before.containsKey(t)).distinct().toList();
      long started = c.processes() == null ? 0 : c.processes().sum();
      Map<String, ?> fresh = unknown.isEmpty() ? Map.of() : c.batch().apply(unknown);
      long ran = c.processes() == null ? 0 : c.processes().sum() - started;
      if (ran > 0) {
        runs.put("snippets.subprocess." + c.name() + ".runs", ran);
      }
      // every text of the corpus with a verdict, for the next scan: an edit elsewhere reuses them
      Map<String, Object> merged = new HashMap<>();
      for (MarkdownDocument d : corpus) {
        for (String t : textsOf(d, c.name())) {
          Object v = before.containsKey(t) ? before.get(t) : fresh.get(t);
          if (v != null) {
            merged.put(t, v);
          }
        }
      }
      byChecker.put(c.name(), merged);
    });
    return new Batches(Map.copyOf(byChecker), new ValidationResult(List.of(), runs));
  }

  /** A document checked alone: the batches of its own snippets. */
  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    return validate(doc, index, prepare(index, List.of(doc), Prepared.NONE));
  }

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index, Prepared prepared) {
    long start = System.nanoTime();
    Batches batches = (Batches) prepared;
    Map<String, Long> counters = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    List<Tally> tallies = new ArrayList<>();
    Map<String, List<CodeBlock>> unverifiable = new LinkedHashMap<>();
    Map<String, String> unverifiableWhy = new LinkedHashMap<>();
    List<Pending> pending = new ArrayList<>();
    List<CodeBlock> blocks = doc.codeBlocks();
    for (int b = 0; b < blocks.size(); b++) {
      CodeBlock block = blocks.get(b);
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
      if (SnippetRunner.requested(block) && (language.checker() == CheckerKind.SKIP
          || language.checker() == CheckerKind.NONE)) {
        SnippetRunner.Ran ran = runner.run(doc.path(), block, language.checker(), block.body(), Optional.empty());
        add(counters, "snippets.run." + ran.outcome().name().toLowerCase(Locale.ROOT), 1);
        ran.finding().ifPresent(findings::add);
      }
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
    List<Verdict> verdicts = checkAll(items, texts, batches);
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
        warnings(doc, p, batches, findings);
        if (SnippetRunner.requested(p.block())) {
          int at = blocks.indexOf(p.block());
          SnippetRunner.Ran ran = runner.run(doc.path(), p.block(), p.checker(), p.text(),
              SnippetRunner.expectedOutput(blocks, at));
          add(counters, "snippets.run." + ran.outcome().name().toLowerCase(Locale.ROOT), 1);
          ran.finding().ifPresent(findings::add);
        }
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
          Finding f = SnippetRules.INCOMPLETE.at(doc.path(), line, problem.column(),
              lang + " snippet with placeholders, which are the only reason it fails: " + problem.message());
          findings.add(f);
          tallies.add(new Tally(f, outcomeCounters(lang, Outcome.INCOMPLETE)));
        } else {
          count(counters, lang, Outcome.FAILED);
          Finding f = SnippetRules.SYNTAX.at(doc.path(), line, problem.column(), problem.message());
          findings.add(f);
          // suppressed, the failed snippet leaves both sides of snippetRunnable
          tallies.add(new Tally(f, outcomeCounters(lang, Outcome.FAILED)));
        }
      }
    }
    unverifiable.forEach((lang, group) -> findings.add(SnippetRules.UNVERIFIABLE.at(doc.path(),
        group.get(0).startLine(), 1, group.size() + " " + lang + " snippet" + (group.size() == 1 ? "" : "s")
            + " not verified: " + unverifiableWhy.get(lang))));
    checkNanos.add(System.nanoTime() - start);
    return new ValidationResult(findings, counters, tallies);
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

  /** Lint warnings and hints of a snippet that parses: Dockerfile habits, ShellCheck, an obsolete compose version. */
  private void warnings(MarkdownDocument doc, Pending p, Batches batches, List<Finding> findings) {
    String path = doc.path();
    if (p.checker() == CheckerKind.YAML) {
      for (ComposeShape.Hint hint : yaml.hints(p.text())) {
        findings.add(SnippetRules.COMPOSE_VERSION.at(path, markdownLine(p.block(), hint.line()), 1, hint.message()));
      }
    }
    if (p.checker() == CheckerKind.DOCKERFILE) {
      for (DockerfileChecker.Issue issue : DockerfileChecker.check(p.text())) {
        findings.add(SnippetRules.LINT.at(path, markdownLine(p.block(), issue.line()), 1, issue.message()));
      }
    }
    if ((p.checker() == CheckerKind.SHELL || p.checker() == CheckerKind.CONSOLE) && shellcheck.available()) {
      List<Problem> problems = corpusWide("shellcheck", batches, p.text(), shellcheck::check);
      if (problems != null) {
        for (Problem problem : problems) {
          findings.add(SnippetRules.SHELLCHECK.at(path, markdownLine(p.block(), problem.line()), problem.column(),
              problem.message()));
        }
      }
    }
  }

  /**
   * A checker's result for one text, from this scan's corpus batch ({@link #prepare}); a text the batch does not know
   * (a checker's result missing for it) is checked by itself.
   */
  @SuppressWarnings("unchecked")
  private <V> V corpusWide(String checker, Batches batches, String text,
      Function<Collection<String>, Map<String, V>> batch) {
    Map<String, V> all = (Map<String, V>) batches.byChecker().getOrDefault(checker, Map.of());
    V known = all.get(text);
    return known != null ? known : batch.apply(List.of(text)).get(text);
  }

  private List<String> textsOf(MarkdownDocument d, String checker) {
    // per parsed document (identity): the service re-collects the corpus texts after every edit, for a new index
    return corpusTextsByDocument.get(d, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(checker, c -> collectTexts(d, c));
  }

  private List<String> collectTexts(MarkdownDocument d, String checker) {
    List<String> texts = new ArrayList<>();
    for (CodeBlock block : d.codeBlocks()) {
      if (!block.fenced() || block.language().isEmpty()) {
        continue;
      }
      Language language = languages.of(block.language());
      boolean wanted = switch (checker) {
        case "shellcheck", "bash" ->
            language.checker() == CheckerKind.SHELL || language.checker() == CheckerKind.CONSOLE;
        case "go" -> language.checker() == CheckerKind.GO;
        case "java" -> language.checker() == CheckerKind.JAVA;
        case "python" -> language.checker() == CheckerKind.PYTHON;
        default -> false;
      };
      if (wanted) {
        Pending p = prepare(block, language);
        texts.add(p.text());
        if (!checker.equals("shellcheck") && Placeholders.present(p.text())) {
          texts.add(Placeholders.neutralise(p.text(), p.checker()));
        }
      }
    }
    return List.copyOf(texts);
  }

  /** Checks texts (one per pending snippet): in process one by one, shell and Python as one batch each. */
  private List<Verdict> checkAll(List<Pending> items, List<String> texts, Batches batches) {
    Verdict[] out = new Verdict[items.size()];
    for (int i = 0; i < items.size(); i++) {
      String text = texts.get(i);
      switch (items.get(i).checker()) {
        case YAML -> out[i] = new Verdict(yaml.check(text), null);
        case JSON -> out[i] = new Verdict(json.check(text), null);
        case JSONC -> out[i] = new Verdict(jsonc.check(text), null);
        case JSON5 -> out[i] = new Verdict(json5.check(text), null);
        case DOCKERFILE -> out[i] = new Verdict(DockerfileChecker.check(text).stream()
            .filter(DockerfileChecker.Issue::error).findFirst()
            .map(issue -> Problem.syntax(issue.line(), 1, issue.message())), null);
        case XML -> out[i] = new Verdict(xml.check(text), null);
        case TOML -> out[i] = new Verdict(toml.check(text), null);
        case INI -> out[i] = new Verdict(ini.check(text), null);
        case GO -> out[i] = batchVerdict(go.unavailable(), () -> corpusWide("go", batches, text, go::check));
        case JAVA -> out[i] = batchVerdict(javac.unavailable(), () -> corpusWide("java", batches, text, javac::check));
        case SHELL, CONSOLE ->
            out[i] = batchVerdict(shell.unavailable(), () -> corpusWide("bash", batches, text, shell::checkTexts));
        case PYTHON ->
            out[i] = batchVerdict(python.unavailable(), () -> corpusWide("python", batches, text, python::checkTexts));
        default -> throw new IllegalStateException("not a checker: " + items.get(i).checker());
      }
    }
    return List.of(out);
  }

  private static Verdict batchVerdict(Optional<String> unavailable,
      Supplier<Optional<Problem>> result) {
    if (unavailable.isPresent()) {
      return new Verdict(Optional.empty(), unavailable.get());
    }
    Optional<Problem> problem = result.get();
    return problem == null ? new Verdict(Optional.empty(), "the checker failed on it") : new Verdict(problem, null);
  }

  /** The Markdown line of a snippet's 1-based body line: the fence line plus the offset, kept inside the block. */
  static int markdownLine(CodeBlock block, int bodyLine) {
    int line = block.startLine() + bodyLine;
    int last = Math.max(block.startLine(), block.endLine());
    return Math.max(block.startLine(), Math.min(line, last));
  }

  private static void count(Map<String, Long> counters, String language, Outcome outcome) {
    outcomeCounters(language, outcome).forEach(c -> add(counters, c, 1));
  }

  /** The counters one snippet of this language and outcome adds. */
  private static List<String> outcomeCounters(String language, Outcome outcome) {
    String total = "snippets.outcome." + outcome.label();
    String byLanguage = "snippets.language." + language + "." + outcome.label();
    return outcome == Outcome.PASSED || outcome == Outcome.FAILED
        ? List.of(total, byLanguage, VERIFIED) : List.of(total, byLanguage);
  }

  private static void add(Map<String, Long> counters, String key, long n) {
    counters.merge(key, n, Long::sum);
  }
}
