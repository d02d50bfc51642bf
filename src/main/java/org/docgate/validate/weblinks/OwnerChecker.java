package org.docgate.validate.weblinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.docgate.config.RuleFiles;
import org.docgate.http.Backoff;
import org.docgate.http.HostGates;
import org.docgate.http.HttpClients;
import org.docgate.http.Network;
import org.docgate.http.VettingDns;

/**
 * The external link check of a fleet worker, for the hosts it owns: the same {@link UrlChecker} and per-host
 * {@link HostGates} as a scan's inline check, so with one owner per host (the URL topic is keyed by host) a host's
 * limits hold across the whole fleet. A hot host split into {@code k} sub-keys ({@code host#j}) gets one gate per
 * sub-key with {@code perHost/k} requests in flight and {@code k ×} the interval, so the k owners together keep the
 * host's limit. All gates share the worker's one global cap. Thread-safe; blocking (one virtual thread per URL).
 */
public final class OwnerChecker implements AutoCloseable {
  /** How soon a URL that could not be verified (timeout, 5xx, 429) is checked again: never as late as a working one. */
  static final Duration UNVERIFIED_RECHECK = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebLinkConfig config;
  private final Network network;
  private final Clock clock;
  private final HostGates.StateListener listener;
  private final Semaphore global;
  private final VettingDns dns;
  private final OkHttpClient client;
  /** "j/k" -> the gates and checker of sub-key j of k (0/1: every host that is not split). */
  private final Map<String, Gated> gated = new ConcurrentHashMap<>();

  private record Gated(HostGates gates, UrlChecker checker) {}

  /**
   * @param concurrency this worker's cap on requests in flight, all hosts together
   * @param listener told when a host's state (429 pause, widened interval) changes, with the topic key
   *     ({@code host} or {@code host#j})
   */
  public OwnerChecker(WebLinkConfig config, Network network, Clock clock, int concurrency,
      HostGates.StateListener listener) {
    this.config = config;
    this.network = network;
    this.clock = clock;
    this.listener = listener;
    this.global = new Semaphore(concurrency, true);
    this.dns = new VettingDns(network.resolver(), config.addressPolicy());
    this.client = HttpClients.create(new HttpClients.Settings(config.connectTimeout(), config.readTimeout(),
        config.totalTimeout(), concurrency,
        config.userAgent().isEmpty() ? CorpusCheck.userAgent() : config.userAgent()), dns);
  }

  public static OwnerChecker fromRules(RuleFiles rules, Network network, Clock clock, int concurrency,
      HostGates.StateListener listener) {
    return new OwnerChecker(WebLinkConfig.fromRules(rules), network, clock, concurrency, listener);
  }

  /**
   * Checks one URL within the limits of its topic key.
   *
   * @param shard j of {@code host#j}, 0 for a host that is not split
   * @param shards k, 1 for a host that is not split
   */
  public CheckResult check(String url, boolean readPage, int shard, int shards) {
    return check(url, readPage, shard, shards, null);
  }

  /** As above; {@code waits} adds up what the check waited for its host's politeness slot (null: not measured). */
  public CheckResult check(String url, boolean readPage, int shard, int shards, HostGates.WaitTally waits) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return CheckResult.of(Outcome.INVALID_URL, "not an http(s) URL");
    }
    if (config.offline() || network.offline()) {
      return CheckResult.of(Outcome.UNCHECKED, "offline: not checked");
    }
    try {
      return gated(shard, shards).checker().check(parsed, readPage, waits);
    } catch (RuntimeException e) {
      return CheckResult.of(Outcome.CONNECTION_FAILED, "check failed: " + e.getClass().getSimpleName());
    }
  }

  /** Takes over a host's state from its previous owner (the host-state topic). */
  public void restore(String host, int shard, int shards, HostGates.HostState state) {
    gated(shard, shards).gates().restore(host, state);
  }

  /**
   * The shortest time between two request starts to one key, as this worker started them (null: none had two). The
   * server sees the same gaps give or take scheduling jitter.
   */
  public Duration minStartGap() {
    return gated.values().stream().map(g -> g.gates().minStartGap()).filter(java.util.Objects::nonNull)
        .min(Duration::compareTo).orElse(null);
  }

  /** How long until a key's next request may start here (see {@link HostGates#untilNextStart}). */
  public Duration untilNextStart(String host, int shard, int shards) {
    Gated g = gated.get(shard + "/" + Math.max(1, shards));
    return g == null ? Duration.ZERO : g.gates().untilNextStart(host);
  }

  /** Hosts (or sub-keys) with a request waiting to start right now, over all of this worker's gates. */
  public int hostsWaiting() {
    return gated.values().stream().mapToInt(g -> g.gates().hostsWaiting()).sum();
  }

  /** When a result is checked again: working links after the ok TTL, broken ones after the broken TTL, others soon. */
  public Instant nextCheck(CheckResult result, Instant checkedAt) {
    Duration after = switch (result.outcome().verdict()) {
      case OK -> config.okTtl();
      case BROKEN -> config.brokenTtl();
      default -> UNVERIFIED_RECHECK.compareTo(config.brokenTtl()) < 0 ? UNVERIFIED_RECHECK : config.brokenTtl();
    };
    return checkedAt.plus(after);
  }

  private Gated gated(int shard, int shards) {
    int k = Math.max(1, shards);
    return gated.computeIfAbsent(shard + "/" + k, key -> {
      HostGates gates = new HostGates(global, host -> {
        WebLinkConfig.HostSettings hs = config.host(host);
        int perHost = hs != null && hs.concurrency() != null ? hs.concurrency() : config.perHostConcurrency();
        Duration interval = hs != null && hs.interval() != null ? hs.interval() : config.interval();
        return new HostGates.HostLimits(Math.max(1, perHost / k), interval.multipliedBy(k));
      }, (host, state) -> listener.changed(k == 1 ? host : host + "#" + shard, state), clock);
      UrlChecker checker = new UrlChecker(client, dns, config, gates,
          new Backoff(config.backoff(), config.maxRetryAfter(), RandomGenerator.getDefault()), network.env());
      return new Gated(gates, checker);
    });
  }

  /** A result as the JSON the fleet's store keeps (and a scan's {@link CorpusCheck} reads back). */
  public static String toJson(CheckResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a check result: " + e.getMessage(), e);
    }
  }

  /** @throws IllegalArgumentException when the text is not a check result */
  public static CheckResult fromJson(String json) {
    try {
      return JSON.readValue(json, CheckResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a check result: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void close() {
    gated.values().forEach(g -> g.checker().close());
  }
}
