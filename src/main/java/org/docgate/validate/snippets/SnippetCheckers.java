package org.docgate.validate.snippets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import org.docgate.config.RuleFiles;
import org.docgate.process.Subprocess;

/**
 * The snippet checkers by kind: the one place where a language's checker is chosen. A kind named in
 * {@code rules/snippets/languages.yaml} must be one of these (or {@code skip}/{@code none}).
 */
final class SnippetCheckers {
  private final Map<String, SnippetChecker> byKind = new LinkedHashMap<>();

  SnippetCheckers(List<SnippetChecker> checkers) {
    for (SnippetChecker c : checkers) {
      if (byKind.put(c.kind(), c) != null || c.kind().equals(Language.SKIP) || c.kind().equals(Language.NONE)) {
        throw new IllegalArgumentException("two snippet checkers of kind " + c.kind());
      }
    }
  }

  /** The checkers docgate ships, with their programs from the PATH: add a language here (one line). */
  static SnippetCheckers standard(RuleFiles rules) {
    return standard(rules, VerdictCache.OFF);
  }

  /** As {@link #standard(RuleFiles)}, the subprocess checkers' verdicts kept in {@code cache}. */
  static SnippetCheckers standard(RuleFiles rules, VerdictCache cache) {
    ShellChecker shell = ShellChecker.onPath(
        new ShellcheckChecker(Subprocess.find("shellcheck"), SnippetRules.shellcheckExcluded(rules), cache), cache);
    return new SnippetCheckers(List.of(
        new YamlChecker(SnippetRules.kubernetes(rules), SnippetRules.compose(rules)),
        JsonChecker.strict(), JsonChecker.jsonc(), JsonChecker.json5(),
        shell, shell.console(),
        PythonChecker.onPath(cache),
        new DockerfileChecker(SnippetRules.dockerfileExcluded(rules)),
        new XmlChecker(),
        new TomlChecker(),
        new IniChecker(),
        GoChecker.onPath(cache),
        new JavaChecker(),
        JavaScriptChecker.onPath(JavaScriptChecker.Dialect.JAVASCRIPT, cache),
        JavaScriptChecker.onPath(JavaScriptChecker.Dialect.TYPESCRIPT, cache),
        JavaScriptChecker.onPath(JavaScriptChecker.Dialect.TSX, cache)));
  }

  /** The checker of a kind; empty for {@code skip}, {@code none} or an unknown kind. */
  Optional<SnippetChecker> of(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /** Every kind languages.yaml may name. */
  Set<String> kinds() {
    Set<String> kinds = new LinkedHashSet<>(byKind.keySet());
    kinds.add(Language.SKIP);
    kinds.add(Language.NONE);
    return kinds;
  }

  /** The distinct subprocess runners of all checkers (shell and console share theirs). */
  List<BatchRunner<?>> runners() {
    List<BatchRunner<?>> out = new ArrayList<>();
    for (SnippetChecker c : byKind.values()) {
      for (BatchRunner<?> r : c.runners()) {
        if (out.stream().noneMatch(known -> known == r)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** The checkers that join the corpus batch of this name. */
  List<SnippetChecker> inBatch(String batch) {
    return byKind.values().stream().filter(c -> c.batch().equals(Optional.of(batch))).toList();
  }
}
