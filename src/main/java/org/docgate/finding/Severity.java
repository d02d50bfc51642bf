package org.docgate.finding;

import java.util.Locale;

/** How bad a finding is. By default only {@link #ERROR} fails a scan (exit code 1; {@code --fail-on} moves that). */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in reports and config files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is as bad as {@code threshold} or worse ({@code ERROR} is at least {@code WARNING}). */
  public boolean isAtLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Severity parse(String label) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(label.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + label + "' (expected error, warning or info)");
  }
}
