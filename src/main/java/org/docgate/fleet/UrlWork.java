package org.docgate.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.docgate.http.HostGates;
import org.docgate.report.store.FleetUrls;
import org.docgate.validate.weblinks.CheckResult;
import org.docgate.validate.weblinks.OwnerChecker;

/**
 * A fleet worker's URL checks, one poll's batch at a time (the route commits the batch's offsets after
 * {@link #check} returns): every task is checked by the {@link OwnerChecker} within its key's limits, concurrently,
 * and its result stored as soon as it is in (upsert where newer). A task whose URL already has a result from after the
 * task was queued is a redelivery (the previous owner stored it but died before its commit) and is not requested
 * again. Before a batch, the host-state table is read to its end and the states of its keys applied, so a key's new
 * owner keeps the old owner's Retry-After pause and widened interval.
 */
public final class UrlWork {
  /** Outcomes counted for /metrics and tests. */
  public enum Outcome { CHECKED, DUPLICATE, POISON }

  /** How often storing one result is tried before the batch fails (and is redelivered, uncommitted). */
  private static final int STORE_TRIES = 5;

  private final FleetUrls store;
  private final OwnerChecker checker;
  private final HostStates states;
  private final Clock clock;
  private final String worker;
  private final Map<String, Instant> applied = new ConcurrentHashMap<>();
  private final Map<Outcome, AtomicLong> counts = new ConcurrentHashMap<>();
  private final HostWaits waits = new HostWaits();

  public UrlWork(FleetUrls store, OwnerChecker checker, HostStates states, Clock clock, String worker) {
    this.store = store;
    this.checker = checker;
    this.states = states;
    this.clock = clock;
    this.worker = worker;
    for (Outcome o : Outcome.values()) {
      counts.put(o, new AtomicLong());
    }
  }

  /** Checks and stores one batch of messages; returns how many URLs were requested. */
  public int check(List<String> messages) throws InterruptedException {
    Map<String, UrlTask> byUrl = new LinkedHashMap<>();
    for (String m : messages) {
      UrlTask t;
      try {
        t = UrlTask.fromJson(m);
      } catch (IllegalArgumentException e) {
        counts.get(Outcome.POISON).incrementAndGet();
        continue;
      }
      // one request per URL per batch; a task that wants the page read wins
      byUrl.merge(t.url(), t, (a, b) -> b.readPage() && !a.readPage() ? b : a);
    }
    if (byUrl.isEmpty()) {
      return 0;
    }
    takeOverHostStates(byUrl.values());
    Map<String, Instant> checked = store.checkedAt(List.copyOf(byUrl.keySet()));
    List<Future<Boolean>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (UrlTask t : byUrl.values()) {
        Instant at = checked.get(t.url());
        if (at != null && !at.isBefore(t.queuedAt())) {
          counts.get(Outcome.DUPLICATE).incrementAndGet();
          continue;
        }
        futures.add(pool.submit(() -> checkOne(t)));
      }
      int requested = 0;
      for (Future<Boolean> f : futures) {
        try {
          requested += f.get() ? 1 : 0;
        } catch (ExecutionException e) {
          throw new IllegalStateException("a URL check of the batch failed to store: " + e.getCause().getMessage(),
              e.getCause());
        }
      }
      states.flush();
      return requested;
    }
  }

  private boolean checkOne(UrlTask t) throws InterruptedException {
    HostGates.WaitTally waited = new HostGates.WaitTally();
    CheckResult r = checker.check(t.url(), t.readPage(), t.shard(), t.shards(), waited);
    waits.record(r.outcome().label(), waited.total());
    Instant at = clock.instant();
    String json = OwnerChecker.toJson(r);
    for (int attempt = 1; ; attempt++) {
      try {
        store.store(t.url(), t.host(), t.readPage(), r.outcome().label(), json, at, checker.nextCheck(r, at), worker);
        break;
      } catch (RuntimeException e) {
        if (attempt >= STORE_TRIES) {
          throw e;
        }
        Thread.sleep(Duration.ofMillis(500L << attempt));
      }
    }
    counts.get(Outcome.CHECKED).incrementAndGet();
    return true;
  }

  /** Applies the newest host state of each key of the batch that this worker has not applied yet. */
  private void takeOverHostStates(java.util.Collection<UrlTask> tasks) {
    states.catchUp();
    Map<String, UrlTask> keys = new LinkedHashMap<>();
    tasks.forEach(t -> keys.putIfAbsent(t.key(), t));
    keys.forEach((key, t) -> states.latest(key).ifPresent(s -> {
      Instant before = applied.get(key);
      if (before == null || s.at().isAfter(before)) {
        checker.restore(t.host(), t.shard(), t.shards(), s.state());
        applied.put(key, s.at());
      }
    }));
  }

  /** The shortest start-to-start gap to one host this worker made (see {@link OwnerChecker#minStartGap}). */
  public Duration minStartGap() {
    return checker.minStartGap();
  }

  /**
   * Puts every host state published so far on the broker: before this worker gives partitions away (a rebalance),
   * so their keys' next owner reads what this one learnt, also when the last batch failed before its own flush.
   */
  public void flushHostStates() {
    states.flush();
  }

  /** What this worker's checks waited for their hosts' slots, by outcome (for /metrics). */
  public HostWaits hostWaits() {
    return waits;
  }

  /** Hosts with a request of this worker waiting to start right now. */
  public int hostsWaiting() {
    return checker.hostsWaiting();
  }

  public long count(Outcome outcome) {
    return counts.get(outcome).get();
  }
}
