package org.docgate.report.readiness;

import java.util.Locale;

/**
 * A shields-style SVG badge ("docgate | 87.5 ready"), made here so the service needs no third-party badge server.
 * Pure: same input, same bytes.
 */
public final class ReadinessBadge {
  private static final String LABEL = "docgate";

  private ReadinessBadge() {}

  /** @param readiness null when no scan finished yet */
  public static String svg(Readiness readiness, double minScore) {
    String value;
    String color;
    if (readiness == null) {
      value = "no scan yet";
      color = "#9f9f9f";
    } else {
      boolean ready = readiness.ready(minScore);
      value = String.format(Locale.ROOT, "%.1f %s", readiness.score(), ready ? "ready" : "blocked");
      color = ready ? "#4c1" : (readiness.blocked() ? "#e05d44" : "#dfb317");
    }
    int lw = width(LABEL);
    int vw = width(value);
    int total = lw + vw;
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">\
        <title>%s: %s</title>\
        <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
        <stop offset="1" stop-opacity=".1"/></linearGradient>\
        <clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>\
        <g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/>\
        <rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>\
        <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
        <text x="%d" y="14">%s</text><text x="%d" y="14">%s</text></g></svg>
        """.formatted(total, LABEL, value, LABEL, value, total, lw, lw, vw, color, total,
            lw / 2, LABEL, lw + vw / 2, value);
  }

  /** Verdana 11px is about 7 px per character; 10 px padding each side. */
  static int width(String text) {
    return text.length() * 7 + 10;
  }
}
