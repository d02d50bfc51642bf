package org.docgate.validate.weblinks;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.docgate.http.IpLiterals;

/**
 * One key per distinct resource: scheme and host lower-cased, default port dropped, percent-encoding canonical
 * (OkHttp's {@link HttpUrl} rules), fragment split off (it is never sent). {@code //host/x} is taken as https. Pure.
 */
public final class UrlNormalizer {
  private UrlNormalizer() {}

  /** A request URL and the fragment as written (without {@code #}), or null. */
  public record Normalized(HttpUrl url, String fragment) {
    public String key() {
      return url.toString();
    }
  }

  public static Optional<Normalized> normalize(String destination) {
    String d = destination.strip();
    if (d.startsWith("//")) {
      d = "https:" + d;
    }
    String fragment = null;
    int hash = d.indexOf('#');
    if (hash >= 0) {
      fragment = d.substring(hash + 1);
      d = d.substring(0, hash);
    }
    HttpUrl url = HttpUrl.parse(d);
    if (url == null || url.host().isEmpty() || IpLiterals.nonCanonical(url.host()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new Normalized(url, fragment));
  }

  /** Why {@link #normalize} gives nothing for this destination. */
  public static String whyNot(String destination) {
    String d = destination.strip();
    HttpUrl url = HttpUrl.parse(d.startsWith("//") ? "https:" + d : d);
    return url == null ? "not a URL that can be requested"
        : IpLiterals.nonCanonical(url.host()).orElse("not a URL that can be requested");
  }
}
