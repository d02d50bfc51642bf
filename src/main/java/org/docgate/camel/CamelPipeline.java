package org.docgate.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.main.Main;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.markdown.MarkdownParser;
import org.docgate.scan.Indexer;
import org.docgate.scan.Intake;
import org.docgate.scan.ReportAssembler;
import org.docgate.scan.Loading;
import org.docgate.scan.ScanOutcome;
import org.docgate.scan.ScanPipeline;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.Validation;

/**
 * The only place that knows Camel: boots Camel Main, binds the pipeline's plain-Java beans, loads the route files
 * (packaged ones from the jar, or a user's folder), and runs scans through {@code direct:scan}: every command's and
 * the service's, whatever their scope.
 */
public final class CamelPipeline implements ScanPipeline, AutoCloseable {
  private final Main main;
  private final ExecutorService pool;

  private CamelPipeline(Main main, ExecutorService pool) {
    this.main = main;
    this.pool = pool;
  }

  /**
   * Starts Camel with the routes of {@code routesDir} ({@code *.camel.yaml}), or the packaged routes when null.
   */
  public static CamelPipeline start(ScanSettings settings, Path routesDir) throws Exception {
    Main main = new Main();
    ExecutorService pool = bind(main, settings);
    main.configure().withRoutesIncludePattern(routesPattern(routesDir));
    // the service's routes (routes/serve/) are not part of a scan; Camel's "*" also matches sub-folders
    main.configure().withRoutesExcludePattern("**/serve/*");
    main.configure().setJmxEnabled(false);
    main.configure().setShutdownTimeout(5);
    main.start();
    return new CamelPipeline(main, pool);
  }

  /**
   * Binds the scan pipeline's beans ({@code direct:scan} of routes/scan.camel.yaml) into {@code main}; returns the
   * pool its parallel splits run on, which the caller shuts down. Every process that scans (scan, a fleet worker)
   * binds them here, so there is one pipeline.
   */
  static ExecutorService bind(Main main, ScanSettings settings) {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    main.bind("scanPool", pool);
    main.bind("collectBodies", new CollectBodies());
    main.bind("intake", new Intake(new CorpusScanner(settings.config())));
    main.bind("loader", new Loading(new DocumentLoader(new MarkdownParser())));
    main.bind("indexer", new Indexer());
    main.bind("progress", settings.progress());
    main.bind("validation", new Validation(settings.registry()));
    main.bind("assembler", new ReportAssembler(settings.clock(), settings.registry()));
    return pool;
  }

  /**
   * The user's {@code *.camel.yaml} (not its serve/ sub-folder) with the packaged error configuration when it has no
   * errors.camel.yaml; the packaged routes when it has none of its own (a folder that only overrides serve routes).
   */
  static String routesPattern(Path routesDir) {
    if (routesDir == null) {
      return PackagedRoutes.pattern("routes");
    }
    if (!Files.isDirectory(routesDir)) {
      throw new IllegalArgumentException("routes folder not found: " + routesDir);
    }
    Path dir = routesDir.toAbsolutePath().normalize();
    try (var files = Files.list(dir)) {
      if (files.noneMatch(f -> f.getFileName().toString().endsWith(".camel.yaml") && Files.isRegularFile(f))) {
        return PackagedRoutes.pattern("routes");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list routes folder " + routesDir, e);
    }
    String mine = "file:" + dir + "/*.camel.yaml";
    return Files.isRegularFile(dir.resolve("errors.camel.yaml")) ? mine
        : mine + ",classpath:routes/errors.camel.yaml";
  }

  /** The report of one request. */
  public ScanReport scan(ScanRequest request) {
    return run(request).report();
  }

  @Override
  public ScanOutcome run(ScanRequest request) {
    try {
      return main.getCamelTemplate().requestBody("direct:scan", request, ScanOutcome.class);
    } catch (CamelExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    } catch (Exception e) {
      throw new IllegalStateException("scan pipeline failed: " + e.getMessage(), e);
    }
  }

  /** Route ids loaded, for diagnostics and tests. */
  public List<String> routeIds() {
    List<String> ids = new ArrayList<>();
    main.getCamelContext().getRoutes().forEach(r -> ids.add(r.getRouteId()));
    return ids;
  }

  @Override
  public void close() {
    stop(main, pool);
  }

  /** Stops Camel, then the pool the split ran on even when stopping failed: the end of a pipeline and of a fleet. */
  static void stop(Main main, ExecutorService pool) {
    try {
      main.stop();
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "docgate-scan-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
