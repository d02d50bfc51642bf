package org.docgate.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.docgate.finding.Severity;
import org.docgate.http.HttpClients;
import org.docgate.pr.GitHubApi;
import org.docgate.pr.GitHubIssues;
import org.docgate.pr.IssueReportRenderer;
import org.docgate.service.IssueReporter;
import org.docgate.service.ScanService;
import picocli.CommandLine;

/**
 * {@code serve --issue-report}: the token and repository checked at start (a usage error, not a failure six hours
 * later), one client and one thread for the posts, closed with the service. Off without the option.
 */
final class IssueReports implements AutoCloseable {
  private final String repo;
  private final GitHubIssues issues;
  private final OkHttpClient client;
  private final ExecutorService thread;

  private IssueReports(String repo, GitHubIssues issues, OkHttpClient client, ExecutorService thread) {
    this.repo = repo;
    this.issues = issues;
    this.client = client;
    this.thread = thread;
  }

  static IssueReports forServe(CommandLine cmd, String repo, String api, String corpusName) {
    if (repo == null) {
      return new IssueReports(null, null, null, null);
    }
    String token = GitHubOptions.token(cmd, "--issue-report");
    OkHttpClient client = GitHubOptions.client();
    try {
      GitHubIssues issues = new GitHubIssues(client, api, repo, token,
          new IssueReportRenderer(corpusName, Severity.ERROR), Clock.systemUTC(), Thread::sleep, GitHubApi.backoff());
      return new IssueReports(repo, issues, client,
          Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("docgate-issue-report").factory()));
    } catch (IllegalArgumentException e) {
      HttpClients.shutdown(client);
      throw new CommandLine.ParameterException(cmd, "--issue-report: " + e.getMessage());
    }
  }

  /** The service's listener: posts after scheduled runs; does nothing when the option is off. */
  ScanService.Listener listener(PrintWriter log) {
    if (issues == null) {
      return ScanService.Listener.NONE;
    }
    return new IssueReporter((report, readiness) -> issues.publish(report, readiness).describe(repo), thread, log);
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.shutdownNow();
      HttpClients.shutdown(client);
    }
  }
}
