package org.docgate.validate.weblinks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.docgate.cache.CacheFile;
import org.docgate.cache.ExpiringCache;
import org.docgate.cache.Stored;
import org.docgate.corpus.Containment;
import org.docgate.corpus.CorpusIndex;
import org.docgate.http.Backoff;
import org.docgate.http.HostGates;
import org.docgate.http.HttpClients;
import org.docgate.http.Network;
import org.docgate.http.VettingDns;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Position;

/**
 * The corpus-wide part of external link checking, run once per scan: every distinct URL of every document is checked
 * once (or taken from the cache), concurrently within the politeness limits, and the cache is saved. Documents then
 * only look up their links' results.
 */
final class CorpusCheck {
  static final String CACHE_FILE = "weblinks-cache.json";
  static final String CACHE_SCHEMA = "docgate/weblinks-cache@1";

  private final WebLinkConfig config;
  private final List<Pattern> ignores;
  private final Network network;
  private final Clock clock;
  private final java.util.function.Function<MarkdownDocument, List<ExternalLinks.Occurrence>> linksOf;

  CorpusCheck(WebLinkConfig config, List<Pattern> ignores, Network network, Clock clock) {
    this(config, ignores, network, clock, doc -> ExternalLinks.in(doc, ignores, config));
  }

  /** @param linksOf a document's external links (the validator's, kept per parsed document) */
  CorpusCheck(WebLinkConfig config, List<Pattern> ignores, Network network, Clock clock,
      java.util.function.Function<MarkdownDocument, List<ExternalLinks.Occurrence>> linksOf) {
    this.config = config;
    this.ignores = ignores;
    this.network = network;
    this.clock = clock;
    this.linksOf = linksOf;
  }

  /** A run-level note, placed at the first external link of the checked documents (by path). */
  record Note(String message) {}

  /**
   * The run's results.
   *
   * @param owner the document the notes are placed in (the first one, by path, with an external link), so they stand
   *     at the same place however documents are scheduled
   */
  record Results(Map<String, CheckResult> byUrl, Map<String, Long> counters, List<Note> notes, String owner,
      Position notePosition) {
    CheckResult of(String url) {
      return byUrl.get(url);
    }
  }

  /** Checks the URLs of {@code documents} (the ones the scan validates) in the corpus {@code index}. */
  Results run(CorpusIndex index, java.util.Collection<MarkdownDocument> documents) {
    Map<String, Boolean> readPage = new TreeMap<>(); // url -> some link needs its page read (fragment)
    String owner = null;
    Position first = null;
    for (MarkdownDocument doc : documents.stream().sorted(java.util.Comparator.comparing(MarkdownDocument::path))
        .toList()) {
      for (ExternalLinks.Occurrence o : linksOf.apply(doc)) {
        if (owner == null) {
          owner = doc.path();
          first = o.link().position();
        }
        if (o.ignored() || o.url() == null) {
          continue;
        }
        boolean wants = config.checkFragments() && RemoteAnchors.worthChecking(o.url().url(), o.url().fragment());
        readPage.merge(o.url().key(), wants, Boolean::logicalOr);
      }
    }
    Map<String, Long> counters = new TreeMap<>();
    List<Note> notes = new ArrayList<>();
    counters.put("weblinks.urls.distinct", (long) readPage.size());
    if (readPage.isEmpty()) {
      return new Results(Map.of(), counters, notes, owner, first);
    }
    if (config.offline() || network.offline()) {
      Map<String, CheckResult> all = new LinkedHashMap<>();
      readPage.keySet().forEach(u -> all.put(u, CheckResult.of(Outcome.UNCHECKED, "offline: not checked")));
      counters.put("weblinks.urls.outcome.unchecked", (long) all.size());
      return new Results(all, counters, notes, owner, first);
    }
    if (network.urlBook() != null) {
      return fromBook(index, readPage, counters, notes, owner, first);
    }
    Map<String, CheckResult> results = new ConcurrentHashMap<>();

    ExpiringCache<CheckResult> cache = new ExpiringCache<>(clock, 1_000_000);
    Optional<CacheFile<CheckResult>> file = cacheFile(index.root(), notes);
    file.ifPresent(f -> cache.load(f.read()));

    Map<String, Boolean> toCheck = new TreeMap<>();
    readPage.forEach((url, wants) -> {
      Optional<Stored<CheckResult>> hit = cache.get(url);
      if (hit.isPresent() && (!wants || hit.get().value().anchors() != null
          || hit.get().value().outcome().verdict() != Outcome.Verdict.OK)) {
        results.put(url, hit.get().value());
      } else {
        toCheck.put(url, wants);
      }
    });
    counters.put("weblinks.urls.cached", (long) results.size());
    counters.put("weblinks.urls.checked", (long) toCheck.size());

    if (toCheck.isEmpty()) {
      return finish(results, counters, notes, owner, first, cache, file, toCheck.keySet());
    }
    if (!networkReachable(toCheck.keySet())) {
      toCheck.keySet().forEach(url ->
          results.put(url, CheckResult.of(Outcome.NETWORK_UNAVAILABLE, "no host name could be resolved in this run")));
      notes.add(unavailable(toCheck.size()));
      return finish(results, counters, notes, owner, first, cache, file, Set.of());
    }
    long started = System.nanoTime();
    VettingDns dns = new VettingDns(network.resolver(), config.addressPolicy());
    OkHttpClient client = HttpClients.create(new HttpClients.Settings(config.connectTimeout(),
        config.readTimeout(), config.totalTimeout(), config.globalConcurrency(),
        config.userAgent().isEmpty() ? userAgent() : config.userAgent()), dns);
    HostGates gates = new HostGates(config.globalConcurrency(), host -> {
      WebLinkConfig.HostSettings hs = config.host(host);
      return new HostGates.HostLimits(hostConcurrency(host),
          hs != null && hs.interval() != null ? hs.interval() : config.interval());
    });
    UrlChecker checker = new UrlChecker(client, dns, config, gates,
        new Backoff(config.backoff(), config.maxRetryAfter(), RandomGenerator.getDefault()), network.env());
    Map<String, Long> latency = new ConcurrentHashMap<>();
    try {
      // a URL OkHttp cannot parse has no host to queue it under: it is checked (and fails) as a host of its own
      List<Job> jobs = toCheck.keySet().stream().map(u -> new Job(u, okhttp3.HttpUrl.parse(u))).toList();
      HostWorkers.forEach(jobs, j -> j.url() == null ? "" : j.url().host(), this::hostConcurrency, j -> {
        long t0 = System.nanoTime();
        CheckResult r;
        try {
          r = checker.check(j.url() != null ? j.url() : okhttp3.HttpUrl.get(j.key()), toCheck.get(j.key()));
        } catch (RuntimeException e) {
          r = CheckResult.of(Outcome.CONNECTION_FAILED, "check failed: " + e.getClass().getSimpleName());
        }
        latency.merge("weblinks.latency." + r.outcome().label() + "." + bucket(System.nanoTime() - t0), 1L,
            Long::sum);
        results.put(j.key(), r);
      });
    } finally {
      checker.close();
    }
    counters.putAll(latency);
    counters.put("weblinks.http.requests", (long) gates.requests());
    counters.put("weblinks.http.millis", (System.nanoTime() - started) / 1_000_000);

    if (!dns.resolvedAny() && results.values().stream().anyMatch(r -> r.outcome() == Outcome.DNS_FAILURE)) {
      long urls = 0;
      for (Map.Entry<String, CheckResult> e : results.entrySet()) {
        if (e.getValue().outcome() == Outcome.DNS_FAILURE) {
          e.setValue(CheckResult.of(Outcome.NETWORK_UNAVAILABLE, "no host name could be resolved in this run"));
          urls++;
        }
      }
      notes.add(unavailable(urls));
    }
    return finish(results, counters, notes, owner, first, cache, file, toCheck.keySet());
  }

  /**
   * Fleet mode: no request from the scan. The results come from the fleet's URL store, where the worker that owns each
   * host put them; the URLs it does not know yet are queued there and counted as unchecked here, with one note, and
   * the repository is scanned again once their results are in (so its findings end up those of a one-shot scan). A
   * working result without the page's ids, for a link with a #fragment, is pending too: the book queues it again with
   * its page read, as the inline check would re-fetch it past its cache.
   */
  private Results fromBook(CorpusIndex index, Map<String, Boolean> readPage, Map<String, Long> counters,
      List<Note> notes, String owner, Position first) {
    Map<String, String> known = network.urlBook().results(index.root(), readPage);
    Map<String, CheckResult> results = new TreeMap<>();
    long pending = 0;
    for (Map.Entry<String, Boolean> e : readPage.entrySet()) {
      String json = known.get(e.getKey());
      CheckResult r = json == null ? null : OwnerChecker.fromJson(json);
      if (r != null && e.getValue() && r.anchors() == null && r.outcome().verdict() == Outcome.Verdict.OK) {
        r = null;
      }
      if (r == null) {
        pending++;
        r = CheckResult.of(Outcome.UNCHECKED, "pending: queued for the fleet's URL workers");
      }
      results.put(e.getKey(), r);
    }
    counters.put("weblinks.urls.shared", (long) readPage.size() - pending);
    counters.put("weblinks.urls.pending", pending);
    if (pending > 0) {
      notes.add(new Note(pending + " URLs are pending in the fleet's URL queue: their links count as unchecked until"
          + " the workers owning their hosts have checked them, then this repository is scanned again"));
    }
    results.values().forEach(r -> counters.merge("weblinks.urls.outcome." + r.outcome().label(), 1L, Long::sum));
    return new Results(Map.copyOf(results), counters, notes, owner, first);
  }

  /**
   * Whether any of the first few hosts resolves, asked one at a time before the parallel check. Without network a
   * resolver may answer "not found" at once for one query but time out under hundreds of parallel ones (measured
   * here: 25 s for 344 URLs), so an unreachable network is detected up front and nothing more is asked.
   */
  private boolean networkReachable(Set<String> urls) {
    List<String> hosts = urls.stream().map(u -> okhttp3.HttpUrl.get(u).host()).distinct().limit(PROBE_HOSTS).toList();
    for (String host : hosts) {
      if (IP_LITERAL.matcher(host).matches()) {
        return true; // needs no name resolution: its check says what the network does
      }
      try {
        network.resolver().resolve(host);
        return true;
      } catch (java.net.UnknownHostException e) {
        // try the next one
      }
    }
    return hosts.isEmpty();
  }

  private static Note unavailable(long urls) {
    return new Note("network unavailable: no external host name could be resolved in this run, so " + urls
        + " URLs were not checked; their links count as unverified, not broken (use --offline to skip the check)");
  }

  /** Caches what was checked, saves the cache, adds the cache and outcome counters. */
  /** How many distinct hosts the reachability probe asks before it concludes there is no network. */
  private static final int PROBE_HOSTS = 3;
  /** A host HttpUrl already gives as an address: dotted IPv4 or IPv6 (HttpUrl drops the brackets). */
  private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");

  private Results finish(Map<String, CheckResult> results, Map<String, Long> counters, List<Note> notes,
      String owner, Position first, ExpiringCache<CheckResult> cache, Optional<CacheFile<CheckResult>> file,
      java.util.Set<String> checked) {
    checked.forEach(url -> cache.put(url, results.get(url), ttl(results.get(url).outcome())));
    if (file.isPresent()) {
      try {
        file.get().write(cache.snapshot());
      } catch (IOException e) {
        notes.add(new Note("cache not saved to " + file.get().path() + ": " + e.getMessage()));
      }
    }
    var stats = cache.stats();
    counters.put("weblinks.cache.hits", stats.hitCount());
    counters.put("weblinks.cache.misses", stats.missCount());
    results.values().forEach(r -> counters.merge("weblinks.urls.outcome." + r.outcome().label(), 1L, Long::sum));
    return new Results(Map.copyOf(results), counters, notes, owner, first);
  }

  /** Where the cache lives, or empty (memory only) when caching is off or the directory is inside the corpus. */
  private Optional<CacheFile<CheckResult>> cacheFile(Path corpusRoot, List<Note> notes) {
    if (!config.cacheEnabled()) {
      return Optional.empty();
    }
    Path dir = network.cacheDirectory() != null ? network.cacheDirectory()
        : config.cacheDirectory() != null ? config.cacheDirectory() : network.defaultDataDirectory();
    Path abs = dir.toAbsolutePath().normalize();
    if (Containment.isInside(abs, corpusRoot)) {
      notes.add(new Note("cache not persisted: its directory " + dir + " is inside the corpus, and docgate never "
          + "writes into the corpus"));
      return Optional.empty();
    }
    return Optional.of(new CacheFile<>(abs.resolve(CACHE_FILE), CACHE_SCHEMA, CheckResult.class));
  }

  /** Time to live by outcome class: working links for days, broken ones for hours, never what could not be verified. */
  Duration ttl(Outcome o) {
    return switch (o.verdict()) {
      case OK -> config.okTtl();
      case BROKEN -> o == Outcome.INVALID_URL ? Duration.ZERO : config.brokenTtl();
      default -> Duration.ZERO;
    };
  }

  /** A URL to check: its key in the results, and its parsed form (null when OkHttp cannot parse it). */
  private record Job(String key, okhttp3.HttpUrl url) {}

  /** How many requests a host may have in flight: its own {@code perHost}, else the default. */
  private int hostConcurrency(String host) {
    WebLinkConfig.HostSettings hs = config.host(host);
    return hs != null && hs.concurrency() != null ? hs.concurrency() : config.perHostConcurrency();
  }

  private static String bucket(long nanos) {
    long ms = nanos / 1_000_000;
    return ms <= 100 ? "le100ms" : ms <= 500 ? "le500ms" : ms <= 2000 ? "le2s" : ms <= 10_000 ? "le10s" : "over10s";
  }

  static String userAgent() {
    String v = CorpusCheck.class.getPackage().getImplementationVersion();
    return "docgate/" + (v == null ? "dev" : v) + " (documentation link checker)";
  }
}
