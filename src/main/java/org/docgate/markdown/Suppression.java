package org.docgate.markdown;

import java.util.Set;

/**
 * An inline switch-off: {@code <!-- docgate-disable-next-line rule-a rule-b -->} on its own line silences those
 * rules (or every rule, when none is named) on the next line; {@code <!-- docgate-disable-line ... -->} silences
 * them on its own line.
 *
 * @param line the 1-based line whose findings are silenced
 * @param rules rule ids; empty means every rule
 */
public record Suppression(int line, Set<String> rules) {
  public Suppression {
    rules = Set.copyOf(rules);
  }

  public boolean silences(String rule, int findingLine) {
    return findingLine == line && (rules.isEmpty() || rules.contains(rule));
  }
}
