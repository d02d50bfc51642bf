package org.docgate.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunStart;
import org.docgate.report.ScanReport;

/**
 * The service's scans: the first full scan, debounced re-validation of what changed, scheduled and requested full
 * scans. One scan at a time; every scan is a stored run; listeners (metrics) hear of a result once it is stored, so a
 * scan whose run could not be written counts as failed, never as a success the API and history do not have. Looking
 * for changes (a listing of the corpus, or file events) never holds the scan lock, so it cannot starve the other
 * scans; a full scan asked for while one runs is queued (one pending at most: requests made meanwhile share it) and
 * runs as soon as the lock is free, never dropped.
 */
public final class ScanService {

  /**
   * Hears about every scan (the Prometheus gauges, the log line, the issue report). Each event is a no-op unless
   * overridden, as in OkHttp's EventListener: a listener names only what it listens to.
   */
  public interface Listener {
    default void scanned(ScanReport report, Readiness readiness, Duration took) {}

    default void failed(String trigger, RuntimeException error) {}

    /** The run is stored under its id (the service's log line); after {@link #scanned}. */
    default void stored(Latest run) {}

    /** Each listener in turn: the gauges, then the log line. */
    static Listener all(Listener... listeners) {
      List<Listener> each = List.of(listeners);
      return new Listener() {
        @Override
        public void scanned(ScanReport report, Readiness readiness, Duration took) {
          each.forEach(l -> l.scanned(report, readiness, took));
        }

        @Override
        public void failed(String trigger, RuntimeException error) {
          each.forEach(l -> l.failed(trigger, error));
        }

        @Override
        public void stored(Latest run) {
          each.forEach(l -> l.stored(run));
        }
      };
    }

    Listener NONE = new Listener() {};
  }

  /** The newest result: stored as run {@code runId}. */
  public record Latest(long runId, String trigger, ScanReport report, Readiness readiness, LiveCorpus.Update update,
      Duration took) {}

  /** What became of a full scan request: started now, or queued behind the running scan. */
  public enum Accepted { STARTED, QUEUED }

  /** Another scan is running ({@link #fullScan}, which runs in the caller's thread and cannot wait). */
  public static final class BusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BusyException() {
      super("a scan is already running");
    }
  }

  private final LiveCorpus corpus;
  private final ReportStore store;
  private final List<Gate> gates;
  private final Listener listener;
  private final Clock clock;
  private final Retention retention;
  private final Supplier<String> revision;
  private final Debouncer debouncer;
  private final ChangeDetector detector;
  private final AtomicBoolean busy = new AtomicBoolean();
  /** The trigger of the full scan waiting for the lock, or null: requests made while one waits share it. */
  private final AtomicReference<String> queued = new AtomicReference<>();
  private volatile Latest latest;
  private volatile String lastError;

  public ScanService(LiveCorpus corpus, ReportStore store, List<Gate> gates, Listener listener, Clock clock,
      Retention retention, Supplier<String> revision, Debouncer debouncer) {
    this(corpus, store, gates, listener, clock, retention, revision, debouncer, new PollingDetector(corpus, clock));
  }

  /** @param detector how changes are found between scans (file events or polling) */
  public ScanService(LiveCorpus corpus, ReportStore store, List<Gate> gates, Listener listener, Clock clock,
      Retention retention, Supplier<String> revision, Debouncer debouncer, ChangeDetector detector) {
    this.corpus = corpus;
    this.store = store;
    this.gates = List.copyOf(gates);
    this.listener = listener;
    this.clock = clock;
    this.retention = retention;
    this.revision = revision;
    this.debouncer = debouncer;
    this.detector = detector;
  }

  /** At start: runs a crash left RUNNING are marked failed. Returns how many. */
  public int recoverInterrupted() {
    return store.failInterrupted();
  }

  /** The service's first step: crash leftovers marked failed, then a full scan (its failure is kept, not thrown). */
  public void startup() {
    recoverInterrupted();
    queueFullScan("start");
  }

  /** The scheduled full scan (external link rot); queued when another scan is running. */
  public void scheduledScan() {
    queueFullScan("schedule");
  }

  /** Queues a full scan and runs it in this thread unless another scan holds the lock (it runs it when done). */
  private void queueFullScan(String trigger) {
    queued.compareAndSet(null, trigger);
    drainQueue();
  }

  /** A full scan now, in the caller's thread; {@link BusyException} when another scan is running. */
  public Latest fullScan(String trigger) {
    if (!busy.compareAndSet(false, true)) {
      throw new BusyException();
    }
    try {
      return run(trigger, corpus::full);
    } finally {
      release();
    }
  }

  /**
   * Starts a full scan on {@code executor}, or queues it behind the running scan (which starts it when done). A
   * request made while one is already queued shares it.
   */
  public Accepted startFullScan(String trigger, Executor executor) {
    queued.compareAndSet(null, trigger);
    Accepted answer = busy.get() ? Accepted.QUEUED : Accepted.STARTED;
    // Always hand the queue to the executor: if the running scan released the lock before this request was queued,
    // nobody else would start it.
    executor.execute(this::drainQueue);
    return answer;
  }

  /** Runs queued full scans while the lock is free. A scan that holds it calls this when it lets go. */
  private void drainQueue() {
    while (queued.get() != null && busy.compareAndSet(false, true)) {
      String trigger = queued.getAndSet(null);
      try {
        if (trigger != null) {
          run(trigger, corpus::full);
        }
      } catch (RuntimeException e) {
        // stored as a failed run and reported to the listener; /health/ready shows the error
      } finally {
        busy.set(false);
      }
    }
  }

  private void release() {
    busy.set(false);
    drainQueue();
  }

  /**
   * The watcher's tick: looks for changes without the scan lock (a listing, or the file events counted); once they
   * settled, lists the corpus (still without the lock), then takes the lock only to re-validate what changed. Returns
   * the new result, or null when nothing was applied (no changes, not settled yet, a scan running).
   */
  public Latest poll() {
    if (busy.get()) {
      return null; // the running scan lists the corpus itself; changes after its listing are seen next tick
    }
    try {
      if (!debouncer.settled(detector.look(), clock.instant())) {
        return null;
      }
      detector.take();
      LiveCorpus.Listed listed = detector.listed();
      Set<String> modified = listed == null ? detector.modifiedFiles() : null;
      if (modified != null) {
        listed = corpus.listModified(modified);
      }
      if (listed == null) {
        listed = corpus.listIfChanged();
      }
      if (listed == null && latest != null) {
        return null; // the events touched nothing docgate reads
      }
      if (!busy.compareAndSet(false, true)) {
        return null;
      }
      LiveCorpus.Listed apply = listed;
      try {
        return run("watch", latest == null ? corpus::full : () -> corpus.refresh(apply));
      } finally {
        release();
      }
    } catch (RuntimeException e) {
      return null; // stored as failed and reported; the next tick tries again
    }
  }

  /** How changes are found, for the start-up line. */
  public String watching() {
    return detector.describe();
  }

  private Latest run(String trigger, Supplier<LiveCorpus.Update> work) {
    Instant started = clock.instant();
    long runId = store.begin(new RunStart(trigger, corpus.root().toString(), revision.get(), started));
    try {
      LiveCorpus.Update update = work.get();
      if (update == null) {
        store.fail(runId, "nothing changed when the re-validation started");
        return null;
      }
      ScanReport report = update.report();
      Readiness readiness = ReadinessScorer.score(gates, report.metrics(), report.findings());
      Duration took = Duration.between(started, clock.instant());
      store.complete(runId, report, readiness.score());
      listener.scanned(report, readiness, took);
      Latest result = new Latest(runId, trigger, report, readiness, update, took);
      listener.stored(result);
      store.retain(retention); // before the result is published: the dashboard renders its trend once per run
      latest = result;
      lastError = null;
      return result;
    } catch (RuntimeException e) {
      lastError = e.getMessage();
      try {
        store.fail(runId, String.valueOf(e.getMessage()));
      } finally {
        listener.failed(trigger, e);
      }
      throw e;
    }
  }

  /** Ready once the first scan completed. */
  public boolean ready() {
    return latest != null;
  }

  public boolean busy() {
    return busy.get();
  }

  public Latest latest() {
    return latest;
  }

  public String lastError() {
    return lastError;
  }

  public ReportStore store() {
    return store;
  }

  public LiveCorpus corpus() {
    return corpus;
  }
}
