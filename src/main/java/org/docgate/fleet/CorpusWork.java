package org.docgate.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.RunStart;
import org.docgate.report.store.RunStatus;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;

/**
 * A fleet worker's steps around the one scan pipeline, for one message of the corpora topic: claim it, check the
 * corpus out, hand the route a {@link ScanRequest} (the route sends it to {@code direct:scan}), then store the run
 * and the repository's result. The route commits the message's offset only after {@link #stored} or {@link #failed}
 * returned, so a worker killed mid-scan leaves the message to the partition's next owner (at-least-once), and the
 * upsert-where-newer of {@link FleetRepositories} makes a redelivery harmless.
 */
public final class CorpusWork {
  /** Outcomes counted for /metrics: stored, failed, duplicate, poison. */
  public enum Outcome { STORED, FAILED, DUPLICATE, POISON }

  private final FleetRepositories fleet;
  private final Function<String, ReportStore> stores;
  private final Checkouts checkouts;
  private final CorpusSettings settings;
  private final Clock clock;
  private final String worker;
  private final Map<Outcome, AtomicLong> counts = new ConcurrentHashMap<>();
  private final FleetUrlBook urls;

  /**
   * @param stores opens the report store of one repository (corpus id = the repository)
   * @param worker this worker's name, kept on every result
   */
  public CorpusWork(FleetRepositories fleet, Function<String, ReportStore> stores, Checkouts checkouts, Clock clock,
      String worker) {
    this(fleet, stores, checkouts, CorpusSettings.WORKER, clock, worker, null);
  }

  /** @param urls the fleet's URL book the scans' external links go to (null: checked inline, as by scan) */
  public CorpusWork(FleetRepositories fleet, Function<String, ReportStore> stores, Checkouts checkouts, Clock clock,
      String worker, FleetUrlBook urls) {
    this(fleet, stores, checkouts, CorpusSettings.WORKER, clock, worker, urls);
  }

  /**
   * @param settings a corpus's own settings (from its {@code .docgate.yaml}), or null from it for the worker's
   * @param urls the fleet's URL book the scans' external links go to (null: checked inline, as by scan)
   */
  public CorpusWork(FleetRepositories fleet, Function<String, ReportStore> stores, Checkouts checkouts,
      CorpusSettings settings, Clock clock, String worker, FleetUrlBook urls) {
    this.urls = urls;
    this.fleet = fleet;
    this.stores = stores;
    this.checkouts = checkouts;
    this.settings = settings;
    this.clock = clock;
    this.worker = worker;
    for (Outcome o : Outcome.values()) {
      counts.put(o, new AtomicLong());
    }
  }

  public Claim claim(String message) {
    FleetJob job;
    try {
      job = FleetJob.fromJson(message);
    } catch (IllegalArgumentException e) {
      counts.get(Outcome.POISON).incrementAndGet();
      return new Claim(Claim.Kind.POISON, null, null, e.getMessage());
    }
    if (fleet.stored(job.repository(), job.jobId())) {
      counts.get(Outcome.DUPLICATE).incrementAndGet();
      return new Claim(Claim.Kind.DUPLICATE, job, null, "already stored");
    }
    return new Claim(Claim.Kind.SCAN, job, null, null);
  }

  public Claim checkout(Claim claim) {
    return claim.withCheckout(checkouts.checkout(claim.job()));
  }

  /** The scan of the checked-out corpus, with its own config when it has one (a bad one fails the job). */
  public ScanRequest request(Claim claim) {
    Path corpus = claim.checkout().corpus();
    if (urls != null) {
      urls.scanning(corpus, claim.job().repository());
    }
    return new ScanRequest(corpus, clock.instant()).withSettings(settings.of(corpus));
  }

  /** Stores the run (corpus id = repository, instance = this worker) and then the repository's result. */
  public FleetResult stored(Claim claim, ScanReport report) {
    FleetJob job = claim.job();
    long runId;
    try (ReportStore store = stores.apply(job.repository())) {
      runId = store.begin(new RunStart("fleet", job.source(), claim.checkout().revision(), report.startedAt()));
      store.complete(runId, report, null);
    }
    return finish(claim, RunStatus.COMPLETE, runId, null, Outcome.STORED);
  }

  /**
   * A job whose corpus cannot be checked out or scanned is a result too (failed, with the reason), so it does not
   * block its partition; a failure to store throws, the offset stays uncommitted and the job comes back.
   */
  public FleetResult failed(Claim claim, Exception cause) {
    FleetJob job = claim.job();
    String reason = cause == null || cause.getMessage() == null ? "failed" : cause.getMessage();
    Long runId = null;
    if (claim.checkout() != null) {
      try (ReportStore store = stores.apply(job.repository())) {
        runId = store.begin(new RunStart("fleet", job.source(), claim.checkout().revision(), clock.instant()));
        store.fail(runId, reason);
      }
    }
    return finish(claim, RunStatus.FAILED, runId, reason, Outcome.FAILED);
  }

  /** The repository's result recorded, the checkout given back and the outcome counted: how every job ends. */
  private FleetResult finish(Claim claim, RunStatus status, Long runId, String reason, Outcome outcome) {
    FleetJob job = claim.job();
    FleetResult result = new FleetResult(job.repository(), job.source(), job.ref(), job.jobId(), job.submittedAt(),
        status, runId, worker, clock.instant(), reason);
    fleet.record(result);
    if (urls != null && claim.checkout() != null) {
      urls.scanned(claim.checkout().corpus());
    }
    checkouts.release(claim.checkout());
    counts.get(outcome).incrementAndGet();
    return result;
  }

  public long count(Outcome outcome) {
    return counts.get(outcome).get();
  }
}
