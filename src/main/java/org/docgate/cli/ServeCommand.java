package org.docgate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.docgate.camel.CamelPipeline;
import org.docgate.camel.CamelService;
import org.docgate.config.DocgateConfig;
import org.docgate.corpus.Containment;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.PlainText;
import org.docgate.metrics.DocgateMeters;
import org.docgate.metrics.Metrics;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.report.store.Retention;
import org.docgate.service.Api;
import org.docgate.service.ChangeDetector;
import org.docgate.service.Dashboard;
import org.docgate.service.Debouncer;
import org.docgate.service.GitRevision;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MeterListener;
import org.docgate.service.PollingDetector;
import org.docgate.service.RequestGuard;
import org.docgate.service.RunLog;
import org.docgate.service.ScanService;
import org.docgate.service.ServeSettings;
import org.docgate.service.WatchMode;
import org.docgate.scan.ValidatorRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docgate serve <dir>}: scan, then keep watching, storing every run and serving the API and metrics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run docgate as a service: a full scan at start, re-validation of what changes, a scheduled full "
        + "scan, every run stored, the HTTP API and dashboard, and Prometheus metrics.",
        "POST /api/scans needs 'Authorization: Bearer <token>' when DOCGATE_API_TOKEN is set."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped", "2:usage or fatal error (bad folder, port in use, database unreachable)"})
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "The corpus folder (read only; never written).")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", description = "Where the embedded report store lives (default: "
      + "$DOCGATE_DATA, else $XDG_DATA_HOME/docgate/<corpus>-<hash>, else ~/.local/share/docgate/...). Never inside "
      + "the corpus.")
  Path dataDir;

  @CommandLine.Mixin DatabaseOption db;

  @Option(names = "--corpus-name", paramLabel = "NAME", description = "The corpus's name in the report store "
      + "(default: the folder's real path). Several docgates may share one database, one corpus each; a second one on "
      + "the same corpus is refused.")
  String corpusName;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: "
      + "${DEFAULT-VALUE}; 0.0.0.0 in a container).")
  String host;

  @Option(names = "--allow-host", paramLabel = "NAME", split = ",", description = "Host names the API answers to "
      + "besides localhost and IP addresses (the name in your browser's address bar, e.g. docgate.internal); any other "
      + "Host header is refused (DNS rebinding).")
  List<String> allowHosts = List.of();

  @Option(names = "--port", defaultValue = "8080", description = "API and dashboard port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--management-port", defaultValue = "9876",
      description = "Prometheus /metrics port (default: ${DEFAULT-VALUE}).")
  int managementPort;

  @Option(names = "--watch", paramLabel = "MILLIS", defaultValue = "500", description = "How often the corpus is "
      + "checked for changes, in milliseconds; 0 turns watching off (default: ${DEFAULT-VALUE}).")
  long watchMillis;

  @Option(names = "--watch-mode", paramLabel = "MODE", defaultValue = "auto", description = "How changes are found: "
      + "'events' (the operating system's file events: an idle corpus costs nothing), 'poll' (listing the corpus; for "
      + "network mounts) or 'auto': events, else polling on network file systems or when events are unavailable "
      + "(default: ${DEFAULT-VALUE}).")
  String watchMode;

  @Option(names = "--schedule", paramLabel = "CRON", defaultValue = "0 0 */6 * * ?", description = "Quartz cron of "
      + "the scheduled full scan (external link rot), or 'off' (default: '${DEFAULT-VALUE}').")
  String schedule;

  @Option(names = "--keep-runs", defaultValue = "500", description = "Runs kept in the store (default: "
      + "${DEFAULT-VALUE}; 0: no limit).")
  int keepRuns;

  @Option(names = "--keep-days", defaultValue = "90", description = "Days runs are kept (default: ${DEFAULT-VALUE}; "
      + "0: no limit). The newest complete run is always kept.")
  int keepDays;

  @Option(names = "--min-score", paramLabel = "N", defaultValue = "0", description = "Readiness score (0-100) the "
      + "badge and /api/readiness call ready (default: ${DEFAULT-VALUE}; blocking gates always count).")
  double minScore;

  @CommandLine.Mixin ScanOptions options;

  @Option(names = "--issue-report", paramLabel = "OWNER/NAME", description = "After each scheduled scan, create or "
      + "update the corpus's GitHub issue in this repository (token from GITHUB_TOKEN), as docgate issue-report does.")
  String issueRepo;

  @Option(names = "--github-api", paramLabel = "URL", defaultValue = "https://api.github.com",
      description = "The GitHub REST API for --issue-report (default: ${DEFAULT-VALUE}).")
  String githubApi;

  /** Tests stop the service by counting this down; unset, it runs until the JVM is asked to stop. */
  java.util.concurrent.CountDownLatch stop;

  @Override
  public Integer call() throws Exception {
    Checks.corpusFolder(corpus);
    Checks.minScore(spec.commandLine(), minScore);
    WatchMode mode;
    try {
      mode = WatchMode.parse(watchMode);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path root = corpus.toAbsolutePath().normalize();
    String dbUrl = db.url();
    Path data = dataDir != null ? dataDir.toAbsolutePath().normalize() : defaultDataDir(root);
    if (dbUrl == null && Containment.isInside(data, root)) {
      boolean lexical = data.startsWith(root);
      throw new CommandLine.ParameterException(spec.commandLine(), "the data folder " + data + " is inside the "
          + "corpus" + (lexical ? "" : " (through a symbolic link, really " + Containment.real(data) + ")")
          + "; docgate never writes into the corpus it scans: give --data elsewhere");
    }
    CorpusId corpusId;
    try {
      corpusId = CorpusId.of(root, corpusName);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--corpus-name: " + e.getMessage());
    }
    IssueReports issues = IssueReports.forServe(spec.commandLine(), issueRepo, githubApi,
        corpusName != null ? corpusName : String.valueOf(root.getFileName()));
    // Vert.x only logs a bind failure and keeps running: check both ports first, for a clear error and exit 2
    ensureFree(host, port, "--port");
    ensureFree(host, managementPort, "--management-port");
    List<Gate> gates = ReadinessRules.fromRules(options.rules());
    // the external link cache lives beside the report store, so it survives restarts with the runs
    Setup setup = options.setup(root, UnaryOperator.identity(), data);
    DocgateConfig cfg = setup.config();
    Clock clock = setup.clock();
    ValidatorRegistry registry = setup.registry();
    String cron = "off".equalsIgnoreCase(schedule.strip()) ? null : schedule.strip();
    Duration watch = watchMillis <= 0 ? null : Duration.ofMillis(watchMillis);

    var prometheus = Metrics.prometheusRegistry();
    DocgateMeters meters = new DocgateMeters(prometheus, registry);
    ExecutorService requested = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().daemon().name("docgate-requested-scan").factory());
    // every scan of the service (start, watch, schedule, API) goes through the scan route, the user's when --routes
    try (ReportStore store = ReportStores.open(dbUrl, data, corpusId);
        CamelPipeline pipeline = CamelPipeline.start(setup.settings(), options.routesDir)) {
      CorpusScanner scanner = new CorpusScanner(cfg);
      LiveCorpus live = new LiveCorpus(root, scanner, pipeline, clock);
      var err = spec.commandLine().getErr();
      ChangeDetector detector = watch == null ? new PollingDetector(live, clock)
          : mode.open(live, scanner::isExcludedDirectory, clock, note -> err.println("docgate: " + note));
      boolean git = GitRevision.inWorkTree(root);
      Duration quiet = watch == null ? Duration.ofMillis(500) : watch;
      ScanService service = new ScanService(live, store, gates,
          ScanService.Listener.all(new MeterListener(meters), new RunLog(err), issues.listener(err)), clock,
          new Retention(keepRuns > 0 ? keepRuns : null, keepDays > 0 ? Duration.ofDays(keepDays) : null),
          () -> git ? GitRevision.of(root) : null, new Debouncer(quiet, Duration.ofSeconds(10)), detector);
      String apiToken = System.getenv("DOCGATE_API_TOKEN");
      // a fleet's shared PostgreSQL: GET /api/fleet lists every repository its workers stored
      FleetRepositories fleet = dbUrl != null && dbUrl.startsWith("jdbc:postgresql:")
          ? FleetRepositories.open(dbUrl, System.getenv()) : null;
      Api api = new Api(service, apiToken, requested, minScore,
          new Dashboard()::render, fleet == null ? null : fleet::all);
      ServeSettings settings = new ServeSettings(host, port, managementPort, watch, cron, options.routesDir);
      List<String> names = new java.util.ArrayList<>(allowHosts);
      names.add(host); // the bind address, when it is a name
      try (detector; fleet;
          CamelService camel = CamelService.start(settings, service, api, prometheus, new RequestGuard(names))) {
        err.printf("docgate serving %s%n  dashboard and API: http://%s:%d/%n  metrics: http://%s:%d/metrics%n"
            + "  store: %s (corpus %s)%n  watching: %s%n", PlainText.escape(root.toString()), host, port, host,
            managementPort, PlainText.escape(String.valueOf(dbUrl != null ? ReportStores.redact(dbUrl) : data)),
            PlainText.escape(corpusId.toString()), watch == null ? "off" : service.watching());
        err.println(apiToken == null || apiToken.isBlank()
            ? "  POST /api/scans: off (start with DOCGATE_API_TOKEN set to allow it)"
            : "  POST /api/scans: with 'Authorization: Bearer $DOCGATE_API_TOKEN'");
        err.flush();
        if (stop != null) {
          stop.await();
        } else {
          camel.awaitShutdown();
        }
      }
    } finally {
      requested.shutdownNow();
      issues.close();
    }
    return DocgateCommand.EXIT_OK;
  }

  /** A data folder per corpus outside it: {@code <base>/docgate/<name>-<hash of the absolute path>}. */
  static Path defaultDataDir(Path root) {
    String env = System.getenv("DOCGATE_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    Path name = root.getFileName();
    String hash = HexFormat.of().toHexDigits(root.toString().hashCode());
    return base.resolve("docgate").resolve((name == null ? "root" : name.toString()) + "-" + hash)
        .toAbsolutePath().normalize();
  }

  private void ensureFree(String address, int p, String option) {
    if (p == 0) {
      return;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(address, p));
    } catch (java.io.IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot listen on " + address + ":" + p + " ("
          + option + "): " + e.getMessage());
    }
  }
}
