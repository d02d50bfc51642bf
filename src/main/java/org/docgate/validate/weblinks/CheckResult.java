package org.docgate.validate.weblinks;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking one URL (without its fragment). Immutable; persisted in the cache as JSON.
 *
 * @param status the final HTTP status, or 0 when there was no response
 * @param detail what happened, e.g. {@code HTTP 404} or {@code connection refused}; stable across runs
 * @param movedTo the URL after the leading permanent redirects (the suggested replacement), or null
 * @param anchors the {@code id}/{@code name} values read from the page, or null when the body was not read
 * @param anchorsComplete whether the whole page was read (else only its first N KB)
 */
public record CheckResult(
    Outcome outcome, int status, String detail, String movedTo, List<String> anchors, boolean anchorsComplete) {
  public CheckResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    anchors = anchors == null ? null : List.copyOf(anchors);
  }

  public static CheckResult of(Outcome outcome, String detail) {
    return new CheckResult(outcome, 0, detail, null, null, false);
  }
}
