package org.docgate.finding;

import java.util.Locale;

/** How bad a finding is. Only {@link #ERROR} fails a scan (exit code 1). */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in reports and config files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
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
