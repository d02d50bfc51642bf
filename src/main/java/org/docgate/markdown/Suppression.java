package org.docgate.markdown;

import java.util.Set;

/**
 * An inline switch-off over a range of lines. {@code <!-- docgate-disable-next-line rule-a rule-b -->} silences those
 * rules (or every rule, when none is named) on the next line, {@code <!-- docgate-disable-line ... -->} on its own
 * line, {@code <!-- docgate-disable ... -->} from its line to the matching {@code <!-- docgate-enable ... -->} (or the
 * end of the file) and {@code <!-- docgate-disable-file ... -->} in the whole file.
 *
 * @param from the first 1-based line whose findings are silenced
 * @param to the last one, inclusive ({@link #END_OF_FILE} for "to the end")
 * @param rules rule ids; empty means every rule
 */
public record Suppression(int from, int to, Set<String> rules) {
  public static final int END_OF_FILE = Integer.MAX_VALUE;

  public Suppression {
    rules = Set.copyOf(rules);
  }

  /** One line. */
  public Suppression(int line, Set<String> rules) {
    this(line, line, rules);
  }

  public boolean silences(String rule, int findingLine) {
    return findingLine >= from && findingLine <= to && (rules.isEmpty() || rules.contains(rule));
  }
}
