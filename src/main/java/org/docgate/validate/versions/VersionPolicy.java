package org.docgate.validate.versions;

import java.time.LocalDate;
import java.util.List;

/**
 * Judges a stated version against a product's manifest entry on a given day. Pure. Only what the text states is
 * compared ({@link Version#compareAtPrecision}): "vSphere 8.0" is not older than "8.0 U3". A range is judged by
 * its newest end, "1.28+" reaches every later line and is never stale.
 */
public final class VersionPolicy {
  private VersionPolicy() {}

  public static Verdict judge(VersionSpec spec, Product product, LocalDate today) {
    if (product.eolOnly()) {
      return judgeEolOnly(spec, product, today);
    }
    if (spec.low().compareAtPrecision(product.newestCurrent()) > 0) {
      return Verdict.AHEAD;
    }
    Version newest = spec.newest();
    if (newest == null) {
      return Verdict.ALIGNED;
    }
    Product.EolLine ended = endOfLife(newest, product, today, true);
    if (ended != null) {
      return new Verdict(Verdict.Kind.EOL, ended);
    }
    if (newest.compareAtPrecision(product.minimumSupported()) < 0) {
      return Verdict.STALE;
    }
    return Verdict.ALIGNED;
  }

  /**
   * A product the corpus states no baseline for: end-of-life when the mention names exactly one of its release
   * cycles (a single version, not a range) whose end of life has passed, or a lower bound ("CentOS 7.7+") from which
   * every cycle has ended; otherwise nothing to say.
   */
  static Verdict judgeEolOnly(VersionSpec spec, Product product, LocalDate today) {
    if (spec.orLater()) {
      Product.EolLine last = lastOfEndedCycles(spec.low(), product, today);
      return last == null ? Verdict.ALIGNED : new Verdict(Verdict.Kind.EOL, last);
    }
    if (!spec.isSingle() || spec.newest() == null) {
      return Verdict.ALIGNED;
    }
    Product.EolLine ended = endOfLife(spec.newest(), product, today, false);
    return ended == null ? Verdict.ALIGNED : new Verdict(Verdict.Kind.EOL, ended);
  }

  /**
   * The release cycle of {@code cycles} that {@code version} is on (the most specific: 26.1 before 26; the version
   * written at least as precisely as the cycle, so "1" is no cycle of 1.30's), when it has ended by {@code today};
   * else null. For a version the text presents as supported today, whatever the corpus's baseline says.
   */
  public static Product.EolLine endedCycle(Version version, List<Product.EolLine> cycles, LocalDate today) {
    Product.EolLine cycle = null;
    for (Product.EolLine e : cycles) {
      if (e.cycleOnly() && version.numbers().size() >= e.line().numbers().size()
          && version.compareAtPrecision(e.line()) == 0
          && (cycle == null || e.line().numbers().size() > cycle.line().numbers().size())) {
        cycle = e;
      }
    }
    return cycle == null || cycle.date().isAfter(today) ? null : cycle;
  }

  /**
   * Whether {@code version} is past every release cycle the data knows of a product whose cycles are minors
   * ({@code 4.22}): its major is newer than the newest cycle's ("OpenShift 5.0" when the newest is 4.22), a release
   * that does not exist. Not for products whose cycles are majors (Node.js 25 may be out after the data was taken).
   */
  public static boolean beyondEveryCycle(Version version, List<Product.EolLine> cycles) {
    Version newest = null;
    for (Product.EolLine e : cycles) {
      if (e.cycleOnly() && (newest == null || e.line().compareTo(newest) > 0)) {
        newest = e.line();
      }
    }
    return newest != null && newest.numbers().size() >= 2 && version.numbers().get(0) > newest.numbers().get(0);
  }

  /**
   * For a lower bound ("CentOS 7.7+"): the cycle that ended last when every release cycle from the bound's own on has
   * ended (no release the bound allows still gets fixes), else null. "Python 3.8+" reaches supported cycles, so null.
   */
  static Product.EolLine lastOfEndedCycles(Version low, Product product, LocalDate today) {
    Product.EolLine last = null;
    for (Product.EolLine e : product.eol()) {
      if (!e.cycleOnly() || e.line().compareAtPrecision(low) < 0) {
        continue;
      }
      if (e.date().isAfter(today)) {
        return null;
      }
      if (last == null || e.date().isAfter(last.date())) {
        last = e;
      }
    }
    return last;
  }

  /**
   * The end-of-life declaration that applies to a version today, or null. The release cycle the version belongs to
   * decides first (the most specific one: 26.1 before 26); a version older than every imported cycle is judged by
   * the oldest one when {@code olderThanAll} is allowed; then the manifest's own "this line and older" entries.
   */
  static Product.EolLine endOfLife(Version version, Product product, LocalDate today, boolean olderThanAll) {
    Product.EolLine cycle = null;
    Product.EolLine oldestCycle = null;
    boolean hasCycles = false;
    for (Product.EolLine e : product.eol()) {
      if (!e.cycleOnly()) {
        continue;
      }
      hasCycles = true;
      // a product of the data alone: "Python 3" is no cycle of Python's (3.8, 3.9...), only "CentOS 7" is CentOS 7
      boolean precise = !product.eolOnly() || version.numbers().size() >= e.line().numbers().size();
      if (precise && version.compareAtPrecision(e.line()) == 0
          && (cycle == null || e.line().numbers().size() > cycle.line().numbers().size())) {
        cycle = e;
      }
      if (oldestCycle == null || e.line().compareTo(oldestCycle.line()) < 0) {
        oldestCycle = e;
      }
    }
    if (cycle != null) {
      return cycle.date().isAfter(today) ? null : cycle;
    }
    if (olderThanAll && hasCycles && version.compareAtPrecision(oldestCycle.line()) < 0
        && !oldestCycle.date().isAfter(today)) {
      return oldestCycle;
    }
    for (Product.EolLine e : product.eol()) {
      if (!e.cycleOnly() && !e.date().isAfter(today) && version.compareAtPrecision(e.line()) <= 0) {
        return e;
      }
    }
    return null;
  }
}
