package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One product version: dotted numbers plus, for vSphere-style products, an update level ({@code U3}, {@code U3a}).
 * Immutable; pure. The natural order is total ("8.0" &lt; "8.0 U1" &lt; "8.0 U3" &lt; "8.0 U3a" &lt; "9.0"; missing
 * numbers count as 0); {@link #compareAtPrecision} is the comparison used for verdicts, which only compares what
 * both sides state.
 *
 * @param numbers the dotted numbers, at least one
 * @param update the update number, or -1 for none
 * @param patch the letter after the update ({@code a} in {@code U3a}), or empty
 * @param written the dotted numbers as written, leading zeros kept ({@code 19.03} is Docker's name for 19.3)
 */
public record Version(List<Integer> numbers, int update, String patch, String written)
    implements Comparable<Version> {
  private static final Pattern NUMBERS = Pattern.compile("v?(\\d{1,5}(?:\\.\\d{1,5}){0,3})");
  private static final Pattern UPDATE = Pattern.compile("\\s?(?:U|Update\\s?)(\\d{1,2})([a-z]?)");

  public Version {
    numbers = List.copyOf(numbers);
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("a version needs at least one number");
    }
    patch = patch == null ? "" : patch;
    if (written == null || written.isEmpty()) {
      written = String.join(".", numbers.stream().map(String::valueOf).toList());
    }
  }

  public Version(List<Integer> numbers, int update, String patch) {
    this(numbers, update, patch, null);
  }

  /**
   * Parses a whole version string for a scheme; throws {@link IllegalArgumentException} with a readable reason.
   * Accepts a leading {@code v} and a trailing {@code .x}.
   */
  public static Version parse(String text, VersionScheme scheme) {
    String s = text.strip();
    if (s.endsWith(".x") || s.endsWith(".X")) {
      s = s.substring(0, s.length() - 2);
    }
    Matcher m = NUMBERS.matcher(s);
    if (!m.lookingAt()) {
      throw new IllegalArgumentException("'" + text + "' is not a version");
    }
    List<Integer> numbers = new ArrayList<>();
    List<String> parts = new ArrayList<>(List.of(m.group(1).split("\\.")));
    for (String part : parts) {
      numbers.add(Integer.parseInt(part));
    }
    int update = -1;
    String patch = "";
    String rest = s.substring(m.end());
    if (!rest.isEmpty()) {
      Matcher u = UPDATE.matcher(rest);
      if (scheme != VersionScheme.VSPHERE || !u.matches()) {
        throw new IllegalArgumentException("'" + text + "' is not a " + scheme.label() + " version");
      }
      update = Integer.parseInt(u.group(1));
      patch = u.group(2);
    }
    if (scheme == VersionScheme.VSPHERE && update < 0 && numbers.size() == 3) {
      update = numbers.remove(2); // VMware writes 8.0 Update 2 as 8.0.2
      parts.remove(2);
    }
    if (numbers.size() == 1 && scheme != VersionScheme.MAJOR) {
      throw new IllegalArgumentException("'" + text + "' is not a " + scheme.label() + " version (needs major.minor)");
    }
    if (scheme == VersionScheme.CALENDAR) {
      int year = numbers.get(0);
      int month = numbers.get(1);
      if (!((year >= 1990 && year <= 2100) || (year >= 10 && year <= 99)) || month < 1 || month > 12) {
        throw new IllegalArgumentException("'" + text + "' is not a calendar version (year.month)");
      }
    }
    return new Version(numbers, update, patch, String.join(".", parts));
  }

  /** The total order: numbers (missing = 0), then update (none first), then patch letter. */
  @Override
  public int compareTo(Version o) {
    int c = compareNumbers(o, Math.max(numbers.size(), o.numbers.size()));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(update, o.update);
    return c != 0 ? c : patch.compareTo(o.patch);
  }

  /**
   * Compares only what both versions state: "1.30.2" equals "1.30", "8.0" equals "8.0 U3" (the text did not say
   * which update), "8.0 U1" is before "8.0 U3". This is what keeps a less specific mention from being called stale.
   */
  public int compareAtPrecision(Version o) {
    int c = compareNumbers(o, Math.min(numbers.size(), o.numbers.size()));
    if (c != 0 || update < 0 || o.update < 0 || numbers.size() < o.numbers.size()) {
      return c;
    }
    c = Integer.compare(update, o.update);
    return c != 0 || patch.isEmpty() || o.patch.isEmpty() ? c : patch.compareTo(o.patch);
  }

  /** The first {@code n} numbers compared in order, a missing one as 0: "1.30" and "1.30.0" are alike. */
  private int compareNumbers(Version o, int n) {
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(number(i), o.number(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private int number(int i) {
    return i < numbers.size() ? numbers.get(i) : 0;
  }

  /** Canonical text: {@code 1.31}, {@code 8.0 U3a}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(written);
    if (update >= 0) {
      sb.append(" U").append(update).append(patch);
    }
    return sb.toString();
  }

  /** A stats key segment without dots or spaces: {@code 1.31} becomes {@code 1_31}, {@code 8.0 U3} {@code 8_0_U3}. */
  public String key() {
    return toString().replace('.', '_').replace(' ', '_').toLowerCase(Locale.ROOT).replace("_u", "_U");
  }
}
