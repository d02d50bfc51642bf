package org.docgate.validate.versions;

/**
 * How a stated version relates to the manifest. Closed set.
 *
 * @param kind the outcome
 * @param eolLine for {@link Kind#EOL}, the end-of-life declaration that applies; otherwise null
 */
public record Verdict(Kind kind, Product.EolLine eolLine) {
  public enum Kind {
    /** Within the supported lines (or a range or "or later" that reaches them). */
    ALIGNED,
    /** Older than {@code minimumSupported}, not end-of-life. */
    STALE,
    /** On or below an end-of-life line whose date has passed. */
    EOL,
    /** Newer than every current line: the manifest or the document is wrong. */
    AHEAD
  }

  static final Verdict ALIGNED = new Verdict(Kind.ALIGNED, null);
  static final Verdict STALE = new Verdict(Kind.STALE, null);
  static final Verdict AHEAD = new Verdict(Kind.AHEAD, null);
}
