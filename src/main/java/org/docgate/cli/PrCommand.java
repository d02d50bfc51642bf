package org.docgate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.docgate.camel.CamelPipeline;
import org.docgate.finding.Severity;
import org.docgate.http.HttpClients;
import org.docgate.pr.GitHubApi;
import org.docgate.pr.GitHubComments;
import org.docgate.pr.PrAnalysis;
import org.docgate.pr.PrCommentRenderer;
import org.docgate.pr.PrJsonWriter;
import org.docgate.pr.PrResult;
import org.docgate.pr.PrTextWriter;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.scan.ValidatorRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docgate pr --base REF --head REF <repo-dir>}: what a change broke and fixed, optionally as a PR comment. */
@Command(name = "pr", mixinStandardHelpOptions = true,
    description = "Compare two revisions of a git repository: findings new, fixed and pre-existing in the touched "
        + "Markdown files; optionally post them as one pull-request comment that updates itself.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no new finding at the --fail-on severity or worse (default: error)",
        "1:new findings at the --fail-on severity or worse", "2:usage or fatal error"})
final class PrCommand implements Callable<Integer> {
  enum Format { markdown, json, sarif, text }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<repo-dir>", description = "The git repository (its top folder).")
  Path repo;

  @Option(names = "--base", required = true, paramLabel = "REF", description = "The base revision (branch, tag, "
      + "commit).")
  String base;

  @Option(names = "--head", defaultValue = "HEAD", paramLabel = "REF",
      description = "The head revision (default: ${DEFAULT-VALUE}).")
  String head;

  @Option(names = "--format", defaultValue = "text", description = "text, markdown (the PR comment), json or sarif "
      + "(head findings of the touched files) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--sarif-output", paramLabel = "FILE", description = "Also write the SARIF of the touched files to"
      + " FILE (one comparison for both the comment and code scanning).")
  Path sarifOutput;

  @CommandLine.Mixin ScanOptions options;

  @CommandLine.Mixin OutputOption out;

  @Option(names = "--touched-only", description = "Validate only the touched documents (both trees are still parsed"
      + " whole, so links are checked exactly): much faster; readiness then describes the touched files only.")
  boolean touchedOnly;

  @Option(names = "--github-repo", paramLabel = "OWNER/NAME", description = "Link findings to this repository's "
      + "head commit; with --pr, post the comment there (token from GITHUB_TOKEN).")
  String githubRepo;

  @Option(names = "--pr", paramLabel = "N", description = "The pull request to comment on (needs --github-repo).")
  Integer pullRequest;

  @CommandLine.Mixin GitHubOptions github;

  @Option(names = "--git-timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "Time limit for each git command (default: ${DEFAULT-VALUE}).")
  long gitTimeoutSeconds;

  @CommandLine.Mixin SarifOption sarif;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", description = "Exit 1 when the PR "
      + "adds a finding this severe or worse: error, warning or info (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() throws Exception {
    Severity threshold = Checks.severity(spec.commandLine(), "--fail-on", failOn);
    if (pullRequest != null && githubRepo == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--pr needs --github-repo OWNER/NAME");
    }
    String token = pullRequest == null ? null : GitHubOptions.token(spec.commandLine(), "--pr");
    // checked before the scans, so a typo costs milliseconds
    PrCommentRenderer renderer = new PrCommentRenderer(githubRepo);
    Setup setup = options.setup(repo);
    Clock clock = setup.clock();
    ValidatorRegistry registry = setup.registry();
    PrResult result;
    Duration gitTimeout = Duration.ofSeconds(gitTimeoutSeconds);
    // both trees, full or touched-only, go through the scan route (the user's, with --routes)
    try (CamelPipeline pipeline = CamelPipeline.start(setup.settings(), options.routesDir)) {
      result = new PrAnalysis(repo, gitTimeout, ReadinessRules.fromRules(setup.rules()), pipeline, clock, touchedOnly)
          .run(base, head);
    }
    String rendered = switch (format) {
      case markdown -> renderer.render(result);
      case json -> new PrJsonWriter().write(result);
      case text -> new PrTextWriter().write(result);
      case sarif -> sarif(registry, result);
    };
    if (sarifOutput != null) {
      OutputOption.write(sarifOutput, format == Format.sarif ? rendered : sarif(registry, result));
    }
    out.write(rendered, spec.commandLine().getOut());
    if (pullRequest != null) {
      post(format == Format.markdown ? rendered : renderer.render(result), token, clock);
    }
    boolean newErrors = result.findings().added().stream().anyMatch(f -> f.severity().isAtLeast(threshold));
    return newErrors ? DocgateCommand.EXIT_FINDINGS : DocgateCommand.EXIT_OK;
  }

  private void post(String body, String token, Clock clock) throws Exception {
    OkHttpClient client = GitHubOptions.client();
    try {
      GitHubComments comments = new GitHubComments(client, github.api, githubRepo, pullRequest, token, clock,
          Thread::sleep, GitHubApi.backoff());
      GitHubComments.Posted posted = comments.upsert(body);
      spec.commandLine().getErr().println("docgate: " + (posted.updated() ? "updated" : "created") + " the comment on "
          + githubRepo + "#" + pullRequest + (posted.url().isEmpty() ? "" : ": " + posted.url()));
      spec.commandLine().getErr().flush();
    } finally {
      HttpClients.shutdown(client);
    }
  }

  private String sarif(ValidatorRegistry registry, PrResult result) {
    return sarif.writer(registry.catalog()).write(result.head().withFindings(result.headFindingsOfTouchedFiles()));
  }
}
