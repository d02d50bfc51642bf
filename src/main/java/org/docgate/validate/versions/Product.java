package org.docgate.validate.versions;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
    boolean eolOnly) {

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
    this(name, aliases, scheme, current, minimumSupported, eol, images, notes, false);
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
