package org.docgate.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Dns;

/**
 * The SSRF guard at the only place that matters: OkHttp connects to exactly the addresses this returns, so every
 * address is vetted here and a host with any refused address is refused as a whole (DNS rebinding cannot slip
 * between a check and the connect). Each host is resolved once per run; failures are remembered too.
 */
public final class VettingDns implements Dns {
  private final Resolver resolver;
  private final AddressPolicy policy;
  private final Map<String, Object> answers = new ConcurrentHashMap<>();
  private final AtomicBoolean resolvedAny = new AtomicBoolean();

  public VettingDns(Resolver resolver, AddressPolicy policy) {
    this.resolver = resolver;
    this.policy = policy;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Object answer = answers.computeIfAbsent(hostname, this::vet);
    if (answer instanceof UnknownHostException e) {
      // a fresh exception per call: a shared one would collect every caller's suppressed exceptions
      UnknownHostException copy = e instanceof BlockedAddressException
          ? new BlockedAddressException(e.getMessage()) : new UnknownHostException(e.getMessage());
      throw copy;
    }
    return (List<InetAddress>) answer;
  }

  private Object vet(String host) {
    List<InetAddress> all;
    try {
      all = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return new UnknownHostException(host + ": " + (e.getMessage() == null ? "not found" : e.getMessage()));
    }
    if (all.isEmpty()) {
      return new UnknownHostException(host + ": no addresses");
    }
    resolvedAny.set(true);
    if (policy.trustsHost(host)) {
      return List.copyOf(all);
    }
    for (InetAddress a : all) {
      Optional<String> why = policy.refusal(a);
      if (why.isPresent()) {
        return new BlockedAddressException(host + " resolves to " + a.getHostAddress() + ", " + why.get());
      }
    }
    return List.copyOf(all);
  }

  /**
   * Vets a host that is an IP literal. OkHttp connects to literals (anything it can parse as an address, including
   * forms like {@code 2130706433}) without asking its {@code Dns}, so the caller must ask here before each request.
   */
  public void vetLiteral(String host) throws UnknownHostException {
    if (!LITERAL.matcher(host).matches()) {
      return;
    }
    Optional<String> odd = IpLiterals.nonCanonical(host); // 0177.0.0.1 in a redirect: never parsed and contacted
    if (odd.isPresent()) {
      throw new BlockedAddressException(odd.get());
    }
    for (InetAddress a : InetAddress.getAllByName(host)) { // numeric: parsed, never looked up
      Optional<String> why = policy.refusal(a);
      if (why.isPresent()) {
        throw new BlockedAddressException(host + " is " + why.get());
      }
    }
  }

  /** OkHttp's own test for "this host is an IP address" ({@code canParseAsIpAddress}). */
  private static final java.util.regex.Pattern LITERAL =
      java.util.regex.Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

  /** Whether any host name resolved in this run: when none did, DNS (the network) is unavailable, not the links. */
  public boolean resolvedAny() {
    return resolvedAny.get();
  }
}
