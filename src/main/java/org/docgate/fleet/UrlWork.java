package org.docgate.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.docgate.http.HostGates;
import org.docgate.report.store.FleetUrls;
import org.docgate.validate.weblinks.CheckResult;
import org.docgate.validate.weblinks.OwnerChecker;

/**
 * A fleet worker's URL checks, without a barrier between polls: the route hands each poll's batch to
 * {@link #submit}, which starts its checks and returns (at most {@code window} checks unfinished: past that it waits,
 * holding the next poll back), and commits what {@link #stored} says is stored. Every task is checked by the
 * {@link OwnerChecker} within its key's limits and its result stored as soon as it is in (upsert where newer); a
 * partition's offset is committed up to its first record not stored yet, so a kill loses no result. Checking batch by
 * batch, as before, made every batch wait for its slowest host: a batch is a few partitions' records (camel-kafka
 * drains one partition before the next), so ~12 of 50 hosts at 4 requests/s each, and the tail of the batch on 2-4
 * hosts (1 worker: 36 URLs/s against its 160/s cap, bench/results/fleet-urls.md). The offsets of checks that finish
 * after the last poll with records are committed with the next one, or when their partition is drained; until then a
 * new owner gets them again and skips them (stored since they were queued). Waiting for every check when a poll was
 * smaller than a full one (as if the topic were drained) put the barrier back while the scheduler still produced.
 *
 * <p>A task whose URL already has a result from after the task was queued is a redelivery (the previous owner stored
 * it but died before its commit) and is not requested again; a URL already being checked here is not requested twice.
 * Before a batch, the host-state table is read to its end and the states of its keys applied, so a key's new owner
 * keeps the old owner's Retry-After pause and widened interval. Partitions given away are {@link #drain}ed (their
 * requests in flight finish and are stored, the checks not started are given up for the next owner, then committed by
 * the caller); partitions lost are {@link #drop}ped at once (their checks are stopped and store nothing: the new owner
 * checks them). {@link #stop} (SIGTERM) starts nothing more and gives up every check not started.
 */
public final class UrlWork {
  /** Outcomes counted for /metrics and tests. */
  public enum Outcome { CHECKED, DUPLICATE, POISON }

  /** One record of the URL topic. */
  public record Item(String topic, int partition, long offset, String body) {}

  /** A partition of the URL topic. */
  public record Part(String topic, int partition) {}

  /** A partition's next offset to commit: every record before it is stored. */
  public record Commit(Part part, long next) {}

  /** How often storing one result is tried quickly before it is retried every 30 s (its partition's commit waits). */
  private static final int STORE_TRIES = 5;
  private static final Duration STORE_RETRY_CAP = Duration.ofSeconds(30);
  /** How many polls' worth of checks may be unfinished (each a parked virtual thread and a task of ~200 bytes). */
  static final int WINDOW_BATCHES = 10;

  private final FleetUrls store;
  private final OwnerChecker checker;
  private final HostStates states;
  private final Clock clock;
  private final String worker;
  private final int batch;
  private final Semaphore window;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Instant> applied = new ConcurrentHashMap<>();
  private final Map<Outcome, AtomicLong> counts = new ConcurrentHashMap<>();
  private final HostWaits waits = new HostWaits();
  /** Per partition: its records not stored with all before them yet, offset -> stored. Guarded by itself. */
  private final Map<Part, TreeMap<Long, Boolean>> open = new ConcurrentHashMap<>();
  /** Per partition: the offset after its records stored so far (what to commit). */
  private final Map<Part, Long> next = new ConcurrentHashMap<>();
  /** The checks running, by URL. */
  private final Map<String, Check> running = new ConcurrentHashMap<>();
  /** Per partition: a task of each topic key this worker checked from it (whose gate a hand-off waits for). */
  private final Map<Part, Map<String, UrlTask>> keys = new ConcurrentHashMap<>();
  /** Set when the worker stops: no check starts any more, those not started are given up. */
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** One URL's check and the records waiting for it. */
  private final class Check {
    final UrlTask task;
    final List<Item> items = new ArrayList<>();
    final AtomicBoolean cancelled = new AtomicBoolean();
    /** What the check waited for its host, and whether its request started (else it can be given up). */
    final HostGates.WaitTally tally = new HostGates.WaitTally();
    /** The thread running the check, once it runs. */
    volatile Thread thread;

    Check(UrlTask task) {
      this.task = task;
    }

    /**
     * Stops the check: it stores nothing. Not through its Future: a task cancelled before it ran would never run its
     * finally, and its window permit and its entry in {@code running} (which a drain waits on) would stay.
     */
    void stop() {
      cancelled.set(true);
      Thread t = thread;
      if (t != null) {
        t.interrupt();
      }
    }
  }

  /** As {@link #UrlWork(FleetUrls, OwnerChecker, HostStates, Clock, String, int)} with batches of 500. */
  public UrlWork(FleetUrls store, OwnerChecker checker, HostStates states, Clock clock, String worker) {
    this(store, checker, states, clock, worker, 500);
  }

  /**
   * @param batch the most records one poll hands over: at most {@value #WINDOW_BATCHES} times that many checks are
   *     unfinished (a poll's records are a few partitions', so a window of a few batches holds a few hosts only and
   *     they set the pace again: 2 batches gave 1 worker 54 URLs/s of its 160/s cap over 50 hosts)
   */
  public UrlWork(FleetUrls store, OwnerChecker checker, HostStates states, Clock clock, String worker, int batch) {
    this.store = store;
    this.checker = checker;
    this.states = states;
    this.clock = clock;
    this.worker = worker;
    this.batch = batch;
    this.window = new Semaphore(WINDOW_BATCHES * batch);
    for (Outcome o : Outcome.values()) {
      counts.put(o, new AtomicLong());
    }
  }

  /**
   * Starts the checks of one poll's records and returns once they are under way (waiting while
   * {@code WINDOW_BATCHES × batch} checks are unfinished).
   */
  public void submit(List<Item> items) throws InterruptedException {
    Map<String, UrlTask> tasks = new LinkedHashMap<>();
    Map<String, List<Item>> byUrl = new LinkedHashMap<>();
    for (Item it : items) {
      track(it);
      UrlTask t;
      try {
        t = UrlTask.fromJson(it.body());
      } catch (IllegalArgumentException e) {
        counts.get(Outcome.POISON).incrementAndGet();
        done(it);
        continue;
      }
      // one request per URL; a task that wants the page read wins
      tasks.merge(t.url(), t, (a, b) -> b.readPage() && !a.readPage() ? b : a);
      byUrl.computeIfAbsent(t.url(), u -> new ArrayList<>()).add(it);
    }
    if (!tasks.isEmpty()) {
      takeOverHostStates(tasks.values());
      Map<String, Instant> checked = store.checkedAt(List.copyOf(tasks.keySet()));
      for (UrlTask t : tasks.values()) {
        Instant at = checked.get(t.url());
        if (at != null && !at.isBefore(t.queuedAt())) {
          counts.get(Outcome.DUPLICATE).incrementAndGet();
          byUrl.get(t.url()).forEach(this::done);
          continue;
        }
        start(t, byUrl.get(t.url()));
      }
    }
  }

  private void start(UrlTask t, List<Item> items) throws InterruptedException {
    if (stopping.get()) {
      return; // left uncommitted: the next owner of the partition checks it
    }
    items.forEach(it -> keys.computeIfAbsent(part(it), p -> new ConcurrentHashMap<>()).putIfAbsent(t.key(), t));
    synchronized (running) {
      Check c = running.get(t.url());
      if (c != null && (c.task.readPage() || !t.readPage())) {
        c.items.addAll(items); // being checked here already: these records are stored with it
        return;
      }
    }
    window.acquire();
    if (stopping.get()) {
      window.release();
      return;
    }
    Check c = new Check(t);
    c.items.addAll(items);
    synchronized (running) {
      running.put(t.url(), c);
      pool.submit(() -> run(c));
    }
  }

  private void run(Check c) {
    c.thread = Thread.currentThread();
    try {
      if (!c.cancelled.get() && checkOne(c)) {
        List<Item> items;
        synchronized (running) {
          running.remove(c.task.url(), c);
          items = List.copyOf(c.items);
        }
        items.forEach(this::done);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (running) {
        running.remove(c.task.url(), c);
        running.notifyAll();
      }
      window.release();
    }
  }

  /** Checks and stores one URL; false when it was cancelled (its partition lost) before its result was stored. */
  private boolean checkOne(Check c) throws InterruptedException {
    UrlTask t = c.task;
    CheckResult r = checker.check(t.url(), t.readPage(), t.shard(), t.shards(), c.tally);
    if (c.cancelled.get()) {
      return false; // given up or stopped: what it says is not the URL's result
    }
    waits.record(r.outcome().label(), c.tally.total());
    Instant at = clock.instant();
    String json = OwnerChecker.toJson(r);
    for (int attempt = 1; ; attempt++) {
      if (c.cancelled.get() || Thread.currentThread().isInterrupted()) {
        return false; // stopped: what an interrupted check says is not the URL's result
      }
      try {
        store.store(t.url(), t.host(), t.readPage(), r.outcome().label(), json, at, checker.nextCheck(r, at), worker);
        break;
      } catch (RuntimeException e) {
        // PostgreSQL away: this partition's commit waits for the result, the window holds the next polls back
        Duration wait = attempt >= STORE_TRIES ? STORE_RETRY_CAP : Duration.ofMillis(500L << attempt);
        Thread.sleep(wait);
      }
    }
    counts.get(Outcome.CHECKED).incrementAndGet();
    return true;
  }

  private void track(Item it) {
    TreeMap<Long, Boolean> p = open.computeIfAbsent(part(it), k -> new TreeMap<>());
    synchronized (p) {
      p.putIfAbsent(it.offset(), false);
    }
  }

  private void done(Item it) {
    TreeMap<Long, Boolean> p = open.get(part(it));
    if (p != null) {
      synchronized (p) {
        p.computeIfPresent(it.offset(), (o, v) -> true);
      }
    }
  }

  private static Part part(Item it) {
    return new Part(it.topic(), it.partition());
  }

  /**
   * The offsets to commit now: per partition with news, the offset after its last record stored with every record
   * before it (those records are forgotten here).
   */
  public List<Commit> stored() {
    List<Commit> out = new ArrayList<>();
    open.keySet().forEach(p -> advance(p).ifPresent(out::add));
    return out;
  }

  /** Forgets a partition's records stored with every one before them; the offset after them, if it moved. */
  private java.util.Optional<Commit> advance(Part part) {
    TreeMap<Long, Boolean> p = open.get(part);
    long n = -1;
    if (p != null) {
      synchronized (p) {
        while (!p.isEmpty() && p.firstEntry().getValue()) {
          n = p.pollFirstEntry().getKey() + 1;
        }
      }
    }
    if (n < 0) {
      return java.util.Optional.empty();
    }
    next.put(part, n);
    return java.util.Optional.of(new Commit(part, n));
  }

  /**
   * Partitions given away (a rebalance, a stop): their checks whose request has not started are given up (their
   * records stay uncommitted, so the next owner checks them: a partition holds up to {@value #WINDOW_BATCHES} polls
   * of them, minutes of work at one worker's pace), those started are waited for and stored, and then each of their
   * hosts' own interval since its last answer here, so the next owner's first start keeps the interval after this
   * worker's last. Returns their offsets to commit before they go (again those already returned: a commit that
   * failed is made good); the host states are flushed first, so the next owner reads what these checks learnt.
   */
  public List<Commit> drain(Collection<Part> parts) throws InterruptedException {
    Set<Part> gone = new HashSet<>(parts);
    abandon(c -> c.items.stream().allMatch(it -> gone.contains(part(it))));
    synchronized (running) {
      while (running.values().stream().anyMatch(c -> c.items.stream().anyMatch(it -> gone.contains(part(it))))) {
        running.wait();
      }
    }
    Duration quiet = Duration.ZERO;
    for (Part p : gone) {
      for (UrlTask t : keys.getOrDefault(p, Map.of()).values()) {
        Duration d = checker.untilNextStart(t.host(), t.shard(), t.shards());
        quiet = d.compareTo(quiet) > 0 ? d : quiet;
      }
    }
    if (!quiet.isZero()) {
      Thread.sleep(quiet);
    }
    states.flush();
    List<Commit> out = new ArrayList<>();
    for (Part p : gone) {
      advance(p);
      open.remove(p);
      keys.remove(p);
      Long n = next.remove(p);
      if (n != null) {
        out.add(new Commit(p, n));
      }
    }
    return out;
  }

  /**
   * The worker stops (SIGTERM): no check starts from now on and those waiting for their host's slot are given up, so
   * what is left is the requests in flight (at most the worker's concurrency, each within its deadline); their
   * results are stored and committed when the partitions are {@link #drain}ed as the consumer leaves the group, and
   * the next owners check the rest without waiting for a session timeout.
   */
  public void stop() {
    stopping.set(true);
    abandon(c -> true);
  }

  /** Gives up the running checks {@code which} selects whose request has not started (their records stay open). */
  private void abandon(java.util.function.Predicate<Check> which) {
    synchronized (running) {
      for (Check c : running.values()) {
        if (which.test(c) && c.tally.abandon()) {
          c.stop();
        }
      }
    }
  }

  /** Partitions lost (another worker may own them already): their checks are stopped at once and store nothing. */
  public void drop(Collection<Part> parts) {
    Set<Part> gone = new HashSet<>(parts);
    synchronized (running) {
      for (Check c : running.values()) {
        c.items.removeIf(it -> gone.contains(part(it)));
        if (c.items.isEmpty()) {
          c.stop();
        }
      }
    }
    gone.forEach(p -> {
      open.remove(p);
      next.remove(p);
      keys.remove(p);
    });
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
