package org.docgate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.docgate.camel.CamelPipeline;
import org.docgate.report.html.HtmlReportData;
import org.docgate.report.html.HtmlReportWriter;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessJsonWriter;
import org.docgate.report.readiness.ReadinessMarkdownWriter;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.readiness.ReadinessTextWriter;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docgate readiness <dir>}: one full scan, scored against the gates of {@code rules/readiness.yaml}. */
@Command(name = "readiness", mixinStandardHelpOptions = true,
    description = "Scan a corpus and score it against the release gates of rules/readiness.yaml.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:ready", "1:a blocking gate fails or the score is below --min-score",
        "2:usage or fatal error"})
final class ReadinessCommand implements Callable<Integer> {
  enum Format { text, json, markdown, html }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "The corpus folder.")
  Path corpus;

  @Option(names = "--min-score", paramLabel = "N", defaultValue = "0",
      description = "Also exit 1 when the score (0-100) is below N (default: ${DEFAULT-VALUE}).")
  double minScore;

  @Option(names = "--format", defaultValue = "text", description = "text, json, markdown (a gates table) or html "
      + "(the scan's self-contained report page) (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Mixin ScanOptions options;

  @Override
  public Integer call() throws Exception {
    Checks.corpusFolder(corpus);
    Checks.minScore(spec.commandLine(), minScore);
    // Gates are read before the scan so a bad readiness.yaml fails in milliseconds, not after a full scan.
    List<Gate> gates = ReadinessRules.fromRules(options.rules());
    ScanSettings settings = options.setup(corpus).settings();
    ScanReport report;
    try (CamelPipeline pipeline = CamelPipeline.start(settings, options.routesDir)) {
      report = pipeline.scan(new ScanRequest(corpus, settings.clock().instant()));
    }
    Readiness readiness = ReadinessScorer.score(gates, report.metrics(), report.findings());
    String rendered = switch (format) {
      case text -> new ReadinessTextWriter().write(readiness, minScore);
      case json -> new ReadinessJsonWriter().write(readiness, report.corpus(), minScore);
      case html -> new HtmlReportWriter().write(HtmlReportData.forCli(report, readiness, corpus, null, null));
      case markdown -> new ReadinessMarkdownWriter().write(readiness, minScore);
    };
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return readiness.ready(minScore) ? DocgateCommand.EXIT_OK : DocgateCommand.EXIT_FINDINGS;
  }
}
