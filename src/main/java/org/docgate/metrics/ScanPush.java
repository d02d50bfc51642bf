package org.docgate.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.ScanReport;
import org.docgate.scan.ValidatorRegistry;

/** Batch mode: one scan's meters, recorded into a fresh registry and pushed (what {@code scan --pushgateway} does). */
public final class ScanPush {
  private ScanPush() {}

  /** The instance label of a corpus: its folder name ({@code docs} for {@code /repo/docs}). */
  public static String instance(Path corpus) {
    Path name = corpus.toAbsolutePath().normalize().getFileName();
    return name == null ? "root" : name.toString();
  }

  /**
   * The registry a push sends: docgate's meters after this one report, no JVM meters. Every rule and ratio of the
   * validators is in it (0 findings, NaN), since a push replaces the whole group at the Pushgateway.
   */
  public static PrometheusMeterRegistry registryOf(ScanReport report, List<Gate> gates, ValidatorRegistry validators) {
    PrometheusMeterRegistry registry = Metrics.batchRegistry();
    Readiness readiness = ReadinessScorer.score(gates, report.metrics(), report.findings());
    new DocgateMeters(registry, validators).record(report, readiness,
        Duration.between(report.startedAt(), report.finishedAt()), report.finishedAt());
    return registry;
  }

  public static void push(Pushgateway gateway, ScanReport report, List<Gate> gates, ValidatorRegistry validators,
      Path corpus) throws Pushgateway.PushException {
    gateway.push(registryOf(report, gates, validators), instance(corpus));
  }
}
