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
  CALENDAR,
  /**
   * {@code 16}, {@code 7}, {@code 13.4}: dotted, and a bare major is a version too. For products whose release
   * cycles are named by one number (Node.js, CentOS, PostgreSQL in the version data); a bare major is only judged
   * where the text states it as current (a support status, an image tag, a version variable).
   */
  MAJOR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VersionScheme parse(String label) {
    for (VersionScheme s : values()) {
      if (s.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown version scheme '" + label + "' (expected dotted, vsphere, calendar or major)");
  }

}
