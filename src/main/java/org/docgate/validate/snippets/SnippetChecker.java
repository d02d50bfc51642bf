package org.docgate.validate.snippets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.markdown.CodeBlock;
import org.docgate.validate.snippets.run.SnippetRunner;

/**
 * One snippet language's checker, named by {@link #kind()} in {@code rules/snippets/languages.yaml}. Adding a language
 * is one class implementing this, one line in {@link SnippetCheckers#standard} and its entry in languages.yaml; the
 * validator knows no language by name.
 *
 * <p>A checker answers for distinct texts at once ({@link #verdicts}): in-process checkers one by one, subprocess
 * checkers in a few processes over the whole corpus ({@link #batched()}), through a {@link BatchRunner}.
 */
interface SnippetChecker {
  /** The label languages.yaml uses for this checker ({@code checker: <kind>}). */
  String kind();

  /** Why this checker cannot run here (a program is not installed), or empty. */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /** The text this checker reads of a fenced block's body (console commands, Python session input), line for line. */
  default String textOf(String body) {
    return body;
  }

  /** How placeholders are neutralised for this language. */
  default Placeholders.Style placeholders() {
    return Placeholders.Style.WORD;
  }

  /** Each distinct text's first problem or empty; a text missing from the answer could not be checked. */
  Map<String, Optional<Problem>> verdicts(Collection<String> texts);

  /**
   * Advice on texts that parse (Dockerfile habits, ShellCheck, an obsolete compose version); a text missing from the
   * answer got none.
   */
  default Map<String, List<Hint>> hints(Collection<String> texts) {
    return Map.of();
  }

  /**
   * The name of the corpus batch this checker's texts join (checkers with the same name share it: shell and console
   * go to one bash batch), or empty for an in-process checker, asked per document.
   */
  default Optional<String> batch() {
    return Optional.empty();
  }

  /**
   * What a block this checker complained about looks like instead, when it is another language (TOML in a ```bash
   * fence, an outline in a ```yaml fence): {@code snippets/wrong-language} then replaces the complaint. {@code
   * problemLine} is the checker's error line in the body (0: the complaints are hints).
   */
  default Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    return Optional.empty();
  }

  /**
   * As {@link #foreign(String, int)}, for the problem this checker reported: a checker whose parser itself found the
   * block to be another dialect (a ```js block that parses as TypeScript) says so from the problem.
   */
  default Optional<LanguageGuess.Guess> foreign(String body, Problem problem) {
    return foreign(body, problem.line());
  }

  /**
   * Why a block that fails is no broken code but not meant to parse alone, said as the finding says it ("block marked
   * <!-- eslint-skip --> before it": the page tells its own linter to leave it alone; "a piece of a larger program"),
   * or empty: such a block is {@code snippets/incomplete}, not broken. {@code blocks}: the document's code blocks, in
   * order.
   */
  default Optional<String> exempt(CodeBlock block, List<CodeBlock> blocks) {
    return Optional.empty();
  }

  /** The subprocess runners behind this checker, for the process counters and timings. */
  default List<BatchRunner<?>> runners() {
    return List.of();
  }

  /** The interpreter a snippet marked to run is run with; empty: this language is not run. */
  default Optional<SnippetRunner.Interpreter> runsWith() {
    return Optional.empty();
  }
}
