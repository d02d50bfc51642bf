package org.docgate.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.docgate.camel.CamelPipeline;
import org.docgate.config.DocgateConfig;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.SourceFile;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.metrics.Pushgateway;
import org.docgate.metrics.ScanPush;
import org.docgate.report.CodeQualityReportWriter;
import org.docgate.report.GithubAnnotationsWriter;
import org.docgate.report.JUnitReportWriter;
import org.docgate.report.JsonReportWriter;
import org.docgate.report.MarkdownReportWriter;
import org.docgate.report.SourceLines;
import org.docgate.report.TextReportWriter;
import org.docgate.report.html.HtmlReportData;
import org.docgate.report.html.HtmlReportWriter;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.scan.ScanOutcome;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docgate scan <path>...}: one scan of a corpus (or of named files in it), a report, an exit code. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Scan a Markdown corpus once and report findings.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no finding at the --fail-on severity or worse (default: no error)",
        "1:findings at the --fail-on severity or worse",
        "2:usage or fatal error, or the --pushgateway push failed (the report is written first)"})
class ScanCommand implements Callable<Integer> {
  enum Format { text, json, sarif, junit, markdown, html, github, codequality }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<path>", description = "The corpus folder; or several folders, files "
      + "and globs ('**/*.md'): the tree above them is the context, only they are reported.")
  List<String> inputs;

  /** The corpus root, resolved from the inputs. */
  Path corpus;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out corpus-relative paths matching GLOB, as "
      + "corpus.exclude does (repeatable).")
  List<String> excludes = List.of();

  @Option(names = "--no-ignore", description = "Do not read the .gitignore and .docgateignore files.")
  boolean noIgnore;

  @Option(names = "--format", defaultValue = "text",
      description = "text, json, sarif (SARIF 2.1.0), junit (JUnit XML), markdown (a findings table), html (a "
          + "self-contained page), github (GitHub Actions annotations) or codequality (GitLab Code Quality JSON) "
          + "(default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Mixin ScanOptions options;

  @CommandLine.Mixin OutputOption out;

  @Option(names = {"-q", "--quiet"}, description = "Text format: print only the finding lines, no summary and no "
      + "progress.")
  boolean quiet;

  @CommandLine.Mixin SarifOption sarif;

  @Option(names = "--pushgateway", paramLabel = "URL", description = "After the scan, push its docgate_* metrics "
      + "to the Prometheus Pushgateway at URL (job=docgate, instance=the corpus folder name). A failed push exits 2.")
  String pushgateway;

  @Option(names = "--link-base", paramLabel = "URL", description = "html: findings link to URL + their path, e.g. "
      + "https://github.com/o/r/blob/SHA/ (default: the files, as file: URLs; 'none': no links).")
  String linkBase;

  @Option(names = "--path-prefix", paramLabel = "PREFIX", defaultValue = "", description = "github, "
      + "codequality: prepended to each corpus-relative path, e.g. docs/ when the corpus is a folder of the "
      + "repository.")
  String pathPrefix;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", description = "Exit 1 when a "
      + "finding is this severe or worse: error, warning or info (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--min-severity", paramLabel = "SEVERITY", defaultValue = "info", description = "Report only "
      + "findings this severe or worse: error, warning or info (default: ${DEFAULT-VALUE}); metrics and stats still "
      + "count every finding.")
  String minSeverity;

  @Option(names = "--fix", description = "First apply the certain suggestions, as docgate fix --write does (all or "
      + "nothing, exit 2 when a file is not writable), then report the findings that remain.")
  boolean fix;

  // Set by scanAll(), for the report writers and the push.
  Setup setup;
  Inputs in;
  Pushgateway gateway;
  List<Gate> gates;
  List<String> scannedPaths;
  /** The documents the scan parsed: SARIF's fixes quote their lines as read, not the disk again. */
  List<org.docgate.markdown.MarkdownDocument> scanned;

  @Override
  public Integer call() throws Exception {
    Severity failThreshold = Checks.severity(spec.commandLine(), "--fail-on", failOn);
    Severity shownThreshold = Checks.severity(spec.commandLine(), "--min-severity", minSeverity);
    ScanReport all = null;
    if (fix) {
      FixCommand.Applied applied = FixCommand.apply(this, true);
      if (applied.exit() != DocgateCommand.EXIT_OK) {
        return applied.exit();
      }
      all = applied.written() == 0 ? applied.report() : null; // nothing changed: no second scan
    }
    if (all == null) {
      all = scanAll();
    }
    ScanReport report = shownOnly(all, shownThreshold);
    String rendered = switch (format) {
      case json -> new JsonReportWriter().write(report);
      case text -> new TextReportWriter().write(report, true, !quiet);
      case sarif -> sarif.writer(setup.registry().catalog()).write(report, SourceLines.of(scanned));
      case junit -> new JUnitReportWriter().write(report, scannedPaths);
      case html -> new HtmlReportWriter().write(HtmlReportData.forCli(report,
          ReadinessScorer.score(ReadinessRules.fromRules(setup.rules()), all.metrics(), all.findings()), corpus,
          linkBase, out.output));
      case markdown -> new MarkdownReportWriter().write(report);
      case github -> new GithubAnnotationsWriter(pathPrefix).write(report);
      case codequality -> new CodeQualityReportWriter(pathPrefix).write(report);
    };
    out.write(rendered, spec.commandLine().getOut());
    if (gateway != null) {
      try (Pushgateway push = gateway) {
        ScanPush.push(push, all, gates, setup.registry(), corpus);
      }
    }
    return all.findings().stream().anyMatch(f -> f.severity().isAtLeast(failThreshold))
        ? DocgateCommand.EXIT_FINDINGS : DocgateCommand.EXIT_OK;
  }

  /**
   * Resolves the inputs, config and rules and runs the scan: every finding, none filtered. {@code fix} reuses it, so
   * it fixes exactly what {@code scan} reports.
   */
  ScanReport scanAll() throws Exception {
    in = Inputs.resolve(inputs, Path.of(""));
    corpus = in.root();
    // The gates and the URL are checked before the scan: a bad readiness.yaml or URL fails in milliseconds.
    gates = pushgateway == null ? List.of() : ReadinessRules.fromRules(options.rules());
    gateway = pushgateway == null ? null
        : Pushgateway.at(pushgateway, new Version().getVersion()[0].replace(' ', '/'));
    // The validators are built while Camel starts and the corpus is read and parsed (the rules are ~1 s of start-up
    // on one core); a failure of their building is still the one reported when something else fails too.
    setup = options.setupInBackground(corpus, cfg -> {
      DocgateConfig more = cfg.withMoreExcludes(excludes);
      return noIgnore ? more.withIgnoreFiles(false) : more;
    });
    ScanSettings settings = setup.settings();
    ScanReport report;
    try (Progress progress = Progress.startIfTerminal(spec.commandLine().getErr(), !quiet, settings.progress());
        CamelPipeline pipeline = CamelPipeline.start(settings, options.routesDir)) {
      ScanRequest request = new ScanRequest(corpus, settings.clock().instant());
      ScanOutcome outcome = in.selected() == null ? pipeline.run(request)
          : selectedOnly(pipeline, request, setup.config(), in, inputs);
      scannedPaths = scannedPaths(outcome, in);
      scanned = outcome.state().indexed().documents();
      report = in.selected() == null ? outcome.report() : namedOnly(outcome.report(), in);
    } catch (Exception e) {
      setup.registry().awaitBuilt();
      throw e;
    }
    return report;
  }

  /** The report with only the findings at or above {@code threshold}; metrics and stats stay those of the scan. */
  static ScanReport shownOnly(ScanReport report, Severity threshold) {
    if (threshold == Severity.INFO) {
      return report;
    }
    return report.withFindings(report.findings().stream().filter(f -> f.severity().isAtLeast(threshold)).toList());
  }

  /**
   * Named files: the whole tree is read and indexed (links are checked against all of it), only the named documents
   * are validated (the route with a scope, as {@code pr --touched-only} does), and only their findings are reported.
   */
  private static ScanOutcome selectedOnly(CamelPipeline pipeline, ScanRequest request, DocgateConfig cfg, Inputs in,
      List<String> inputs) throws java.io.IOException {
    org.docgate.corpus.CorpusListing listing = new org.docgate.scan.Intake(new org.docgate.corpus.CorpusScanner(cfg))
        .collect(request);
    Set<String> named = new java.util.HashSet<>();
    listing.markdown().forEach(f -> {
      if (in.selected().test(f.path())) {
        named.add(f.path());
      }
    });
    if (named.isEmpty()) {
      // a glob or file list that selects nothing is a typo far more often than an intended empty run
      throw new java.nio.file.NoSuchFileException("no Markdown document matches " + String.join(", ", inputs)
          + " under " + in.root());
    }
    return pipeline.run(request.withListing(listing).withScope(org.docgate.scan.Scope.only(named)));
  }

  /** Only the findings of the named files (intake's findings cover the whole tree). */
  private static ScanReport namedOnly(ScanReport all, Inputs in) {
    return all.withFindings(all.findings().stream().filter(f -> in.selected().test(f.path())).toList());
  }

  /** The Markdown files the scan read (parsed or not) and reported, for one testcase each (JUnit). */
  private static List<String> scannedPaths(ScanOutcome outcome, Inputs in) {
    return outcome.state().indexed().loaded().stream().map(org.docgate.corpus.LoadedDocument::path)
        .filter(p -> in.selected() == null || in.selected().test(p)).sorted().toList();
  }
}
