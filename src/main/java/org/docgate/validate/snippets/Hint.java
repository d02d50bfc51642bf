package org.docgate.validate.snippets;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.docgate.finding.Rule;

/** Advice on a snippet that parses, at a 1-based line and column of the text its checker read. */
record Hint(Rule rule, int line, int column, String message) {
  Hint {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  /** The hints of each distinct text, for an in-process checker that judges texts one by one. */
  static Map<String, List<Hint>> perText(Collection<String> texts, Function<String, List<Hint>> hintsOf) {
    Map<String, List<Hint>> out = new HashMap<>();
    for (String text : texts) {
      out.computeIfAbsent(text, hintsOf);
    }
    return out;
  }
}
