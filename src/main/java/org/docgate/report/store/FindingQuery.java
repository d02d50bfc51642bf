package org.docgate.report.store;

import org.docgate.finding.Severity;

/**
 * Filters for a run's findings; null fields match everything.
 *
 * @param rule exact rule id, e.g. {@code links/missing-anchor}
 * @param path exact corpus-relative path, or a folder prefix when it ends with {@code /}
 * @param validator the rule family before the slash, e.g. {@code links}
 */
public record FindingQuery(String rule, Severity severity, String path, String validator) {
  public static final FindingQuery ALL = new FindingQuery(null, null, null, null);
}
