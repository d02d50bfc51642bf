package org.docgate.validate.versions;

import java.util.Locale;

/** How a product writes its versions; chosen per product in the manifest ({@code scheme:}). */
public enum VersionScheme {
  /** {@code 1.31}, {@code 20.10.24}, {@code 2.0}: two or more dotted numbers. */
  DOTTED,
  /**
   * {@code 8.0 U3}, {@code 8.0 Update 3}, {@code 8.0U3a}; VMware's own dotted form {@code 8.0.3} is the same as
   * {@code 8.0 U3}. A bare major ("ESXi 2") is not a version: corpora use it for host names.
   */
  VSPHERE,
  /** {@code 2024.10}, {@code 24.04}: a year then a month (1..12), optionally more numbers. */
  CALENDAR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VersionScheme parse(String label) {
    for (VersionScheme s : values()) {
      if (s.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown version scheme '" + label + "' (expected dotted, vsphere or calendar)");
  }

}
