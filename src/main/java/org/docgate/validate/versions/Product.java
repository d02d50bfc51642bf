package org.docgate.validate.versions;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One product of the manifest. Immutable.
 *
 * @param name canonical name, used in messages and stats keys
 * @param aliases every spelling matched in text (case-sensitive), the name included
 * @param scheme how its versions are written and compared
 * @param current the supported lines, newest first
 * @param minimumSupported mentions older than this are stale
 * @param eol end-of-life lines: the line and every older one are end-of-life from its date
 * @param images container image names (without tag) whose tags are this product's versions
 * @param eolOnly a product of the version data that the manifest does not name: the corpus states no baseline for
 *     it, so only a certain mention of an end-of-life cycle is reported, never stale, ahead or inconsistent
 * @param codenames the version data's names of its release cycles, lower case ({@code bookworm} → 12, {@code jammy
 *     jellyfish} and {@code jammy} → 22.04, {@code 2022} → Visual Studio 17.14): a codename shared by several cycles
 *     names the newest of them
 */
public record Product(
    String name,
    List<String> aliases,
    VersionScheme scheme,
    List<Version> current,
    Version minimumSupported,
    List<EolLine> eol,
    List<String> images,
    List<String> notes,
    boolean eolOnly,
    Map<String, Version> codenames) {

  /**
   * One end-of-life declaration: {@code line} (and, unless {@code cycleOnly}, every older line) is end-of-life on and
   * after {@code date}. Imported release cycles are {@code cycleOnly}: each has its own date, and an older cycle may
   * be supported longer than a newer one (Docker 25.0 outlived 26.0).
   */
  public record EolLine(Version line, LocalDate date, boolean cycleOnly) {
    public EolLine(Version line, LocalDate date) {
      this(line, date, false);
    }

    /** Ended on a date the data does not give ({@code eol: true}). */
    public boolean undated() {
      return date.equals(EndOfLifeData.Cycle.EOL_UNDATED);
    }
  }

  /** A product of the manifest. */
  public Product(String name, List<String> aliases, VersionScheme scheme, List<Version> current,
      Version minimumSupported, List<EolLine> eol, List<String> images, List<String> notes) {
    this(name, aliases, scheme, current, minimumSupported, eol, images, notes, false, Map.of());
  }

  /** A product without codenames. */
  public Product(String name, List<String> aliases, VersionScheme scheme, List<Version> current,
      Version minimumSupported, List<EolLine> eol, List<String> images, List<String> notes, boolean eolOnly) {
    this(name, aliases, scheme, current, minimumSupported, eol, images, notes, eolOnly, Map.of());
  }

  /**
   * The codenames of the data's cycles, as {@link #codenames} holds them: each lower-cased, and a two-word name's
   * first word of five letters or more too (Ubuntu's {@code jammy}, as its image tags and prose write it; not
   * macOS's "Big" of Big Sur). A name shared by cycles names the newest.
   */
  public static Map<String, Version> codenames(List<EndOfLifeData.Cycle> cycles) {
    Map<String, Version> out = new java.util.HashMap<>();
    java.util.function.BinaryOperator<Version> newest = (a, b) -> a.compareTo(b) >= 0 ? a : b;
    for (EndOfLifeData.Cycle c : cycles) {
      if (c.codename() == null) {
        continue;
      }
      String name = c.codename().strip().toLowerCase(java.util.Locale.ROOT);
      out.merge(name, c.version(), newest);
      String[] words = name.split("\\s+");
      if (words.length == 2 && words[0].length() >= 5 && words[0].chars().allMatch(Character::isLetter)) {
        out.merge(words[0], c.version(), newest);
      }
    }
    return out;
  }

  /** The shortest codename {@link #codenames} holds for a cycle, lower case ("jammy" for 22.04), or null. */
  public String codenameOf(Version cycle) {
    String best = null;
    for (Map.Entry<String, Version> e : codenames.entrySet()) {
      if (e.getValue().equals(cycle) && (best == null || e.getKey().length() < best.length())) {
        best = e.getKey();
      }
    }
    return best;
  }

  public Product {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    current = current.stream().sorted(Comparator.reverseOrder()).toList();
    if (current.isEmpty()) {
      throw new IllegalArgumentException("a product needs at least one current line");
    }
    Objects.requireNonNull(minimumSupported, "minimumSupported");
    eol = eol.stream().sorted(Comparator.comparing(EolLine::line)).toList();
    images = List.copyOf(images);
    notes = List.copyOf(notes);
    codenames = Map.copyOf(codenames);
  }

  public Version newestCurrent() {
    return current.get(0);
  }

  /** The current lines as text, {@code 1.31/1.30}: what messages call "the manifest's current line". */
  public String currentText() {
    return String.join("/", current.stream().map(Version::toString).toList());
  }

  /** Stats key segment: the name with anything but letters, digits, {@code -} and {@code _} replaced by {@code _}. */
  public String key() {
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
