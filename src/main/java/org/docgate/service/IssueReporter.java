package org.docgate.service;

import java.io.PrintWriter;
import java.util.concurrent.Executor;
import org.docgate.finding.PlainText;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;

/**
 * {@code serve --issue-report}: after each stored scheduled run, the corpus's GitHub issue is brought up to date, on
 * its own thread (a rate-limited GitHub may make it wait minutes; the scan lock is not held meanwhile). Watch, start and
 * API runs do not post: the issue follows the schedule, like a CI cron job. A failure is one log line, never a failed
 * run.
 */
public final class IssueReporter implements ScanService.Listener {
  /** Publishes one run; {@code GitHubIssues::publish} in the service. Returns the log line's text. */
  @FunctionalInterface
  public interface Publisher {
    String publish(ScanReport report, Readiness readiness) throws Exception;
  }

  static final String TRIGGER = "schedule";

  private final Publisher publisher;
  private final Executor executor;
  private final PrintWriter log;

  public IssueReporter(Publisher publisher, Executor executor, PrintWriter log) {
    this.publisher = publisher;
    this.executor = executor;
    this.log = log;
  }

  @Override
  public void stored(ScanService.Latest run) {
    if (!TRIGGER.equals(run.trigger())) {
      return;
    }
    executor.execute(() -> {
      String line;
      try {
        line = "docgate: run " + run.runId() + ": " + publisher.publish(run.report(), run.readiness());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        line = "docgate: run " + run.runId() + ": issue report failed: " + e.getMessage();
      }
      synchronized (log) {
        log.println(PlainText.escape(line));
        log.flush();
      }
    });
  }
}
