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
 * stored runs and findings linking to {@code /api/documents/}. Rendered once per stored run and kept: the page of a
 * 100,000-file corpus is about 20 MB, and every reload used to build it again from the store.
 */
public final class Dashboard {
  static final int TREND_RUNS = 200;

  private record Rendered(long runId, String html) {}

  private volatile Rendered last;

  public String render(ScanService service) {
    ScanService.Latest latest = service.latest();
    if (latest == null) {
      String error = service.lastError();
      return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
          + "content=\"2\"><title>docgate</title></head><body style=\"font-family:sans-serif;margin:2em\">"
          + "<h1>docgate</h1><p>" + (error == null ? "The first scan is running; this page reloads itself."
              : "The first scan failed: " + Html.escape(error)) + "</p></body></html>";
    }
    Rendered r = last;
    return r != null && r.runId() == latest.runId() ? r.html() : renderOnce(service, latest);
  }

  /** One render per run even when many requests arrive together right after it. */
  private synchronized String renderOnce(ScanService service, ScanService.Latest latest) {
    Rendered r = last;
    if (r != null && r.runId() == latest.runId()) {
      return r.html();
    }
    List<RunSummary> runs = service.store().runs(0, TREND_RUNS).items();
    List<TrendPoint> trend = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0; i--) {
      RunSummary run = runs.get(i);
      if (run.status() == RunStatus.COMPLETE && run.finishedAt() != null) {
        trend.add(new TrendPoint(run.id(), run.finishedAt(), run.readinessScore(), run.metrics()));
      }
    }
    String name = service.corpus().root().getFileName() == null ? service.corpus().root().toString()
        : service.corpus().root().getFileName().toString();
    String html = new HtmlReportWriter().write(new HtmlReportData(latest.report(), latest.readiness(), trend,
        "docgate: " + name, "/api/documents/"));
    last = new Rendered(latest.runId(), html);
    return html;
  }
}
