package org.docgate.validate.snippets;

import java.util.Locale;

/** What became of one fenced snippet. */
public enum Outcome {
  /** The checker accepted it. */
  PASSED,
  /** The checker rejected it: {@code snippets/syntax}. */
  FAILED,
  /**
   * Its checker complained and it looks like another language ({@code snippets/wrong-language}): not verified, so it
   * leaves both sides of {@code snippetRunnable}.
   */
  WRONG_LANGUAGE,
  /** It fails only because of placeholders ({@code <your-cluster>}, {@code ...}): {@code snippets/incomplete}. */
  INCOMPLETE,
  /** Code with no checker here (or the checker is not installed): never counted as passed. */
  UNVERIFIABLE,
  /** Not code (text, output, diagrams) or no language: not checked. */
  SKIPPED;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
