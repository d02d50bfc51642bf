package org.docgate.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.docgate.http.UrlBook;
import org.docgate.report.store.FleetUrls;

/**
 * A fleet worker's corpus scans take their external URL results from the fleet's URL store instead of checking them
 * inline: each URL the store does not know is inserted (insert-if-new) and only then produced to the URL topic, so a
 * URL linked from many documents and repositories is checked once per cycle, by the owner of its host. The worker's
 * {@link CorpusWork} tells the book which repository a checkout folder is while it is scanned.
 */
public final class FleetUrlBook implements UrlBook {
  /** How long a URL registered by a scan is held for its first check before schedule may produce it again. */
  public static final Duration LEASE = Duration.ofMinutes(30);

  private final FleetUrls store;
  private final UrlQueue queue;
  private final HotHosts hot;
  private final Clock clock;
  private final String worker;
  private final Map<Path, String> repositories = new ConcurrentHashMap<>();

  public FleetUrlBook(FleetUrls store, UrlQueue queue, HotHosts hot, Clock clock, String worker) {
    this.store = store;
    this.queue = queue;
    this.hot = hot;
    this.clock = clock;
    this.worker = worker;
  }

  /** The folder {@code root} is {@code repository}'s checkout until {@link #scanned}. */
  public void scanning(Path root, String repository) {
    repositories.put(key(root), repository);
  }

  public void scanned(Path root) {
    repositories.remove(key(root));
  }

  @Override
  public Map<String, String> results(Path corpusRoot, Map<String, Boolean> urls) {
    String repository = repositories.get(key(corpusRoot));
    if (repository == null) {
      throw new IllegalStateException("not a fleet checkout: " + corpusRoot);
    }
    Instant now = clock.instant();
    FleetUrls.Registration r = store.register(repository, urls, HotHosts::hostOf, now, LEASE, worker);
    if (!r.due().isEmpty()) {
      queue.send(r.due().stream().map(d -> hot.task(d.url(), d.readPage(), now)).toList());
    }
    Map<String, String> known = new HashMap<>();
    r.known().forEach((url, k) -> known.put(url, k.result()));
    return known;
  }

  private static Path key(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (java.io.IOException e) {
      return abs;
    }
  }
}
