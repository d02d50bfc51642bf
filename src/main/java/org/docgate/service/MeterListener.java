package org.docgate.service;

import java.time.Duration;
import org.docgate.metrics.DocgateMeters;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;

/** Feeds every scan of the service to the Prometheus gauges. */
public final class MeterListener implements ScanService.Listener {
  private final DocgateMeters meters;

  public MeterListener(DocgateMeters meters) {
    this.meters = meters;
  }

  @Override
  public void scanned(ScanReport report, Readiness readiness, Duration took) {
    meters.record(report, readiness, took, report.finishedAt());
  }

  @Override
  public void failed(String trigger, RuntimeException error) {
    meters.recordFailure();
  }
}
