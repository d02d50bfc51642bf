package org.docgate.service;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every request to the service must show before any route sees it; the service binds to loopback by default,
 * and a web page in the operator's browser is the attacker:
 * <ul>
 *   <li>a {@code Host} that is an IP literal, {@code localhost} (or {@code *.localhost}) or a name the operator allowed
 *       ({@code --allow-host}): a DNS-rebinding page reaches the service under its own name, which is none of these;
 *   <li>on state-changing requests (anything but GET, HEAD, OPTIONS), an {@code Origin} (when the browser sends one)
 *       equal to the service's own, and no {@code Sec-Fetch-Site} other than same-origin or none: a cross-site
 *       "simple" POST is refused before it can start a scan;
 *   <li>no {@code authorization} query parameter: the token goes in the header only, never in URLs, logs or history.
 * </ul>
 * Plain Java: the Vert.x handler in {@code org.docgate.camel} asks it and writes the refusal.
 */
public final class RequestGuard {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final Set<String> allowedNames;

  /** @param allowedNames host names (no port) besides IP literals and localhost; case does not matter */
  public RequestGuard(Collection<String> allowedNames) {
    this.allowedNames = allowedNames.stream().map(n -> n.strip().toLowerCase(Locale.ROOT))
        .filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The refusal of a request, or empty when it may go on.
   *
   * @param host the {@code Host} header (with its port), or null
   * @param origin the {@code Origin} header, or null
   * @param fetchSite the {@code Sec-Fetch-Site} header, or null
   * @param queryNames the decoded names of the query parameters
   */
  public Optional<ApiResponse> refusal(String method, String host, String origin, String fetchSite,
      Collection<String> queryNames) {
    if (queryNames.stream().anyMatch(n -> n.strip().equalsIgnoreCase("authorization")
        || n.strip().equalsIgnoreCase("access_token") || n.strip().equalsIgnoreCase("token"))) {
      return Optional.of(Api.error(400, "a token is accepted only in the 'Authorization: Bearer <token>' header, "
          + "never in the URL"));
    }
    if (host == null || host.isBlank()) {
      return Optional.of(Api.error(400, "the request has no Host header"));
    }
    String name = hostName(host);
    if (!allowed(name)) {
      return Optional.of(Api.error(403, "host '" + name + "' is not served here (only localhost, IP addresses and "
          + "the names given with --allow-host)"));
    }
    if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
      return Optional.of(Api.error(403, "cross-site request refused (Sec-Fetch-Site: " + fetchSite.strip() + ")"));
    }
    if (origin != null && !sameOrigin(origin.strip(), host.strip())) {
      return Optional.of(Api.error(403, "cross-origin request refused: Origin is not this service"));
    }
    return Optional.empty();
  }

  boolean allowed(String name) {
    return IPV4.matcher(name).matches() || IPV6.matcher(name).matches() || name.equals("localhost")
        || name.endsWith(".localhost") || allowedNames.contains(name);
  }

  /** The host name of a Host header: lower case, without the port, brackets kept around IPv6. */
  static String hostName(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.lastIndexOf(':');
    h = colon < 0 ? h : h.substring(0, colon);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** {@code http://<Host>} (or https): the page that sent the request is served by this service itself. */
  private static boolean sameOrigin(String origin, String host) {
    String o = origin.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    return o.equals("http://" + h) || o.equals("https://" + h);
  }
}
