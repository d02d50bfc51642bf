package org.docgate.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.FleetUrls;

/**
 * The fleet's re-check cycle ({@code docgate fleet schedule}): leases the URLs whose next check is due and produces
 * them to the URL topic, and submits again the repositories a URL result changed for since their last scan (so their
 * stored findings catch up). Leases are taken with {@code FOR UPDATE SKIP LOCKED}: several schedulers at once never
 * produce one URL twice in a cycle. Next-check times are set by the worker that stores a result (ok: the ok TTL,
 * broken: the broken TTL, unverified: soon; never an ok TTL for a failure). Time comes from the injected clock.
 */
public final class UrlScheduler {
  /** What one cycle did. */
  public record Cycle(int urls, List<String> repositories) {}

  private final FleetUrls urls;
  private final FleetRepositories repositories;
  private final UrlQueue queue;
  private final Consumer<List<FleetJob>> jobs;
  private final HotHosts hot;
  private final Clock clock;
  private final Duration lease;
  private final int batch;
  private final String name;

  /**
   * @param jobs where repositories to scan again go (the corpora topic)
   * @param lease how long a produced URL is held before another cycle may produce it again (its check and store
   *     must fit in it)
   * @param batch URLs leased per transaction
   */
  public UrlScheduler(FleetUrls urls, FleetRepositories repositories, UrlQueue queue, Consumer<List<FleetJob>> jobs,
      HotHosts hot, Clock clock, Duration lease, int batch, String name) {
    this.urls = urls;
    this.repositories = repositories;
    this.queue = queue;
    this.jobs = jobs;
    this.hot = hot;
    this.clock = clock;
    this.lease = lease;
    this.batch = batch;
    this.name = name;
  }

  public Cycle once() {
    int produced = 0;
    while (true) {
      Instant now = clock.instant();
      List<FleetUrls.Due> due = urls.lease(now, lease, batch, name);
      if (!due.isEmpty()) {
        queue.send(due.stream().map(d -> hot.task(d.url(), d.readPage(), now)).toList());
        produced += due.size();
      }
      if (due.size() < batch) {
        break;
      }
    }
    Instant now = clock.instant();
    List<String> stale = urls.claimStaleRepositories(now);
    if (!stale.isEmpty()) {
      Map<String, FleetResult> known = repositories.all().stream()
          .collect(Collectors.toMap(FleetResult::repository, Function.identity()));
      List<FleetJob> again = new ArrayList<>();
      for (String repository : stale) {
        FleetResult r = known.get(repository);
        if (r != null) {
          again.add(FleetJob.submit(repository, r.source(), r.ref(), now));
        }
      }
      if (!again.isEmpty()) {
        jobs.accept(again);
      }
    }
    return new Cycle(produced, stale);
  }
}
