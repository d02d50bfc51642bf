package org.docgate.validate.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.config.DeclaredRules;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;
import org.docgate.validate.Metric;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;

/**
 * The README's "Adding a validator", end to end: flags the words of {@code rules/example/words.txt} in prose; its rule
 * is declared in {@code rules/example/rules.yaml} (both test resources, so packaged for the tests). Its
 * declaration is all SARIF, the metrics, {@code --only} and the README check need; the one registry line is
 * {@code ValidatorRegistry.builder(config, rules).add(ExampleValidator.DECLARATION)}.
 */
public final class ExampleValidator implements Validator {
  private static final DeclaredRules RULES = DeclaredRules.of("example");

  public static final ValidatorDeclaration DECLARATION = new ValidatorDeclaration("example", "Example",
      "Adding a validator", RULES.rules(),
      List.of(new Metric("exampleCleanProse", "example.runs.clean", "example.runs.checked")),
      in -> fromRules(in.rules()));

  private final List<String> words;

  ExampleValidator(List<String> words) {
    this.words = List.copyOf(words);
  }

  /** Reads {@code example/words.txt}: one word a line, {@code #} comments. */
  static ExampleValidator fromRules(RuleFiles rules) {
    List<String> words = rules.read("example/words.txt").map(f -> f.text().lines()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.toLowerCase(Locale.ROOT)).toList()).orElse(List.of());
    return new ExampleValidator(words);
  }

  @Override
  public ValidatorDeclaration declaration() {
    return DECLARATION;
  }

  @Override
  public boolean readsLinkedDocuments() {
    return false;
  }

  @Override
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index) {
    List<Finding> findings = new ArrayList<>();
    List<Tally> tallies = new ArrayList<>();
    Map<String, Long> counters = new TreeMap<>();
    for (ProseRun run : document.prose()) {
      counters.merge("example.runs.checked", 1L, Long::sum);
      Finding found = firstWord(document.path(), run);
      if (found == null) {
        counters.merge("example.runs.clean", 1L, Long::sum);
      } else {
        findings.add(found);
        tallies.add(Tally.of(found, "example.runs.checked")); // a silenced run leaves the ratio
      }
    }
    return new ValidationResult(findings, counters, tallies);
  }

  private Finding firstWord(String path, ProseRun run) {
    String lower = run.text().toLowerCase(Locale.ROOT);
    for (String word : words) {
      int at = lower.indexOf(word);
      if (at >= 0) {
        int lineStart = run.text().lastIndexOf('\n', at) + 1;
        int line = run.position().line() + (int) run.text().substring(0, at).chars().filter(c -> c == '\n').count();
        int column = lineStart == 0 ? run.position().column() + at : at - lineStart + 1;
        return RULES.rule("example/banned-word").at(path, line, column,
            "'" + run.text().substring(at, at + word.length()) + "' tells the reader nothing");
      }
    }
    return null;
  }
}
