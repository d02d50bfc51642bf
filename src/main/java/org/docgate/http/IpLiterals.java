package org.docgate.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 literals written the one way everybody reads alike. {@code 0177.0.0.1} is 127.0.0.1 to curl and browsers
 * (octal) but 177.0.0.1 to Java (decimal), and {@code 2130706433} or {@code 127.1} are loopback to some parsers and
 * names to others: a link checker that contacts what it parsed may reach a host the author never meant. Such hosts are
 * refused as invalid URLs, never parsed and contacted. Pure.
 */
public final class IpLiterals {
  /** What OkHttp and Java treat as an IPv4 literal when it is not IPv6: digits and dots only. */
  private static final Pattern NUMERIC = Pattern.compile("[\\d.]+");
  private static final Pattern OCTET = Pattern.compile("0|[1-9]\\d{0,2}");

  private IpLiterals() {}

  /** Why {@code host} is a numeric host docgate will not contact, or empty when it is canonical or not numeric. */
  public static Optional<String> nonCanonical(String host) {
    if (host == null || !NUMERIC.matcher(host).matches()) {
      return Optional.empty();
    }
    String[] parts = host.split("\\.", -1);
    boolean canonical = parts.length == 4;
    for (int i = 0; canonical && i < parts.length; i++) {
      canonical = OCTET.matcher(parts[i]).matches() && Integer.parseInt(parts[i]) <= 255;
    }
    return canonical ? Optional.empty() : Optional.of("'" + host + "' is not a canonical IPv4 address (four decimal "
        + "numbers 0-255 without leading zeros); software disagrees on what it means, so it is not contacted");
  }
}
