package org.docgate.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard's rule: which addresses a link checker may connect to. Loopback, private, link-local (cloud
 * metadata), CGNAT, multicast, unspecified and reserved blocks are refused, also when written as IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4 or Teredo IPv6 addresses, unless an explicit allow-list entry (a CIDR block, or a host
 * name whose addresses are all trusted) opts in. Pure; immutable.
 */
public final class AddressPolicy {
  private record Block(Cidr cidr, String why) {}

  private static final List<Block> BLOCKED = List.of(
      block("0.0.0.0/8", "unspecified ('this network')"),
      block("10.0.0.0/8", "private (RFC 1918)"),
      block("100.64.0.0/10", "carrier-grade NAT (RFC 6598)"),
      block("127.0.0.0/8", "loopback"),
      block("169.254.0.0/16", "link-local (cloud metadata lives here)"),
      block("172.16.0.0/12", "private (RFC 1918)"),
      block("192.0.0.0/24", "IETF protocol assignments"),
      block("192.168.0.0/16", "private (RFC 1918)"),
      block("198.18.0.0/15", "benchmarking (RFC 2544)"),
      block("224.0.0.0/4", "multicast"),
      block("240.0.0.0/4", "reserved and broadcast"),
      block("::/128", "unspecified"),
      block("::1/128", "loopback"),
      block("fc00::/7", "unique local (private)"),
      block("fe80::/10", "link-local"),
      block("fec0::/10", "site-local (deprecated)"),
      block("ff00::/8", "multicast"));

  private static final Cidr V4_MAPPED = Cidr.parse("::ffff:0:0/96");
  private static final Cidr V4_COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
  private static final Cidr TEREDO = Cidr.parse("2001::/32");

  private final List<Cidr> allowedBlocks;
  private final Set<String> allowedHosts;

  public AddressPolicy(List<Cidr> allowedBlocks, Set<String> allowedHosts) {
    this.allowedBlocks = List.copyOf(allowedBlocks);
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The default: nothing private is allowed. */
  public static AddressPolicy strict() {
    return new AddressPolicy(List.of(), Set.of());
  }

  /**
   * Parses allow-list entries: a CIDR block or single address ({@code 127.0.0.0/8}, {@code ::1}), else a host name
   * ({@code wiki.intranet.example}) whose resolved addresses are all trusted.
   */
  public static AddressPolicy allowing(List<String> entries) {
    List<Cidr> blocks = new java.util.ArrayList<>();
    Set<String> hosts = new java.util.HashSet<>();
    for (String e : entries) {
      String s = e.strip();
      if (s.matches("[0-9a-fA-F:.]+(/\\d+)?") && (s.contains(":") || s.matches("[0-9./]+"))) {
        blocks.add(Cidr.parse(s));
      } else if (s.matches("(?i)[a-z0-9.-]+")) {
        hosts.add(s);
      } else {
        throw new IllegalArgumentException("'" + e + "' is neither a CIDR block nor a host name");
      }
    }
    return new AddressPolicy(blocks, hosts);
  }

  /** True when every address of this host is trusted by name (the allow-list names it). */
  public boolean trustsHost(String host) {
    return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }

  /** Why {@code address} must not be contacted, or empty when it may be. */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (allowedBlocks.stream().anyMatch(c -> c.contains(bytes))) {
      return Optional.empty();
    }
    Optional<String> direct = blockedReason(bytes);
    if (direct.isPresent()) {
      return direct;
    }
    byte[] embedded = embeddedIpv4(bytes);
    if (embedded != null) {
      if (allowedBlocks.stream().anyMatch(c -> c.contains(embedded))) {
        return Optional.empty();
      }
      return blockedReason(embedded).map(r -> r + ", embedded in an IPv6 address");
    }
    return Optional.empty();
  }

  private static Optional<String> blockedReason(byte[] bytes) {
    return BLOCKED.stream().filter(b -> b.cidr().contains(bytes)).findFirst()
        .map(b -> b.why() + " " + b.cidr());
  }

  /** The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4, Teredo), or null. */
  static byte[] embeddedIpv4(byte[] v6) {
    if (v6.length != 16) {
      return null;
    }
    if (V4_MAPPED.contains(v6) || NAT64.contains(v6) || (V4_COMPATIBLE.contains(v6) && !allZeroUpTo(v6, 16))) {
      return Arrays.copyOfRange(v6, 12, 16);
    }
    if (SIX_TO_FOUR.contains(v6)) {
      return Arrays.copyOfRange(v6, 2, 6);
    }
    if (TEREDO.contains(v6)) {
      byte[] client = Arrays.copyOfRange(v6, 12, 16);
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~client[i]; // Teredo stores the client address bit-inverted
      }
      return client;
    }
    return null;
  }

  private static boolean allZeroUpTo(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static Block block(String cidr, String why) {
    return new Block(Cidr.parse(cidr), why);
  }
}
