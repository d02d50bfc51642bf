package org.docgate.finding;

import java.util.Objects;

/**
 * A rule's metadata, declared once by the validator that owns it.
 *
 * @param id `family/name`, for example `links/missing-anchor`; the name may also hold upper case and dots, for rules
 *     named after data files (`terms/docgate.Kubernetes`, Vale's `Style.File`)
 * @param summary one line for the README and `--help`
 * @param severity the default severity of its findings
 */
public record Rule(String id, String summary, Severity severity) {
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(severity, "severity");
    if (!id.matches("[a-z]+/[A-Za-z0-9][A-Za-z0-9.-]*")) {
      throw new IllegalArgumentException("rule id must look like family/name: " + id);
    }
  }

  /** A finding of this rule at a 1-based position, without target or suggestion. */
  public Finding at(String path, int line, int column, String message) {
    return new Finding(id, severity, path, line, column, message, null, null, null);
  }
}
