package org.docgate.report.html;

import java.util.Locale;
import org.docgate.report.UriPath;

/**
 * A finding's link: the caller's base, then the percent-encoded corpus path, then {@code #L<line>} (GitHub's line
 * anchor; harmless elsewhere). Only bases that cannot run script are accepted: http(s), file, a root-relative path
 * ({@code /api/documents/}) or a relative one ({@code ./}, {@code ../}).
 */
final class FileLinks {
  private FileLinks() {}

  static void check(String base) {
    if (base == null) {
      return;
    }
    String lower = base.toLowerCase(Locale.ROOT);
    boolean ok = lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("file:/")
        || (lower.startsWith("/") && !lower.startsWith("//")) || lower.startsWith("./") || lower.startsWith("../");
    if (!ok || base.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ' ' || c == '"' || c == '<' || c == '>')) {
      throw new IllegalArgumentException("link base '" + base + "' is not an http(s), file or relative URL");
    }
    // browsers read a backslash as a slash: '/\evil.example/' is '//evil.example/', another site
    if (base.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("link base '" + base + "' holds a backslash, which browsers read as '/' "
          + "('/\\host' is the other site '//host'); write the URL with '/' only");
    }
  }

  /** The href of {@code path} at {@code line}, or null when there is no base. */
  static String href(String base, String path, int line) {
    if (base == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(base);
    if (!base.endsWith("/")) {
      out.append('/');
    }
    return out.append(UriPath.of(path)).append("#L").append(line).toString();
  }
}
