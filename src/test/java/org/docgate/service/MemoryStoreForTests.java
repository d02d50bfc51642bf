package org.docgate.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.store.FindingQuery;
import org.docgate.report.store.NoSuchRunException;
import org.docgate.report.store.Page;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunDiff;
import org.docgate.report.store.RunStart;
import org.docgate.report.store.RunStatus;
import org.docgate.report.store.RunSummary;
import org.docgate.report.ScanReport;

/** A ReportStore in memory for service tests that are about the service, not the database. */
public final class MemoryStoreForTests implements ReportStore {
  private final Map<Long, RunSummary> runs = new TreeMap<>();
  private final Map<Long, List<Finding>> findings = new LinkedHashMap<>();
  private long next = 1;

  @Override
  public synchronized long begin(RunStart s) {
    long id = next++;
    runs.put(id, new RunSummary(id, s.trigger(), s.corpus(), s.revision(), RunStatus.RUNNING, s.startedAt(), null, 0,
        Map.of(), null, Map.of(), 0, null));
    return id;
  }

  @Override
  public synchronized RunSummary complete(long runId, ScanReport report, Double readiness) {
    RunSummary r = get(runId);
    Map<String, Long> bySeverity = new TreeMap<>();
    for (Severity s : Severity.values()) {
      bySeverity.put(s.label(), report.count(s));
    }
    RunSummary done = new RunSummary(runId, r.trigger(), r.corpus(), r.revision(), RunStatus.COMPLETE, r.startedAt(),
        report.finishedAt(), report.documents(), new LinkedHashMap<>(report.metrics()), readiness, bySeverity,
        report.findings().size(), null);
    runs.put(runId, done);
    findings.put(runId, List.copyOf(report.findings()));
    return done;
  }

  @Override
  public synchronized void fail(long runId, String reason) {
    RunSummary r = get(runId);
    runs.put(runId, new RunSummary(runId, r.trigger(), r.corpus(), r.revision(), RunStatus.FAILED, r.startedAt(),
        null, 0, Map.of(), null, Map.of(), 0, reason));
  }

  @Override
  public synchronized int failInterrupted() {
    int n = 0;
    for (RunSummary r : List.copyOf(runs.values())) {
      if (r.status() == RunStatus.RUNNING) {
        fail(r.id(), "interrupted");
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized Page<RunSummary> runs(int page, int size) {
    List<RunSummary> all = new ArrayList<>(runs.values());
    all.sort(Comparator.comparingLong(RunSummary::id).reversed());
    int from = Math.min(all.size(), page * size);
    return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
  }

  @Override
  public synchronized Optional<RunSummary> run(long runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized Optional<RunSummary> latestComplete() {
    return runs.values().stream().filter(r -> r.status() == RunStatus.COMPLETE)
        .max(Comparator.comparingLong(RunSummary::id));
  }

  @Override
  public synchronized Optional<RunSummary> previousComplete(long runId) {
    return runs.values().stream().filter(r -> r.status() == RunStatus.COMPLETE && r.id() < runId)
        .max(Comparator.comparingLong(RunSummary::id));
  }

  @Override
  public synchronized Page<Finding> findings(long runId, FindingQuery q, int page, int size) {
    get(runId);
    List<Finding> all = findings.getOrDefault(runId, List.of()).stream()
        .filter(f -> q.rule() == null || f.rule().equals(q.rule()))
        .filter(f -> q.severity() == null || f.severity() == q.severity())
        .filter(f -> q.path() == null || (q.path().endsWith("/") ? f.path().startsWith(q.path())
            : f.path().equals(q.path())))
        .filter(f -> q.validator() == null || f.rule().startsWith(q.validator() + "/"))
        .toList();
    long from = Math.min(all.size(), (long) page * size);
    return new Page<>(all.subList((int) from, (int) Math.min(all.size(), from + size)), page, size, all.size());
  }

  @Override
  public synchronized RunDiff diff(long runId, long baseRunId) {
    List<Finding> now = findings.getOrDefault(get(runId).id(), List.of());
    List<Finding> base = findings.getOrDefault(get(baseRunId).id(), List.of());
    Set<String> nowPrints = new HashSet<>();
    now.forEach(f -> nowPrints.add(f.fingerprint()));
    Set<String> basePrints = new HashSet<>();
    base.forEach(f -> basePrints.add(f.fingerprint()));
    return new RunDiff(runId, baseRunId,
        now.stream().filter(f -> !basePrints.contains(f.fingerprint())).toList(),
        base.stream().filter(f -> !nowPrints.contains(f.fingerprint())).toList(),
        now.stream().filter(f -> basePrints.contains(f.fingerprint())).toList());
  }

  @Override
  public int retain(Retention retention) {
    return 0;
  }

  @Override
  public void close() {}

  private RunSummary get(long runId) {
    RunSummary r = runs.get(runId);
    if (r == null) {
      throw new NoSuchRunException(runId);
    }
    return r;
  }
}
