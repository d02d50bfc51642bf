package org.docgate.validate;

import java.util.List;
import java.util.Objects;
import org.docgate.finding.Finding;

/**
 * The counters one finding's item (a link, a mention, a snippet, a use of a term) added to the report. When the
 * finding is not shown (an inline {@code docgate-disable} comment, or its rule turned {@code off}), the registry takes
 * them back out, so the item leaves numerator and denominator of every ratio alike: a ratio, and a gate on it, only
 * ever counts what the report shows.
 *
 * @param finding the finding exactly as the validator returned it (matched by identity, not equality)
 * @param counters dotted counter names, each incremented once for this item
 */
public record Tally(Finding finding, List<String> counters) {
  public Tally {
    Objects.requireNonNull(finding, "finding");
    counters = List.copyOf(counters);
  }

  public static Tally of(Finding finding, String... counters) {
    return new Tally(finding, List.of(counters));
  }
}
