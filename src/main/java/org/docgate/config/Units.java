package org.docgate.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes and durations as config files and command-line options write them ({@code 20MB}, {@code 10s}). Pure. */
public final class Units {
  private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?\\s*");
  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h|d)\\s*");

  private Units() {}

  /** {@code 20MB}, {@code 512 KiB}, {@code 1048576}: binary multiples. */
  public static long size(String text) {
    Matcher m = whole(SIZE, text, "a size such as 20MB");
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "kb", "kib" -> n * 1024;
      case "mb", "mib" -> n * 1024 * 1024;
      case "gb", "gib" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 6h}, {@code 7d}. */
  public static Duration duration(String text) {
    Matcher m = whole(DURATION, text, "a duration such as 500ms, 10s, 5m, 6h or 7d");
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** {@code form}'s match of the whole {@code text}; else the error says the text is not {@code what}. */
  private static Matcher whole(Pattern form, String text, String what) {
    Matcher m = form.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not " + what);
    }
    return m;
  }
}
