package org.docgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.docgate.camel.CamelFleet;
import org.docgate.camel.CamelFleetUrls;
import org.docgate.fleet.Checkouts;
import org.docgate.fleet.CorpusWork;
import org.docgate.fleet.FleetJob;
import org.docgate.fleet.KafkaClientSettings;
import org.docgate.fleet.UrlStatus;
import org.docgate.http.Network;
import org.docgate.metrics.Metrics;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.ReportStores;
import org.docgate.scan.ScanSettings;
import org.docgate.validate.weblinks.WebLinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code docgate fleet submit|worker|status}: many repositories scanned by N workers over Apache Kafka. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = "Scan many repositories with several workers: jobs on Apache Kafka, results in a shared PostgreSQL.",
    subcommands = {FleetCommand.Submit.class, FleetCommand.Worker.class, FleetScheduleCommand.class,
        FleetCommand.Status.class})
final class FleetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "give a fleet command: submit, worker, schedule or status");
  }

  /** Where the work topics are; shared by submit and worker. */
  static final class KafkaOptions {
    @Option(names = "--brokers", required = true, paramLabel = "HOST:PORT[,...]",
        description = "The Kafka bootstrap servers.")
    String brokers;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = CamelFleet.Kafka.CORPORA_TOPIC,
        description = "The corpora topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--partitions", defaultValue = "" + CamelFleet.Kafka.PARTITIONS, description = "Partitions of "
        + "the corpora topic when it is created (default: ${DEFAULT-VALUE}); at most this many workers share the work,"
        + " and it cannot change later without remapping repositories.")
    int partitions;

    @Option(names = "--group", paramLabel = "NAME", defaultValue = CamelFleet.Kafka.GROUP,
        description = "The workers' consumer group (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--session-timeout", paramLabel = "MILLIS", defaultValue = "10000", description = "How long a "
        + "silent worker keeps its partitions: the fail-over time after a crash (default: ${DEFAULT-VALUE}).")
    long sessionTimeoutMillis;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client settings (a Java properties "
        + "file: security.protocol, sasl.*, ssl.*) put on every Kafka client of the command, e.g. for SASL or TLS. "
        + "Keep secrets out of it with Kafka's config providers: config.providers=env, "
        + "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider, "
        + "then ${env:NAME} in a value. Secret values are never shown.")
    Path kafkaConfig;

    private KafkaClientSettings client;

    /** The --kafka-config settings (none without it), read once; a bad file is a usage error. */
    KafkaClientSettings client() {
      if (client == null) {
        try {
          client = kafkaConfig == null ? KafkaClientSettings.NONE
              : KafkaClientSettings.load(kafkaConfig, System.getenv());
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("cannot read --kafka-config " + kafkaConfig + ": " + e.getMessage(), e);
        }
      }
      return client;
    }

    CamelFleet.Kafka kafka() {
      return new CamelFleet.Kafka(brokers, topic, group, partitions, Duration.ofMillis(sessionTimeoutMillis),
          client());
    }

    /** For the start line: where the brokers are and with which client settings (secrets hidden). */
    String describe() {
      return brokers + (client().isEmpty() ? "" : " (" + client().describe() + ")");
    }
  }

  @Command(name = "submit", mixinStandardHelpOptions = true, description = "Enqueue corpora to scan, keyed by "
      + "repository: folders the workers can read, or git URLs (with --ref).")
  static final class Submit implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin KafkaOptions kafka;

    @Parameters(arity = "1..*", paramLabel = "<folder|git-url>", description = "What to scan.")
    List<String> sources;

    @Option(names = "--repository", paramLabel = "NAME", description = "The repository's name in the fleet (one "
        + "source only; default: the folder's real path, or the git URL).")
    String repository;

    @Option(names = "--name-prefix", paramLabel = "PREFIX", defaultValue = "", description = "Prepended to each "
        + "repository name, e.g. a team's namespace.")
    String namePrefix;

    @Option(names = "--ref", paramLabel = "REF", description = "With git URLs: the branch, tag or commit.")
    String ref;

    @Override
    public Integer call() throws Exception {
      if (repository != null && sources.size() > 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--repository names one source, got "
            + sources.size());
      }
      Clock clock = Clock.systemUTC();
      List<FleetJob> jobs = new ArrayList<>();
      for (String source : sources) {
        String normalized = source;
        FleetJob probe = new FleetJob("probe", source, null, "probe", clock.instant());
        if (!probe.isGit()) {
          Path folder = Path.of(source);
          if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a folder nor a git URL: " + source);
          }
          normalized = folder.toRealPath().toString();
        }
        String name = repository != null ? repository
            : probe.isGit() ? source : CorpusId.of(Path.of(normalized), null).value();
        jobs.add(FleetJob.submit(namePrefix + name, normalized, probe.isGit() ? ref : null, clock.instant()));
      }
      CamelFleet.submit(kafka.kafka(), jobs);
      for (FleetJob job : jobs) {
        spec.commandLine().getOut().println("submitted " + job.repository() + " (job " + job.jobId() + ")");
      }
      return DocgateCommand.EXIT_OK;
    }
  }

  @Command(name = "worker", mixinStandardHelpOptions = true, description = "Consume the corpora topic: each job "
      + "runs the scan pipeline and is stored in the shared PostgreSQL before its offset is committed. Stops "
      + "cleanly on SIGTERM (the scan in flight is finished and committed).")
  static final class Worker implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin KafkaOptions kafka;

    @Mixin DatabaseOption db;

    @Option(names = "--worker-id", paramLabel = "NAME", description = "This worker's name on its results "
        + "(default: host:pid).")
    String workerId;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where git sources are checked out, one "
        + "folder per job, removed after it (default: a temp folder).")
    Path workDir;

    /** --config, --rules, --renderer, --routes (its fleet/*.camel.yaml too), --only, --offline: the worker's config;
     * a corpus's own .docgate.yaml files apply over it as in scan, unless --config is given (used alone). */
    @Mixin ScanOptions options;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "9877", description = "Serve /metrics "
        + "(consumer lag, jobs by outcome) on --metrics-host:PORT; 0 picks a free port, -1 none (default: "
        + "${DEFAULT-VALUE}; give each worker on one machine its own).")
    int metricsPort;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Where "
        + "/metrics and the health checks (/observe/health/live, /observe/health/ready) listen (default: "
        + "${DEFAULT-VALUE}; 0.0.0.0 in a container, for Prometheus and the kubelet's probes).")
    String metricsHost;

    @Mixin FleetUrlOptions urls;

    @Option(names = "--no-urls", description = "Check external links inline in each corpus scan (as scan does) "
        + "instead of as URL work keyed by host; --offline implies it.")
    boolean noUrls;

    @Option(names = "--no-url-checks", description = "Queue the scans' URLs for the URL workers but do not consume "
        + "the URL topic here (a scan-only worker; URL workers are the others).")
    boolean noUrlChecks;

    @Override
    public Integer call() throws Exception {
      String dbUrl = db.url();
      String worker = ProcessName.or(workerId);
      Path work = workDir != null ? workDir : Files.createTempDirectory("docgate-fleet-");
      CamelFleet.ensureTopics(kafka.kafka());
      try (FleetRepositories fleet = FleetRepositories.open(dbUrl, System.getenv());
          CamelFleetUrls.Side urlSide = options.offline || noUrls ? null : CamelFleetUrls.open(kafka.brokers,
              kafka.client(), urls.topics(kafka.group), urls.hot(), fleet.urls(), WebLinkConfig.fromRules(options.rules()),
              Network.system(), Clock.systemUTC(), worker)) {
        java.util.function.UnaryOperator<Network> online = n -> urlSide == null ? n : n.withUrlBook(urlSide.book());
        Setup setup = options.setup(Path.of(""), java.util.function.UnaryOperator.identity(), null, online);
        CorpusWork corpusWork = new CorpusWork(fleet,
            repository -> ReportStores.open(dbUrl, null, new CorpusId(repository)), new Checkouts(work),
            corpus -> ownSettings(corpus, online), setup.clock(), worker, urlSide == null ? null : urlSide.book());
        var err = spec.commandLine().getErr();
        CamelFleet.worker(setup.settings(), options.routesDir, kafka.kafka(), corpusWork, worker,
            Metrics.prometheusRegistry(), metricsHost, metricsPort, urlSide == null ? null : urls.topics(kafka.group),
            urlSide == null || noUrlChecks ? null : urlSide.work()).run(() -> {
              err.println("docgate fleet worker " + worker + ": consuming " + kafka.topic
                  + (urlSide == null || noUrlChecks ? "" : " and " + urls.urlsTopic) + " at " + kafka.describe()
                  + " (group " + kafka.group + ")");
              err.flush();
            });
      }
      return DocgateCommand.EXIT_OK;
    }

    /** A corpus's own .docgate.yaml is honoured as {@code scan} of its folder would (null: the worker's config). */
    private ScanSettings ownSettings(Path corpus, java.util.function.UnaryOperator<Network> online) {
      try {
        return options.corpusSettings(corpus, online);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read the config of " + corpus + ": " + e.getMessage(), e);
      }
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Every repository of the fleet and its "
      + "newest result, then the URL work per repository and in total (ok, broken, failing, skipped, pending; in "
      + "flight, due, next due), from the shared PostgreSQL.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOption db;

    @Override
    public Integer call() {
      String dbUrl = db.url();
      try (FleetRepositories fleet = FleetRepositories.open(dbUrl, System.getenv())) {
        var out = spec.commandLine().getOut();
        List<FleetResult> all = fleet.all();
        for (FleetResult r : all) {
          out.println(String.join("\t", r.repository(), r.status().name().toLowerCase(java.util.Locale.ROOT),
              r.runId() == null ? "-" : "run " + r.runId(), r.worker(), r.storedAt().toString(),
              r.error() == null ? "" : r.error()));
        }
        out.println(all.size() + " repositories");
        printUrls(out, all, UrlStatus.of(fleet.urls().tallies(Clock.systemUTC().instant())));
      }
      return DocgateCommand.EXIT_OK;
    }

    /** One line per repository (those without URLs at 0), then the fleet's, where a shared URL counts once. */
    private static void printUrls(java.io.PrintWriter out, List<FleetResult> repositories, List<UrlStatus> urls) {
      java.util.Map<String, UrlStatus> byName = new java.util.LinkedHashMap<>();
      repositories.forEach(r -> byName.put(r.repository(), UrlStatus.none(r.repository())));
      UrlStatus total = null;
      for (UrlStatus u : urls) {
        if (u.repository() == null) {
          total = u;
        } else {
          byName.put(u.repository(), u);
        }
      }
      out.println(String.join("\t", "urls of", "urls", "ok", "broken", "failing", "skipped", "pending", "in-flight",
          "due", "next-due"));
      java.util.Map<String, UrlStatus> sorted = new java.util.TreeMap<>(byName);
      for (UrlStatus u : sorted.values()) {
        out.println(urlLine(u.repository(), u));
      }
      out.println(urlLine("all repositories", total));
    }

    private static String urlLine(String name, UrlStatus u) {
      return String.join("\t", name, Long.toString(u.urls()), Long.toString(u.ok()), Long.toString(u.broken()),
          Long.toString(u.failing()), Long.toString(u.skipped()), Long.toString(u.pending()),
          Long.toString(u.inFlight()), Long.toString(u.due()), u.nextDue() == null ? "-" : u.nextDue().toString());
    }
  }
}
