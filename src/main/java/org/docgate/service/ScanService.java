package org.docgate.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunStart;
import org.docgate.scan.ScanReport;

/**
 * The service's scans: the first full scan, debounced re-validation of what changed, scheduled and requested full
 * scans. One scan at a time; every scan is a stored run; listeners (metrics) hear of a result once it is stored, so a
 * scan whose run could not be written counts as failed, never as a success the API and history do not have.
 */
public final class ScanService {

  /** Hears about every scan (the Prometheus gauges). */
  public interface Listener {
    void scanned(ScanReport report, Readiness readiness, Duration took);

    void failed(String trigger, RuntimeException error);

    Listener NONE = new Listener() {
      @Override
      public void scanned(ScanReport report, Readiness readiness, Duration took) {}

      @Override
      public void failed(String trigger, RuntimeException error) {}
    };
  }

  /** The newest result: stored as run {@code runId}. */
  public record Latest(long runId, String trigger, ScanReport report, Readiness readiness, LiveCorpus.Update update,
      Duration took) {}

  /** Another scan is running (HTTP 409). */
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
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Latest latest;
  private volatile String lastError;

  public ScanService(LiveCorpus corpus, ReportStore store, List<Gate> gates, Listener listener, Clock clock,
      Retention retention, Supplier<String> revision, Debouncer debouncer) {
    this.corpus = corpus;
    this.store = store;
    this.gates = List.copyOf(gates);
    this.listener = listener;
    this.clock = clock;
    this.retention = retention;
    this.revision = revision;
    this.debouncer = debouncer;
  }

  /** At start: runs a crash left RUNNING are marked failed. Returns how many. */
  public int recoverInterrupted() {
    return store.failInterrupted();
  }

  /** The service's first step: crash leftovers marked failed, then a full scan (its failure is kept, not thrown). */
  public void startup() {
    recoverInterrupted();
    try {
      fullScan("start");
    } catch (RuntimeException e) {
      // stored as a failed run; /health/ready shows the error; the watcher or a requested scan tries again
    }
  }

  /** The scheduled full scan (external link rot); skipped when another scan is running. */
  public void scheduledScan() {
    try {
      fullScan("schedule");
    } catch (RuntimeException e) {
      // busy, or stored as a failed run
    }
  }

  /** A full scan now, in the caller's thread. */
  public Latest fullScan(String trigger) {
    if (!busy.compareAndSet(false, true)) {
      throw new BusyException();
    }
    try {
      return run(trigger, corpus::full);
    } finally {
      busy.set(false);
    }
  }

  /** Starts a full scan on {@code executor}; false (nothing started) when one is running. */
  public boolean startFullScan(String trigger, Executor executor) {
    if (!busy.compareAndSet(false, true)) {
      return false;
    }
    try {
      executor.execute(() -> {
        try {
          run(trigger, corpus::full);
        } catch (RuntimeException e) {
          // already stored as a failed run and reported to the listener
        } finally {
          busy.set(false);
        }
      });
      return true;
    } catch (RuntimeException e) {
      busy.set(false);
      throw e;
    }
  }

  /**
   * The watcher's tick: looks for changes; once they settled, re-validates what they touch. Returns the new result,
   * or null when nothing was applied (no changes, not settled yet, a scan running, or no first scan yet).
   */
  public Latest poll() {
    if (!busy.compareAndSet(false, true)) {
      return null;
    }
    try {
      if (!debouncer.settled(corpus.poll(), clock.instant())) {
        return null;
      }
      return run("watch", latest == null ? corpus::full : corpus::refresh);
    } catch (RuntimeException e) {
      return null; // stored as failed and reported; the next tick tries again
    } finally {
      busy.set(false);
    }
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
      latest = result;
      lastError = null;
      store.retain(retention);
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

  public List<Gate> gates() {
    return gates;
  }
}
