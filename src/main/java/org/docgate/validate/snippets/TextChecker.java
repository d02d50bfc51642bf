package org.docgate.validate.snippets;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A checker that judges one text at a time, in this JVM (no process to share, so no corpus batch). */
interface TextChecker extends SnippetChecker {
  Optional<Problem> check(String text);

  /**
   * The text's first problem and, when it has none, its hints ({@link #hints}), from one reading of it: a checker that
   * parses a text for both overrides this (YAML composed each passing snippet twice, 3% of a scan's CPU).
   */
  default Judged judge(String text) {
    return new Judged(check(text), null);
  }

  /** A text's problem and, when it passed and the checker read them in the same pass, its hints (else null). */
  record Judged(Optional<Problem> problem, List<Hint> hints) {}

  @Override
  default Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
    Map<String, Optional<Problem>> out = new HashMap<>();
    for (String text : texts) {
      out.computeIfAbsent(text, this::check);
    }
    return out;
  }
}
