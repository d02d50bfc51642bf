package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.process.Subprocess;
import org.docgate.validate.Prepared;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.snippets.run.RunSettings;
import org.docgate.validate.snippets.run.Sandbox;
import org.docgate.validate.snippets.run.SnippetRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus batches run in the background of the scan: the corpus step returns while their processes run, a
 * document without snippets they check is validated meanwhile, and one with such snippets waits for their verdicts.
 * With the verdict cache, a second scan of the same snippets starts no checker process and reports the same.
 */
class SnippetBatchesTest {
  /** A batched checker (like bash's) whose "process" waits until the test lets it answer. */
  private static class HeldChecker implements SnippetChecker {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String kind() {
      return "held";
    }

    @Override
    public Optional<String> batch() {
      return Optional.of("held");
    }

    @Override
    public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Map<String, Optional<Problem>> out = new HashMap<>();
      texts.forEach(t -> out.put(t, t.contains("bad") ? Optional.of(Problem.syntax(1, 1, "held: bad")) : Optional.empty()));
      return out;
    }
  }

  private static final MarkdownParser PARSER = new MarkdownParser();

  @Test
  void theCorpusStepReturnsWhileTheBatchesRunAndOnlyDocumentsTheyCheckWaitForThem() throws Exception {
    HeldChecker held = new HeldChecker();
    SnippetCheckers checkers = new SnippetCheckers(List.of(held, new JsonCheckerInProcess()));
    Languages languages = SnippetRules.parseLanguages("languages.yaml",
        "languages:\n  held: {checker: held}\n  json: {checker: json}\n", checkers.kinds());
    SnippetValidator validator = new SnippetValidator(languages, checkers,
        new SnippetRunner(Sandbox.onPath(), RunSettings.defaults()));
    MarkdownDocument json = PARSER.parse("json.md", "# J\n\n```json\n{\"a\": 1,}\n```\n");
    MarkdownDocument bad = PARSER.parse("held.md", "# H\n\n```held\nbad\n```\n");

    Prepared prepared = CompletableFuture.supplyAsync(() -> validator.prepare(null, List.of(json, bad), Prepared.NONE))
        .get(10, TimeUnit.SECONDS);
    ValidationResult alone = CompletableFuture.supplyAsync(() -> validator.validate(json, null, prepared))
        .get(10, TimeUnit.SECONDS);
    assertThat(alone.findings()).extracting(Finding::rule).containsExactly("snippets/syntax");

    CompletableFuture<ValidationResult> waiting = CompletableFuture.supplyAsync(() -> validator.validate(bad, null,
        prepared));
    Thread.sleep(200);
    assertThat(waiting).as("waits for the held batch").isNotDone();
    held.release.countDown();
    assertThat(waiting.get(10, TimeUnit.SECONDS).findings()).extracting(Finding::message)
        .containsExactly("held: bad");
  }

  private static org.docgate.corpus.CorpusIndex index(MarkdownDocument... docs) {
    Map<String, MarkdownDocument> byPath = new HashMap<>();
    for (MarkdownDocument d : docs) {
      byPath.put(d.path(), d);
    }
    return new org.docgate.corpus.CorpusIndex(Path.of("/nonexistent-corpus"), byPath.keySet(), java.util.Set.of(""),
        byPath);
  }

  /**
   * The service's next scan keeps a batch's results while the corpus's snippet texts are the same (an edit of prose),
   * and otherwise holds the results of exactly the corpus's texts, the new ones checked alone (issue 21.3: every edit
   * collected every document's texts again for every batch).
   */
  @Test
  void aBatchKeepsItsResultsWhileTheCorpusTextsAreTheSame() {
    List<String> checked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    HeldChecker held = new HeldChecker() {
      @Override
      public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
        checked.addAll(texts);
        return super.verdicts(texts);
      }
    };
    held.release.countDown();
    SnippetCheckers checkers = new SnippetCheckers(List.of(held));
    Languages languages = SnippetRules.parseLanguages("languages.yaml", "languages:\n  held: {checker: held}\n",
        checkers.kinds());
    SnippetValidator validator = new SnippetValidator(languages, checkers,
        new SnippetRunner(Sandbox.onPath(), RunSettings.defaults()));
    MarkdownDocument good = PARSER.parse("good.md", "# G\n\n```held\ngood\n```\n");
    MarkdownDocument bad = PARSER.parse("bad.md", "# B\n\n```held\nbad\n```\n");
    MarkdownDocument prose = PARSER.parse("prose.md", "# P\n");
    org.docgate.corpus.CorpusIndex first = index(good, bad, prose);
    Prepared before = validator.prepare(first, first.documents().values(), Prepared.NONE);
    Map<String, ?> results = SnippetValidator.results(before, "held");
    assertThat(results).containsOnlyKeys("good\n", "bad\n");

    MarkdownDocument edited = PARSER.parse("prose.md", "# P\n\nMore prose.\n");
    org.docgate.corpus.CorpusIndex second = index(good, bad, edited);
    second.inherit(first);
    Prepared kept = validator.prepare(second, List.of(edited), before);
    assertThat(SnippetValidator.results(kept, "held")).isSameAs(results);

    MarkdownDocument changed = PARSER.parse("bad.md", "# B\n\n```held\nbad again\n```\n");
    org.docgate.corpus.CorpusIndex third = index(good, changed, edited);
    third.inherit(second);
    checked.clear();
    Prepared next = validator.prepare(third, List.of(changed), kept);
    assertThat(SnippetValidator.results(next, "held")).containsOnlyKeys("good\n", "bad again\n");
    assertThat(checked).containsExactly("bad again\n");
  }

  @Test
  void hintsAreAskedOnlyForTextsThatPassed() {
    List<String> hinted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    HeldChecker held = new HeldChecker() {
      @Override
      public Map<String, List<Hint>> hints(Collection<String> texts) {
        hinted.addAll(texts);
        Map<String, List<Hint>> out = new HashMap<>();
        texts.forEach(t -> out.put(t, List.of()));
        return out;
      }
    };
    held.release.countDown();
    SnippetCheckers checkers = new SnippetCheckers(List.of(held));
    Languages languages = SnippetRules.parseLanguages("languages.yaml", "languages:\n  held: {checker: held}\n",
        checkers.kinds());
    SnippetValidator validator = new SnippetValidator(languages, checkers,
        new SnippetRunner(Sandbox.onPath(), RunSettings.defaults()));
    MarkdownDocument doc = PARSER.parse("held.md", "# H\n\n```held\nbad\n```\n\n```held\ngood\n```\n");
    Prepared prepared = validator.prepare(null, List.of(doc), Prepared.NONE);
    assertThat(validator.validate(doc, null, prepared).findings()).extracting(Finding::message)
        .containsExactly("held: bad");
    assertThat(hinted).containsExactly("good\n");
  }

  @Test
  void aPassingInProcessSnippetIsReadOnceForItsVerdictAndItsHints() {
    List<String> read = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    TextChecker once = new TextChecker() {
      @Override
      public String kind() {
        return "once";
      }

      @Override
      public Optional<Problem> check(String text) {
        read.add("check " + text.strip());
        return Optional.empty();
      }

      @Override
      public Judged judge(String text) {
        read.add("judge " + text.strip());
        return new Judged(Optional.empty(), List.of(new Hint(org.docgate.config.DeclaredRules.of("snippets").rule("snippets/compose-version"), 1, 1, "hint")));
      }

      @Override
      public Map<String, List<Hint>> hints(Collection<String> texts) {
        texts.forEach(t -> read.add("hints " + t.strip()));
        return Map.of();
      }
    };
    SnippetCheckers checkers = new SnippetCheckers(List.of(once));
    Languages languages = SnippetRules.parseLanguages("languages.yaml", "languages:\n  once: {checker: once}\n",
        checkers.kinds());
    SnippetValidator validator = new SnippetValidator(languages, checkers,
        new SnippetRunner(Sandbox.onPath(), RunSettings.defaults()));
    MarkdownDocument doc = PARSER.parse("once.md", "# O\n\n```once\ngood\n```\n");
    Prepared prepared = validator.prepare(null, List.of(doc), Prepared.NONE);
    assertThat(validator.validate(doc, null, prepared).findings()).extracting(Finding::message)
        .containsExactly("hint");
    assertThat(read).containsExactly("judge good");
  }

  /** JSON checked in process, as the shipped checker does (no batch). */
  private static final class JsonCheckerInProcess implements SnippetChecker {
    private final JsonChecker strict = JsonChecker.strict();

    @Override
    public String kind() {
      return "json";
    }

    @Override
    public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
      return strict.verdicts(texts);
    }
  }

  @Test
  void aSecondScanWithTheCacheStartsNoCheckerProcessAndReportsTheSame(@TempDir Path cache) {
    Tools.require("shellcheck", Subprocess.find("shellcheck").isPresent());
    Tools.require("bash", Subprocess.find("bash").isPresent());
    Tools.require("python3", Subprocess.find("python3").isPresent());
    MarkdownDocument doc = PARSER.parse("doc.md", "# Doc\n\n```bash\nif true; then echo a; fi fi\n```\n\n"
        + "```bash\nfor f in $(ls *.txt); do echo \"$f\"; done\n```\n\n```python\ndef f(:\n    pass\n```\n");

    SnippetValidator cold = SnippetValidator.fromRules(RuleFiles.packaged(), cache);
    Prepared first = cold.prepare(null, List.of(doc), Prepared.NONE);
    ValidationResult coldResult = cold.validate(doc, null, first);
    assertThat(first.corpusResult().counters()).containsKeys("snippets.subprocess.bash.runs",
        "snippets.subprocess.shellcheck.runs", "snippets.subprocess.python.runs");
    assertThat(coldResult.findings()).extracting(Finding::rule)
        .contains("snippets/syntax", "snippets/shellcheck");

    SnippetValidator warm = SnippetValidator.fromRules(RuleFiles.packaged(), cache);
    Prepared second = warm.prepare(null, List.of(doc), Prepared.NONE);
    ValidationResult warmResult = warm.validate(doc, null, second);
    assertThat(second.corpusResult().counters()).as("no checker process").isEmpty();
    assertThat(warmResult.findings()).isEqualTo(coldResult.findings());
    assertThat(warmResult.counters()).isEqualTo(coldResult.counters());

    SnippetValidator off = SnippetValidator.fromRules(RuleFiles.packaged(), null);
    Prepared uncached = off.prepare(null, List.of(doc), Prepared.NONE);
    assertThat(off.validate(doc, null, uncached).findings()).isEqualTo(coldResult.findings());
    assertThat(uncached.corpusResult().counters()).containsKey("snippets.subprocess.bash.runs");
  }

  @Test
  void theCacheIsOffWhenTheRulesSaySo() {
    assertThat(SnippetRules.parseCacheEnabled("cache.yaml", "enabled: false\n")).isFalse();
    assertThat(SnippetRules.parseCacheEnabled("cache.yaml", "enabled: true\n")).isTrue();
    assertThat(SnippetRules.cacheEnabled(RuleFiles.packaged())).isTrue();
  }

}
