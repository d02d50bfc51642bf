package org.docgate.service;

import java.util.ArrayList;
import java.util.List;
import org.docgate.report.html.Html;
import org.docgate.report.html.HtmlReportData;
import org.docgate.report.html.HtmlReportWriter;
import org.docgate.report.html.TrendPoint;
import org.docgate.report.store.RunStatus;
import org.docgate.report.store.RunSummary;

/**
 * The service's {@code GET /}: the same self-contained page as {@code scan --format html}, with the trend of the
 * stored runs and findings linking to {@code /api/documents/}.
 */
public final class Dashboard {
  static final int TREND_RUNS = 200;

  public String render(ScanService service) {
    ScanService.Latest latest = service.latest();
    if (latest == null) {
      String error = service.lastError();
      return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
          + "content=\"2\"><title>docgate</title></head><body style=\"font-family:sans-serif;margin:2em\">"
          + "<h1>docgate</h1><p>" + (error == null ? "The first scan is running; this page reloads itself."
              : "The first scan failed: " + Html.escape(error)) + "</p></body></html>";
    }
    List<RunSummary> runs = service.store().runs(0, TREND_RUNS).items();
    List<TrendPoint> trend = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0; i--) {
      RunSummary r = runs.get(i);
      if (r.status() == RunStatus.COMPLETE && r.finishedAt() != null) {
        trend.add(new TrendPoint(r.id(), r.finishedAt(), r.readinessScore(), r.metrics()));
      }
    }
    String name = service.corpus().root().getFileName() == null ? service.corpus().root().toString()
        : service.corpus().root().getFileName().toString();
    return new HtmlReportWriter().write(new HtmlReportData(latest.report(), latest.readiness(), trend,
        "docgate: " + name, "/api/documents/"));
  }
}
