package org.docgate.camel;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.docgate.service.Api;
import org.docgate.service.RequestGuard;
import org.docgate.service.ScanService;
import org.docgate.service.ServeSettings;

/**
 * Boots {@code docgate serve}: Camel Main with the embedded HTTP server (API, dashboard, health), the management
 * server ({@code /metrics} from the one Prometheus registry bound as {@code metricsRegistry}), and the serve routes
 * (start, watch, schedule, API), each step a method of the service beans.
 */
public final class CamelService implements AutoCloseable {
  private final Main main;

  private CamelService(Main main) {
    this.main = main;
  }

  /** Starts with the default request guard: localhost, IP literals, and the bind address when it is a name. */
  public static CamelService start(ServeSettings settings, ScanService service, Api api,
      PrometheusMeterRegistry registry) throws Exception {
    return start(settings, service, api, registry, new RequestGuard(List.of(settings.host())));
  }

  public static CamelService start(ServeSettings settings, ScanService service, Api api,
      PrometheusMeterRegistry registry, RequestGuard guard) throws Exception {
    Main main = new Main();
    HttpGuard httpGuard = new HttpGuard(guard);
    main.bind("httpGuard", httpGuard);
    main.bind("service", service);
    main.bind("api", api);
    main.bind("httpAnswers", new HttpAnswers());
    main.addInitialProperty("camel.server.enabled", "true");
    main.addInitialProperty("camel.server.host", settings.host());
    main.addInitialProperty("camel.server.port", Integer.toString(settings.port()));
    serveMetrics(main, registry, settings.host(), settings.managementPort());
    main.addInitialProperty("docgate.watch.enabled", Boolean.toString(settings.watchPeriod() != null));
    main.addInitialProperty("docgate.watch.period",
        Long.toString(settings.watchPeriod() == null ? 1000 : settings.watchPeriod().toMillis()));
    main.addInitialProperty("docgate.schedule.enabled", Boolean.toString(settings.cron() != null));
    main.addInitialProperty("docgate.schedule.cron", settings.cron() == null ? "0 0 3 * * ?" : settings.cron());
    main.configure().withRoutesIncludePattern(routesPattern(settings.routesDir()));
    main.configure().setJmxEnabled(false);
    main.configure().setShutdownTimeout(5);
    // the guard goes on the router once the HTTP server exists and before the routes start: no request is served
    // unguarded, not even during start-up
    main.addMainListener(new MainListenerSupport() {
      @Override
      public void afterConfigure(BaseMainSupport configured) {
        try {
          configured.getCamelContext().addStartupListener((context, alreadyStarted) -> httpGuard.install(context));
        } catch (Exception e) {
          throw new IllegalStateException("cannot install the HTTP request guard", e);
        }
      }
    });
    main.start();
    CamelService started = new CamelService(main);
    if (!httpGuard.installed()) {
      started.close(); // never serve without the guard
      throw new IllegalStateException("the HTTP request guard could not be installed");
    }
    return started;
  }

  /**
   * Prometheus {@code /metrics} of {@code registry} on Camel's management server at {@code host:port} (serve's
   * {@code --management-port}, a fleet worker's {@code --metrics-port}).
   */
  static void serveMetrics(Main main, PrometheusMeterRegistry registry, String host, int port) {
    main.bind("metricsRegistry", registry);
    main.addInitialProperty("camel.management.enabled", "true");
    main.addInitialProperty("camel.management.host", host);
    main.addInitialProperty("camel.management.port", Integer.toString(port));
    main.addInitialProperty("camel.management.metricsEnabled", "true");
    main.addInitialProperty("camel.metrics.enabled", "true");
    main.addInitialProperty("camel.metrics.path", "/metrics");
    main.addInitialProperty("camel.metrics.namingStrategy", "default");
  }

  /** The shared error configuration and the serve routes, packaged or from the user's folder. */
  static String routesPattern(Path routesDir) {
    String errors = "classpath:routes/errors.camel.yaml";
    String serve = PackagedRoutes.pattern("routes/serve");
    if (routesDir != null) {
      Path dir = routesDir.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("routes folder not found: " + routesDir);
      }
      if (Files.isRegularFile(dir.resolve("errors.camel.yaml"))) {
        errors = "file:" + dir.resolve("errors.camel.yaml");
      }
      if (Files.isDirectory(dir.resolve("serve"))) {
        serve = "file:" + dir.resolve("serve") + "/*.camel.yaml";
      }
    }
    return errors + "," + serve;
  }

  /** The API port actually bound (useful with port 0). */
  public int port() {
    MainHttpServer server = main.getCamelContext().hasService(MainHttpServer.class);
    return server == null ? -1 : server.getPort();
  }

  /** The management (metrics) port actually bound. */
  public int managementPort() {
    return managementPort(main);
  }

  /** The port of {@code main}'s management server ({@link #serveMetrics}), or -1 when it has none. */
  static int managementPort(Main main) {
    var server = main.getCamelContext()
        .hasService(org.apache.camel.component.platform.http.main.ManagementHttpServer.class);
    return server == null ? -1 : server.getPort();
  }

  /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then stops Camel. */
  public void awaitShutdown() throws InterruptedException {
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      close();
      stopped.countDown();
    }, "docgate-shutdown"));
    stopped.await();
  }

  @Override
  public void close() {
    main.stop();
  }
}
