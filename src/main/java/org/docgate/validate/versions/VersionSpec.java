package org.docgate.validate.versions;

import java.util.Objects;

/**
 * What a mention states about a version: one version ({@code 1.28}), an open range ({@code 1.28+}, "1.28 or
 * later") or a closed range ({@code 1.28-1.31}). Immutable.
 *
 * @param low the stated version, or the lower end of a range
 * @param high the upper end of a closed range, or null
 * @param orLater whether the range is open upwards ({@code +})
 */
public record VersionSpec(Version low, Version high, boolean orLater) {
  public VersionSpec {
    Objects.requireNonNull(low, "low");
    if (high != null && orLater) {
      throw new IllegalArgumentException("a range is either closed or open");
    }
  }

  public static VersionSpec of(Version v) {
    return new VersionSpec(v, null, false);
  }

  public boolean isSingle() {
    return high == null && !orLater;
  }

  /** The newest version the statement covers; null when it is open upwards. */
  public Version newest() {
    return orLater ? null : high == null ? low : high;
  }

  /** {@code 1.28}, {@code 1.28+}, {@code 1.28-1.31}: the stats key form replaces dots and spaces. */
  @Override
  public String toString() {
    return low + (orLater ? "+" : "") + (high == null ? "" : "-" + high);
  }

  public String key() {
    return low.key() + (orLater ? "+" : "") + (high == null ? "" : "-" + high.key());
  }
}
