package org.docgate.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.docgate.fleet.CorpusWork;
import org.docgate.metrics.FleetMeters;
import org.docgate.fleet.FleetJob;
import org.docgate.fleet.KafkaClientSettings;
import org.docgate.scan.ScanSettings;

/**
 * Fleet mode on Apache Kafka through camel-kafka: a worker is Camel Main with the scan pipeline's beans (the one
 * {@code direct:scan}) and the fleet routes (routes/fleet/*.camel.yaml) consuming the work topics; submit produces
 * jobs keyed by repository.
 */
public final class CamelFleet implements AutoCloseable {
  /**
   * Where the fleet's work lives.
   *
   * @param partitions of the corpora topic, fixed when it is created (changing it later remaps repositories)
   * @param sessionTimeout how long a silent worker keeps its partitions: the fail-over time after a kill -9
   * @param client the operator's client settings (security, --kafka-config), put over every client's own
   */
  public record Kafka(String brokers, String corporaTopic, String group, int partitions, Duration sessionTimeout,
      KafkaClientSettings client) {
    public Kafka(String brokers, String corporaTopic, String group, int partitions, Duration sessionTimeout) {
      this(brokers, corporaTopic, group, partitions, sessionTimeout, KafkaClientSettings.NONE);
    }

    public static final String CORPORA_TOPIC = "docgate.corpora";
    public static final String GROUP = "docgate-fleet";
    public static final int PARTITIONS = 12;
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
  }

  /** The id of the route of routes/fleet/corpora.camel.yaml: its exchanges in flight are the jobs in flight. */
  static final String CORPORA_ROUTE = "fleet-corpora";

  /** The longest a corpus scan may take before the group takes its partition away (max.poll.interval.ms). */
  static final Duration MAX_SCAN = Duration.ofMinutes(10);

  private final Main main;
  private final ExecutorService pool;
  private final Runnable stopping;

  private CamelFleet(Main main, ExecutorService pool, Runnable stopping) {
    this.main = main;
    this.pool = pool;
    this.stopping = stopping;
  }

  /**
   * Configures a worker; {@link #start()} it (tests) or {@link #run()} it until SIGTERM (the CLI).
   *
   * @param metricsPort where {@code /metrics} is served on 127.0.0.1 (0: any free port), or -1 for none
   */
  public static CamelFleet worker(ScanSettings settings, Path routesDir, Kafka kafka, CorpusWork work, String worker,
      PrometheusMeterRegistry registry, int metricsPort) {
    return worker(settings, routesDir, kafka, work, worker, registry, "127.0.0.1", metricsPort, null, null);
  }

  /** As below, without URL work: the external links of its scans are checked inline. */
  public static CamelFleet worker(ScanSettings settings, Path routesDir, Kafka kafka, CorpusWork work, String worker,
      PrometheusMeterRegistry registry, String metricsHost, int metricsPort) {
    return worker(settings, routesDir, kafka, work, worker, registry, metricsHost, metricsPort, null, null);
  }

  /**
   * A worker with {@code /metrics} and the health checks ({@code /observe/health/live}, {@code .../ready}: the Kafka
   * consumer's among them) served on {@code metricsHost} (0.0.0.0 in a container, so Prometheus and the kubelet reach
   * them), that also checks external URLs (routes/fleet/urls.camel.yaml) when {@code urlWork} is given: the URL
   * topic's partitions it owns, within the per-host limits (see {@link CamelFleetUrls}).
   */
  public static CamelFleet worker(ScanSettings settings, Path routesDir, Kafka kafka, CorpusWork work, String worker,
      PrometheusMeterRegistry registry, String metricsHost, int metricsPort, CamelFleetUrls.Topics urlTopics,
      org.docgate.fleet.UrlWork urlWork) {
    Main main = new Main();
    boolean urls = urlWork != null;
    if (urls) {
      CamelFleetUrls.bind(main, urlTopics, urlWork);
      FleetMeters.bindUrls(registry, urlWork.hostWaits(), urlWork::hostsWaiting);
      // SIGTERM: before the routes stop, the URL checks not started are given up, so the URL route's consumer is
      // free at once to commit what is stored and leave the group, and the other workers take its hosts over within
      // seconds (finishing up to ten polls of checks first took minutes, and no other worker got them)
      main.addMainListener(new MainListenerSupport() {
        @Override
        public void beforeStop(BaseMainSupport m) {
          urlWork.stop();
        }
      });
    }
    ExecutorService pool = CamelPipeline.bind(main, settings);
    main.bind("corpusWork", work);
    main.bind("kafkaCommit", new KafkaCommit());
    main.bind("meteredKafkaClients", new MeteredKafkaClients(registry, kafka.client()));
    // on the component, not only on the routes: every camel-kafka client of the worker (the URL route's, a user's
    // --routes) gets the operator's security settings
    main.addInitialProperty("camel.component.kafka.kafkaClientFactory", "#meteredKafkaClients");
    FleetMeters.bind(registry, work);
    FleetMeters.bindInFlight(registry, () -> main.getCamelContext() == null ? 0
        : main.getCamelContext().getInflightRepository().size(CORPORA_ROUTE));
    if (metricsPort >= 0) {
      CamelService.serveMetrics(main, registry, metricsHost, metricsPort);
      main.addInitialProperty("camel.management.healthCheckEnabled", "true");
    }
    main.addInitialProperty("docgate.fleet.brokers", kafka.brokers());
    main.addInitialProperty("docgate.fleet.corpora-topic", kafka.corporaTopic());
    main.addInitialProperty("docgate.fleet.group", kafka.group());
    main.addInitialProperty("docgate.fleet.worker", worker);
    main.addInitialProperty("docgate.fleet.session-timeout-ms", Long.toString(kafka.sessionTimeout().toMillis()));
    // the Kafka client's rule of thumb: heartbeats at a third of the session timeout
    main.addInitialProperty("docgate.fleet.heartbeat-ms", Long.toString(kafka.sessionTimeout().toMillis() / 3));
    main.addInitialProperty("docgate.fleet.max-scan-ms", Long.toString(MAX_SCAN.toMillis()));
    main.configure().withRoutesIncludePattern(routesPattern(routesDir, urls));
    main.configure().withRoutesExcludePattern(urls ? "**/serve/*" : "**/serve/*,**/" + URL_ROUTES);
    main.configure().setJmxEnabled(false);
    // SIGTERM: the scan in flight finishes and is committed, then the consumer leaves the group (a clean hand-off)
    main.configure().setShutdownTimeout((int) MAX_SCAN.toSeconds());
    return new CamelFleet(main, pool, urls ? urlWork::stop : () -> { });
  }

  /** The scan pipeline and the fleet routes, packaged or from the user's folder (its fleet/ sub-folder). */
  static String routesPattern(Path routesDir) {
    return routesPattern(routesDir, true);
  }

  /** The URL route's file: left out of a worker that does not check URLs (its beans are not bound). */
  static final String URL_ROUTES = "urls.camel.yaml";

  static String routesPattern(Path routesDir, boolean urls) {
    if (routesDir == null) {
      String fleet = String.join(",", java.util.Arrays.stream(PackagedRoutes.pattern("routes/fleet").split(","))
          .filter(r -> urls || !r.endsWith("/" + URL_ROUTES)).toList());
      return PackagedRoutes.pattern("routes") + "," + fleet;
    }
    Path dir = routesDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.resolve("fleet"))) {
      throw new IllegalArgumentException("no fleet/ folder in the routes folder " + routesDir);
    }
    return "file:" + dir + "/*.camel.yaml,file:" + dir.resolve("fleet") + "/*.camel.yaml";
  }

  public void start() throws Exception {
    main.start();
  }

  /** The port {@code /metrics} is served on, or -1. */
  public int metricsPort() {
    return CamelService.managementPort(main);
  }

  /**
   * Runs until the JVM is asked to stop (SIGTERM, Ctrl-C), then shuts down gracefully; {@code started} runs once the
   * routes consume (scripts wait for the line it prints).
   */
  public void run(Runnable started) throws Exception {
    main.addMainListener(new MainListenerSupport() {
      @Override
      public void afterStart(BaseMainSupport m) {
        started.run();
      }
    });
    try {
      main.run();
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    stopping.run();
    CamelPipeline.stop(main, pool);
  }

  /**
   * How long submit (and a starting worker) waits for a broker that does not answer: the producer's own
   * delivery.timeout.ms, so a submit during a broker restart waits for it as its records would (it was 30 s, and a
   * broker restarting on a loaded machine took longer: FleetBrokerRestartTest).
   */
  static final Duration BROKER_WAIT = Duration.ofMinutes(2);

  /** Creates the corpora topic with its partition count when it does not exist yet; an existing one is kept. */
  public static void ensureTopics(Kafka kafka) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
    try (Admin admin = admin(kafka.client().applyTo(props), kafka.client())) {
      admin.createTopics(List.of(new NewTopic(kafka.corporaTopic(), kafka.partitions(), (short) 1)))
          .all().get(BROKER_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(kafka.client().mask("cannot create the topic " + kafka.corporaTopic() + " at "
            + kafka.brokers() + ": " + e.getCause().getMessage()), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("no Kafka broker answered at " + kafka.brokers() + " within "
          + BROKER_WAIT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the fleet topics", e);
    }
  }

  /**
   * An admin client; a setting Kafka rejects (a bad JAAS line, an unknown protocol) fails with its message, secrets
   * hidden, instead of a stack trace that could quote them.
   */
  static Admin admin(Properties props, KafkaClientSettings client) {
    try {
      return Admin.create(props);
    } catch (org.apache.kafka.common.KafkaException e) {
      Throwable why = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(client.mask("cannot make a Kafka client with these settings: "
          + why.getMessage()), null);
    }
  }

  /**
   * Produces the jobs to the corpora topic, keyed by repository (acks from all replicas, idempotent producer), and
   * returns once the broker has them all.
   */
  public static void submit(Kafka kafka, List<FleetJob> jobs) throws Exception {
    ensureTopics(kafka);
    try (CamelContext context = new DefaultCamelContext()) {
      KafkaComponent component = new KafkaComponent();
      component.setKafkaClientFactory(new ConfiguredKafkaClients(kafka.client()));
      context.addComponent("kafka", component);
      context.start();
      ProducerTemplate producer = context.createProducerTemplate();
      String uri = "kafka:" + kafka.corporaTopic() + "?brokers=" + kafka.brokers()
          + "&requestRequiredAcks=all&enableIdempotence=true";
      for (FleetJob job : jobs) {
        producer.sendBodyAndHeaders(uri, job.toJson(), Map.of(KafkaConstants.KEY, job.repository()));
      }
    }
  }
}
