package org.docgate.validate.snippets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A checker that judges one text at a time, in this JVM (no process to share, so no corpus batch). */
interface TextChecker extends SnippetChecker {
  Optional<Problem> check(String text);

  @Override
  default Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
    Map<String, Optional<Problem>> out = new HashMap<>();
    for (String text : texts) {
      out.computeIfAbsent(text, this::check);
    }
    return out;
  }
}
