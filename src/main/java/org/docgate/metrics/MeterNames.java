package org.docgate.metrics;

import java.util.Locale;

/**
 * Every docgate meter name, in one place. Names are Micrometer's dotted form; the Prometheus registry renders them
 * snake_case with the base unit appended ({@code docgate.link.validity} + unit {@code ratio} =
 * {@code docgate_link_validity_ratio}) and {@code _total} on counters. The Prometheus names are given beside each.
 *
 * <p>Tags are low-cardinality only: validator (the id of the validator declaring the rule:
 * {@code weblinks} for {@code links/external-broken}), rule (~60 ids), severity, top-level folder, gate,
 * outcome. Never a file path or a URL.
 */
public final class MeterNames {
  /** {@code docgate_documents}: Markdown documents of the latest scan. */
  public static final String DOCUMENTS = "docgate.documents";
  /** {@code docgate_findings{validator,rule,severity}}. */
  public static final String FINDINGS = "docgate.findings";
  /** {@code docgate_folder_findings{folder,severity}}: by top-level folder ({@code .} for files at the root). */
  public static final String FOLDER_FINDINGS = "docgate.folder.findings";
  /** {@code docgate_readiness_ratio}: the readiness score over 100 (0..1). */
  public static final String READINESS = "docgate.readiness";
  /** {@code docgate_readiness_gate_passed{gate,severity}}: 1 pass, 0 fail, NaN not measured. */
  public static final String GATE_PASSED = "docgate.readiness.gate.passed";
  /** {@code docgate_last_successful_scan_timestamp_seconds}: absent until the first successful scan. */
  public static final String LAST_SUCCESS = "docgate.last.successful.scan.timestamp";
  /** {@code docgate_scans_total{outcome="success"|"failure"}}. */
  public static final String SCANS = "docgate.scans";
  /** {@code docgate_scan_duration_seconds} histogram (successful scans). */
  public static final String SCAN_DURATION = "docgate.scan.duration";
  /** {@code docgate_external_links{outcome}}: external links of the latest scan by check outcome. */
  public static final String EXTERNAL_LINKS = "docgate.external.links";
  /** {@code docgate_external_link_cache_requests{result="hit"|"miss"}}: the link cache's lookups. */
  public static final String LINK_CACHE = "docgate.external.link.cache.requests";

  /** {@code docgate_fleet_jobs_total{outcome}}: fleet jobs this worker finished: stored, failed, duplicate, poison. */
  public static final String FLEET_JOBS = "docgate.fleet.jobs";

  /** {@code docgate_fleet_scans_in_flight}: jobs of the corpora topic this worker is working on right now. */
  public static final String FLEET_IN_FLIGHT = "docgate.fleet.scans.in.flight";

  /**
   * {@code docgate_fleet_url_host_wait_seconds_count{outcome}} and {@code ..._sum{outcome}}: a fleet worker's URL
   * checks by outcome, and what they waited for their host's politeness slot (per-host concurrency, interval,
   * Retry-After pause; not the worker's own cap). Never tagged by host: hosts are unbounded.
   */
  public static final String FLEET_HOST_WAIT = "docgate.fleet.url.host.wait";

  /** {@code docgate_fleet_hosts_waiting}: hosts with a request of this worker waiting to start right now. */
  public static final String FLEET_HOSTS_WAITING = "docgate.fleet.hosts.waiting";

  public static final String RATIO = "ratio";
  public static final String SECONDS = "seconds";

  private MeterNames() {}

  /** A report metric's meter: {@code linkValidity} becomes {@code docgate.link.validity} (unit ratio). */
  public static String ratio(String metric) {
    if (!metric.matches("[a-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("a report metric name is camelCase letters and digits: " + metric);
    }
    return "docgate." + metric.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT);
  }
}
