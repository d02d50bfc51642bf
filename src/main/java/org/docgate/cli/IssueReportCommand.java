package org.docgate.cli;

import java.nio.file.Path;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.docgate.finding.Severity;
import org.docgate.http.HttpClients;
import org.docgate.pr.GitHubApi;
import org.docgate.pr.GitHubIssues;
import org.docgate.pr.IssueReportRenderer;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.ScanReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docgate issue-report <path>... --github-repo OWNER/NAME}: the scan of {@code scan} (same inputs, options and
 * report on stdout), then the corpus's GitHub issue brought up to date ({@link GitHubIssues}); for a CI cron job.
 */
@Command(name = "issue-report", mixinStandardHelpOptions = true,
    description = "Scan like scan, then create or update the corpus's one GitHub issue (token from GITHUB_TOKEN): "
        + "readiness gates, findings new since the previous report, worst files; a comment when something new "
        + "breaks; closed when clean (no finding at --fail-on severity or worse), reopened when not.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no finding at the --fail-on severity or worse (default: no error)",
        "1:findings at the --fail-on severity or worse (the issue is updated first)",
        "2:usage or fatal error, or GitHub refused the update"})
final class IssueReportCommand extends ScanCommand {
  @Option(names = "--github-repo", required = true, paramLabel = "OWNER/NAME", description = "The repository whose "
      + "issue holds the report.")
  String githubRepo;

  @CommandLine.Mixin GitHubOptions github;

  @Option(names = "--corpus-name", paramLabel = "NAME", description = "The corpus's name in the issue title; one "
      + "issue per name and repository (default: the corpus folder's name).")
  String corpusName;

  private ScanReport scanned;

  @Override
  public Integer call() throws Exception {
    String token = GitHubOptions.token(spec.commandLine(), "issue-report");
    if (fix) {
      // a cron job's report does not edit the documents it reports on
      throw new CommandLine.ParameterException(spec.commandLine(), "issue-report: --fix applies to scan only");
    }
    try {
      GitHubApi.checkedRepo(githubRepo);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Severity threshold = Checks.severity(spec.commandLine(), "--fail-on", failOn);
    int exit = super.call(); // the scan and its report, exactly as scan writes them
    Path root = corpus.toAbsolutePath().normalize();
    String name = corpusName != null ? corpusName
        : root.getFileName() == null ? root.toString() : root.getFileName().toString();
    IssueReportRenderer renderer = new IssueReportRenderer(name, threshold);
    Clock clock = Clock.systemUTC();
    OkHttpClient client = GitHubOptions.client();
    try {
      GitHubIssues.Published p = new GitHubIssues(client, github.api, githubRepo, token, renderer, clock,
          Thread::sleep, GitHubApi.backoff())
          .publish(scanned, ReadinessScorer.score(ReadinessRules.fromRules(setup.rules()), scanned.metrics(),
              scanned.findings()));
      spec.commandLine().getErr().println("docgate: " + org.docgate.finding.PlainText.escape(p.describe(githubRepo)));
      spec.commandLine().getErr().flush();
    } finally {
      HttpClients.shutdown(client);
    }
    return exit;
  }

  /** Every finding, whatever --min-severity shows: the issue counts them all. */
  @Override
  ScanReport scanAll() throws Exception {
    scanned = super.scanAll();
    return scanned;
  }
}
