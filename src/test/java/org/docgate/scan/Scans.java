package org.docgate.scan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.docgate.camel.CamelPipeline;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;

/**
 * Scans for tests, through the scan route ({@code direct:scan}) as every command runs them: the pipeline's order is
 * written once, in {@code routes/scan.camel.yaml}.
 */
public final class Scans {
  public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private Scans() {}

  public static ScanReport run(Path corpus) {
    return run(corpus, DocgateConfig.defaults());
  }

  public static ScanReport run(Path corpus, DocgateConfig config) {
    return run(corpus, config, RuleFiles.packaged());
  }

  /**
   * A scan whose validators date their checks by {@code clock}: a real corpus's hand-checked findings hold on the day
   * they were judged (an end of life after the fixture clock, a claim's age).
   */
  public static ScanReport run(Path corpus, Clock clock) {
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).clock(clock).build();
    return run(corpus, new ScanSettings(config, registry, clock));
  }

  /** A scan with a rules folder of one's own ({@code RuleFiles.overlay(dir)}). */
  public static ScanReport run(Path corpus, DocgateConfig config, RuleFiles rules) {
    // the validators date their checks by this clock too (end of life, dated claims): fixtures do not age
    ValidatorRegistry registry = ValidatorRegistry.builder(config, rules).clock(FIXED_CLOCK).build();
    return run(corpus, new ScanSettings(config, registry, FIXED_CLOCK));
  }

  /** A whole-corpus scan with these settings (validators, clock), through the packaged route. */
  public static ScanReport run(Path corpus, ScanSettings settings) {
    try (CamelPipeline pipeline = CamelPipeline.start(settings, null)) {
      return pipeline.scan(new ScanRequest(corpus, settings.clock().instant()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the scan pipeline: " + e.getMessage(), e);
    }
  }

  private static final List<CamelPipeline> OPEN = new ArrayList<>();

  /**
   * A started pipeline for a long-lived user (the service's {@code LiveCorpus}); stopped when the test JVM ends, since
   * the service under test holds it for its whole life.
   */
  public static synchronized CamelPipeline pipeline(DocgateConfig config, ValidatorRegistry registry, Clock clock) {
    try {
      CamelPipeline pipeline = CamelPipeline.start(new ScanSettings(config, registry, clock), null);
      if (OPEN.isEmpty()) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          synchronized (Scans.class) {
            OPEN.forEach(CamelPipeline::close);
          }
        }));
      }
      OPEN.add(pipeline);
      return pipeline;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the scan pipeline: " + e.getMessage(), e);
    }
  }

  /** The number at a dotted path of the report's stats ({@code weblinks.links.ok}), 0 when absent. */
  @SuppressWarnings("unchecked")
  public static long stat(ScanReport report, String dotted) {
    Object node = report.stats();
    for (String part : dotted.split("\\.")) {
      if (!(node instanceof java.util.Map<?, ?> m) || !m.containsKey(part)) {
        return 0;
      }
      node = ((java.util.Map<String, Object>) m).get(part);
    }
    return node instanceof Long l ? l : 0;
  }
}
