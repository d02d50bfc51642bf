package org.docgate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.GateResult;
import org.docgate.report.readiness.Readiness;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.Metric;

/**
 * docgate's own meters on a given registry, updated after each scan. Gauges show the latest report only:
 *
 * <ul>
 *   <li>a rule, folder or link outcome with no findings in the latest report stays at 0 (its series is kept, so a
 *       graph drops to zero instead of going stale; the tag sets are bounded);</li>
 *   <li>a quality ratio not measured by the latest scan (null in {@code report.metrics()}, or gone) is NaN, and so is
 *       a readiness gate not measured or no longer configured: NaN compares false in PromQL, so no alert fires on
 *       what was not measured, and Grafana draws a gap;</li>
 *   <li>documents, readiness and the last successful scan timestamp appear at the first successful scan; before it
 *       only {@code docgate_scans_total}, {@code docgate_scan_duration_seconds} and the declared ratios (NaN) and
 *       rules (0) exist.</li>
 * </ul>
 *
 * <p>Thread-safe: one scan's update is applied under a lock, so a scrape sees whole reports (gauge by gauge).
 */
public final class DocgateMeters {
  /** Scan duration buckets, seconds: a small fixture takes well under a second, the reference corpus minutes. */
  static final Duration[] DURATION_BUCKETS = {
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
      Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
      Duration.ofMinutes(30)};

  private final MeterRegistry registry;
  private final ValidatorCatalog catalog;
  private final Set<String> ratioNames = new LinkedHashSet<>();
  private final Map<String, GaugeFamily> ratios = new HashMap<>();
  private final GaugeFamily documents;
  private final GaugeFamily findings;
  private final GaugeFamily folderFindings;
  private final GaugeFamily readiness;
  private final GaugeFamily gates;
  private final GaugeFamily lastSuccess;
  private final GaugeFamily externalLinks;
  private final GaugeFamily linkCache;
  private final Counter successes;
  private final Counter failures;
  private final Timer duration;

  /** Meters that appear as reports bring them. */
  public DocgateMeters(MeterRegistry registry) {
    this(registry, ValidatorCatalog.shipped(), Set.of(), Set.of());
  }

  /**
   * Meters for every quality ratio and rule the validators declare, from the start: ratios NaN until measured,
   * findings 0 per rule at its default severity. A validator whose findings all go away then drops to 0 on a graph
   * instead of vanishing, in the service and in a Pushgateway push alike (a push replaces the whole group).
   */
  public DocgateMeters(MeterRegistry registry, ValidatorRegistry validators) {
    this(registry, validators.catalog(), validators.metrics().stream().map(Metric::name).toList(),
        validators.catalog().rules());
  }

  /** @param catalog who owns each rule: the {@code validator} tag of its findings */
  DocgateMeters(MeterRegistry registry, ValidatorCatalog catalog, Collection<String> knownRatios,
      Collection<Rule> knownRules) {
    this.registry = registry;
    this.catalog = catalog;
    documents = new GaugeFamily(registry, MeterNames.DOCUMENTS,
        "Markdown documents found by the latest successful scan", null, 0);
    findings = new GaugeFamily(registry, MeterNames.FINDINGS,
        "Findings of the latest successful scan by validator, rule and severity", null, 0);
    folderFindings = new GaugeFamily(registry, MeterNames.FOLDER_FINDINGS,
        "Findings of the latest successful scan by top-level folder of the corpus and severity", null, 0);
    readiness = new GaugeFamily(registry, MeterNames.READINESS,
        "Readiness score of the latest successful scan (0..1, the CLI's score over 100)", MeterNames.RATIO,
        Double.NaN);
    gates = new GaugeFamily(registry, MeterNames.GATE_PASSED,
        "Readiness gate of the latest successful scan: 1 passes, 0 fails, NaN not measured", null, Double.NaN);
    lastSuccess = new GaugeFamily(registry, MeterNames.LAST_SUCCESS,
        "When the latest successful scan finished, Unix time", MeterNames.SECONDS, Double.NaN);
    externalLinks = new GaugeFamily(registry, MeterNames.EXTERNAL_LINKS,
        "External links of the latest successful scan by check outcome", null, 0);
    linkCache = new GaugeFamily(registry, MeterNames.LINK_CACHE,
        "Lookups in the external link result cache by result, as counted by the latest successful scan", null, 0);
    successes = scans("success");
    failures = scans("failure");
    duration = Timer.builder(MeterNames.SCAN_DURATION)
        .description("Duration of successful scans")
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry);
    knownRatios.forEach(this::ratio);
    knownRules.forEach(r -> findings.set(ruleTags(r.id(), r.severity()), 0));
  }

  private Tags ruleTags(String rule, Severity severity) {
    return Tags.of("validator", catalog.validatorOf(rule), "rule", rule, "severity", severity.label());
  }

  private Counter scans(String outcome) {
    return Counter.builder(MeterNames.SCANS)
        .description("Scans finished, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Records one successful scan: every gauge now shows this report. */
  public synchronized void record(ScanReport report, Readiness score, Duration took, Instant finishedAt) {
    documents.set(Tags.empty(), report.documents());
    Map<Tags, Double> byRule = new HashMap<>();
    Map<Tags, Double> byFolder = new HashMap<>();
    for (Finding f : report.findings()) {
      byRule.merge(ruleTags(f.rule(), f.severity()), 1.0, Double::sum);
      byFolder.merge(Tags.of("folder", folder(f.path()), "severity", f.severity().label()), 1.0, Double::sum);
    }
    findings.update(byRule);
    folderFindings.update(byFolder);
    report.metrics().keySet().forEach(this::ratio);
    for (String name : ratioNames) {
      Double value = report.metrics().get(name);
      ratios.get(name).set(Tags.empty(), value == null ? Double.NaN : value);
    }
    readiness.set(Tags.empty(), score.score() / 100.0);
    Map<Tags, Double> gateValues = new HashMap<>();
    for (GateResult g : score.gates()) {
      double passed = switch (g.status()) {
        case PASS -> 1;
        case FAIL -> 0;
        case NOT_MEASURED -> Double.NaN;
      };
      gateValues.put(Tags.of("gate", g.gate().name(), "severity", g.gate().severity().label()), passed);
    }
    gates.update(gateValues);
    Map<Tags, Double> outcomes = new HashMap<>();
    ReportStats.counters(report.stats(), "weblinks", "links", "outcome")
        .forEach((outcome, n) -> outcomes.put(Tags.of("outcome", outcome), n.doubleValue()));
    externalLinks.update(outcomes);
    Map<String, Long> cache = ReportStats.counters(report.stats(), "weblinks", "cache");
    Map<Tags, Double> lookups = new HashMap<>();
    if (cache.containsKey("hits") || cache.containsKey("misses")) {
      lookups.put(Tags.of("result", "hit"), cache.getOrDefault("hits", 0L).doubleValue());
      lookups.put(Tags.of("result", "miss"), cache.getOrDefault("misses", 0L).doubleValue());
    }
    linkCache.update(lookups);
    lastSuccess.set(Tags.empty(), finishedAt.toEpochMilli() / 1000.0);
    duration.record(took);
    successes.increment();
  }

  /** Records a scan that did not finish: only the failure counter moves; the gauges keep the last good report. */
  public void recordFailure() {
    failures.increment();
  }

  private void ratio(String metric) {
    if (ratioNames.add(metric)) {
      GaugeFamily family = new GaugeFamily(registry, MeterNames.ratio(metric),
          "Quality ratio " + metric + " of the latest successful scan (0..1; NaN when not measured)",
          MeterNames.RATIO, Double.NaN);
      family.set(Tags.empty(), Double.NaN);
      ratios.put(metric, family);
    }
  }

  /** The top-level folder of a corpus-relative path, {@code .} for a file at the root. */
  static String folder(String path) {
    int slash = path.indexOf('/');
    return slash <= 0 ? "." : path.substring(0, slash);
  }
}
