package org.docgate.validate.versions;

import java.time.LocalDate;

/**
 * Judges a stated version against a product's manifest entry on a given day. Pure. Only what the text states is
 * compared ({@link Version#compareAtPrecision}): "vSphere 8.0" is not older than "8.0 U3". A range is judged by
 * its newest end, "1.28+" reaches every later line and is never stale.
 */
public final class VersionPolicy {
  private VersionPolicy() {}

  public static Verdict judge(VersionSpec spec, Product product, LocalDate today) {
    if (spec.low().compareAtPrecision(product.newestCurrent()) > 0) {
      return Verdict.AHEAD;
    }
    Version newest = spec.newest();
    if (newest == null) {
      return Verdict.ALIGNED;
    }
    for (Product.EolLine e : product.eol()) {
      if (!e.date().isAfter(today) && newest.compareAtPrecision(e.line()) <= 0) {
        return new Verdict(Verdict.Kind.EOL, e);
      }
    }
    if (newest.compareAtPrecision(product.minimumSupported()) < 0) {
      return Verdict.STALE;
    }
    return Verdict.ALIGNED;
  }
}
