package org.docgate.finding;

import java.util.Objects;

/**
 * One problem found in one place of the corpus. Immutable; positions are 1-based.
 *
 * @param rule rule id such as {@code links/missing-file}
 * @param path corpus-relative path with {@code /} separators
 * @param line 1-based line
 * @param column 1-based column in UTF-16 code units (what editors and SARIF count)
 * @param target the link target exactly as written, for link rules; otherwise null
 * @param suggestion a replacement that would fix the problem, or null
 * @param fingerprint stable id of the problem across runs, or null before {@link Fingerprints} ran
 */
public record Finding(
    String rule,
    Severity severity,
    String path,
    int line,
    int column,
    String message,
    String target,
    String suggestion,
    String fingerprint) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  public Finding withTarget(String newTarget) {
    return new Finding(rule, severity, path, line, column, message, newTarget, suggestion, fingerprint);
  }

  public Finding withSuggestion(String newSuggestion) {
    return new Finding(rule, severity, path, line, column, message, target, newSuggestion, fingerprint);
  }

  public Finding withFingerprint(String newFingerprint) {
    return new Finding(rule, severity, path, line, column, message, target, suggestion, newFingerprint);
  }

  /**
   * {@code path:line:column: severity rule: message}, the form editors can jump to: always one line, the path and
   * message (document text) with their control characters escaped ({@link PlainText}).
   */
  @Override
  public String toString() {
    return PlainText.escape(path) + ":" + line + ":" + column + ": " + severity.label() + " " + PlainText.escape(rule)
        + ": " + PlainText.escape(message);
  }
}
