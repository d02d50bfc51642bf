package org.docgate.service;

import java.io.PrintWriter;
import java.util.Locale;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;

/**
 * One line on the service's log per stored run, so {@code serve} is not silent after its start-up lines: run id,
 * trigger, findings by severity, readiness score, duration. A failed run gets one line with its trigger and reason.
 */
public final class RunLog implements ScanService.Listener {
  private final PrintWriter out;

  public RunLog(PrintWriter out) {
    this.out = out;
  }

  /** {@code docgate: run 12 (watch): 3 errors, 5 warnings, 0 info; readiness 81.5; 1.2 s}. */
  static String line(ScanService.Latest run) {
    ScanReport r = run.report();
    return String.format(Locale.ROOT, "docgate: run %d (%s): %d errors, %d warnings, %d info; readiness %.1f; %.1f s",
        run.runId(), run.trigger(), r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO),
        run.readiness().score(), run.took().toMillis() / 1000.0);
  }

  @Override
  public void stored(ScanService.Latest run) {
    out.println(line(run));
    out.flush();
  }

  @Override
  public void failed(String trigger, RuntimeException error) {
    out.println("docgate: run failed (" + trigger + "): " + String.valueOf(error.getMessage()).replace('\n', ' '));
    out.flush();
  }
}
