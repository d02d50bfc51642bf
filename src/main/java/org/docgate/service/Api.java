package org.docgate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.JsonReportWriter;
import org.docgate.report.readiness.ReadinessBadge;
import org.docgate.report.readiness.ReadinessJsonWriter;
import org.docgate.report.store.FindingQuery;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.NoSuchRunException;
import org.docgate.report.store.Page;
import org.docgate.report.store.RunDiff;
import org.docgate.report.store.RunSummary;

/**
 * The service's HTTP API as plain functions: raw request values in (query and path parameters as the client sent
 * them), an {@link ApiResponse} out. Bad parameters are 400, unknown runs or documents 404, never a 500 with a trace.
 */
public final class Api {
  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 1000;
  private static final String DOCUMENTS = "/api/documents/";
  private static final int STORE_PAGE = 5000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScanService service;
  private final String token;
  private final Executor scans;
  private final double minScore;
  private final Function<ScanService, String> dashboard;
  private final Supplier<List<FleetResult>> fleet;

  /**
   * @param token the bearer token {@code POST /api/scans} requires, or null/blank for none
   * @param scans where requested scans run
   * @param dashboard renders {@code GET /} from the service state
   */
  public Api(ScanService service, String token, Executor scans, double minScore,
      Function<ScanService, String> dashboard) {
    this(service, token, scans, minScore, dashboard, null);
  }

  /**
   * @param fleet every repository of the fleet whose shared PostgreSQL this service uses ({@code docgate fleet}), or
   *     null when the store is not a fleet's
   */
  public Api(ScanService service, String token, Executor scans, double minScore,
      Function<ScanService, String> dashboard, Supplier<List<FleetResult>> fleet) {
    this.fleet = fleet;
    this.service = service;
    this.token = token == null || token.isBlank() ? null : token;
    this.scans = scans;
    this.minScore = minScore;
    this.dashboard = dashboard;
  }

  public ApiResponse live() {
    return json(200, Map.of("status", "UP"));
  }

  public ApiResponse ready() {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean ready = service.ready();
    body.put("status", ready ? "UP" : "DOWN");
    body.put("scanning", service.busy());
    if (!ready && service.lastError() != null) {
      body.put("error", service.lastError());
    }
    return json(ready ? 200 : 503, body);
  }

  public ApiResponse runs(String page, String size) {
    return guarded(() -> {
      Page<RunSummary> runs = service.store().runs(pageNumber(page), pageSize(size));
      return json(200, pageMap(runs, runs.items().stream().map(Api::runMap).toList()));
    });
  }

  public ApiResponse run(String id) {
    return guarded(() -> service.store().run(runId(id))
        .map(r -> json(200, runMap(r)))
        .orElseGet(() -> error(404, "no run " + id)));
  }

  public ApiResponse findings(String id, String rule, String severity, String path, String validator, String page,
      String size) {
    return guarded(() -> {
      long runId = runId(id);
      if (service.store().run(runId).isEmpty()) {
        return error(404, "no run " + id);
      }
      FindingQuery query = new FindingQuery(blankToNull(rule), severity(severity), blankToNull(path),
          blankToNull(validator));
      Page<Finding> findings = service.store().findings(runId, query, pageNumber(page), pageSize(size));
      return json(200, pageMap(findings, findings.items().stream().map(JsonReportWriter::toMap).toList()));
    });
  }

  public ApiResponse diff(String id, String base) {
    return guarded(() -> {
      long runId = runId(id);
      long baseId;
      if (base == null || base.isBlank()) {
        Optional<RunSummary> previous = service.store().previousComplete(runId);
        if (previous.isEmpty()) {
          return error(404, "run " + id + " has no earlier complete run; give ?base=ID");
        }
        baseId = previous.get().id();
      } else {
        baseId = runId(base);
      }
      RunDiff diff = service.store().diff(runId, baseId);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("run", diff.runId());
      body.put("base", diff.baseRunId());
      body.put("counts", Map.of("new", diff.added().size(), "fixed", diff.fixed().size(),
          "unchanged", diff.unchanged().size()));
      body.put("new", diff.added().stream().map(JsonReportWriter::toMap).toList());
      body.put("fixed", diff.fixed().stream().map(JsonReportWriter::toMap).toList());
      body.put("unchanged", diff.unchanged().stream().map(JsonReportWriter::toMap).toList());
      return json(200, body);
    });
  }

  /** @param uri the request URI as sent: {@code /api/documents/} and the percent-encoded document path */
  public ApiResponse document(String uri) {
    return guarded(() -> {
      String raw = uri == null ? "" : uri;
      int at = raw.indexOf(DOCUMENTS);
      String path = decodePath(at < 0 ? raw : raw.substring(at + DOCUMENTS.length()));
      if (path.isEmpty()) {
        return error(400, "give a document path: /api/documents/{path}");
      }
      Optional<RunSummary> latest = service.store().latestComplete();
      if (latest.isEmpty()) {
        return error(503, "no complete scan yet");
      }
      if (!service.corpus().hasDocument(path)) {
        return error(404, "no document " + path + " in the corpus");
      }
      List<Finding> all = new ArrayList<>();
      FindingQuery query = new FindingQuery(null, null, path, null);
      for (int page = 0; ; page++) {
        Page<Finding> findings = service.store().findings(latest.get().id(), query, page, STORE_PAGE);
        all.addAll(findings.items());
        if (findings.items().size() < STORE_PAGE) {
          break;
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("path", path);
      body.put("run", latest.get().id());
      body.put("findings", all.stream().map(JsonReportWriter::toMap).toList());
      return json(200, body);
    });
  }

  public ApiResponse readiness() {
    return guarded(() -> {
      ScanService.Latest latest = service.latest();
      if (latest == null) {
        return error(503, "no complete scan yet");
      }
      Map<String, Object> body = new ReadinessJsonWriter().toMap(latest.readiness(), latest.report().corpus(),
          minScore);
      body.put("run", latest.runId());
      Optional<RunSummary> previous = service.store().previousComplete(latest.runId());
      Double before = previous.map(RunSummary::readinessScore).orElse(null);
      body.put("previousRun", previous.map(RunSummary::id).orElse(null));
      body.put("previousScore", before);
      body.put("delta", before == null ? null : latest.readiness().score() - before);
      return json(200, body);
    });
  }

  public ApiResponse badge() {
    ScanService.Latest latest = service.latest();
    return new ApiResponse(200, ApiResponse.SVG, ReadinessBadge.svg(latest == null ? null : latest.readiness(),
        minScore));
  }

  /**
   * {@code POST /api/scans}: 202 started (or queued behind the running scan), 401 no token, 403 wrong token. Without a
   * configured token the endpoint is off (403): an open POST could be fired by any web page the operator visits.
   *
   * @param authorization the request's own {@code Authorization} header (never a query or form parameter)
   */
  public ApiResponse triggerScan(String authorization) {
    if (token == null) {
      return error(403, "POST /api/scans is off: start docgate serve with DOCGATE_API_TOKEN set, then send "
          + "'Authorization: Bearer <token>'");
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return error(401, "this endpoint needs 'Authorization: Bearer <token>'");
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
      return error(403, "wrong token");
    }
    ScanService.Accepted accepted = service.startFullScan("api", scans);
    return json(202, Map.of("status", accepted.name().toLowerCase(Locale.ROOT)));
  }

  public ApiResponse dashboard() {
    return guarded(() -> new ApiResponse(200, ApiResponse.HTML, dashboard.apply(service)));
  }

  /** {@code GET /api/fleet}: every repository of the fleet with its newest result (404 without a fleet). */
  public ApiResponse fleet() {
    if (fleet == null) {
      return error(404, "no fleet: serve with --db pointing at the fleet's shared PostgreSQL");
    }
    return guarded(() -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (FleetResult r : fleet.get()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("repository", r.repository());
        row.put("source", r.source());
        row.put("ref", r.ref());
        row.put("status", r.status().name().toLowerCase(Locale.ROOT));
        row.put("runId", r.runId());
        row.put("worker", r.worker());
        row.put("submittedAt", r.submittedAt().toString());
        row.put("storedAt", r.storedAt().toString());
        row.put("error", r.error());
        rows.add(row);
      }
      return json(200, Map.of("repositories", rows, "total", rows.size()));
    });
  }

  public ApiResponse notFound(String path) {
    return error(404, "no such endpoint: " + path);
  }

  // --- parameters

  /** A bad request value: becomes a 400 with its message. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  static long runId(String raw) {
    if (raw == null || !raw.strip().matches("[0-9]{1,18}")) {
      throw new BadRequest("run id must be a positive number, got '" + raw + "'");
    }
    return Long.parseLong(raw.strip());
  }

  static int pageNumber(String raw) {
    return number(raw, "page", 0, 0, 1_000_000);
  }

  static int pageSize(String raw) {
    return number(raw, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  }

  private static int number(String raw, String name, int fallback, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    if (!raw.strip().matches("[0-9]{1,9}")) {
      throw new BadRequest(name + " must be a number, got '" + raw + "'");
    }
    int n = Integer.parseInt(raw.strip());
    if (n < min || n > max) {
      throw new BadRequest(name + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  static Severity severity(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    for (Severity s : Severity.values()) {
      if (s.label().equalsIgnoreCase(raw.strip())) {
        return s;
      }
    }
    List<String> labels = new ArrayList<>();
    for (Severity s : Severity.values()) {
      labels.add(s.label());
    }
    throw new BadRequest("severity must be one of " + labels + ", got '" + raw + "'");
  }

  static String decodePath(String raw) {
    if (raw == null) {
      return "";
    }
    String p = raw;
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    String encoded = p;
    try {
      p = URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("malformed percent-encoding in path '" + raw + "'");
    }
    // URLDecoder turns bytes that are not UTF-8 (%E0 alone) into U+FFFD: a malformed path, not a name to look up
    if (p.indexOf('\uFFFD') >= 0 && encoded.indexOf('\uFFFD') < 0
        && !encoded.toUpperCase(Locale.ROOT).contains("%EF%BF%BD")) {
      throw new BadRequest("malformed UTF-8 in path '" + raw + "'");
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.contains("\0")) {
      throw new BadRequest("path contains a NUL character");
    }
    return p;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // --- bodies

  private interface Handler {
    ApiResponse handle();
  }

  private static ApiResponse guarded(Handler handler) {
    try {
      return handler.handle();
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (NoSuchRunException e) {
      return error(404, e.getMessage());
    } catch (RuntimeException e) {
      return error(500, "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static Map<String, Object> runMap(RunSummary r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("trigger", r.trigger());
    m.put("status", r.status().name().toLowerCase(Locale.ROOT));
    m.put("corpus", r.corpus());
    m.put("revision", r.revision());
    m.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
    m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
    m.put("documents", r.documents());
    m.put("metrics", r.metrics());
    m.put("readiness", r.readinessScore());
    m.put("findings", r.findingCount());
    m.put("findingsBySeverity", r.findingsBySeverity());
    m.put("error", r.error());
    return m;
  }

  private static Map<String, Object> pageMap(Page<?> page, List<?> items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("page", page.page());
    m.put("size", page.size());
    m.put("total", page.total());
    m.put("items", items);
    return m;
  }

  /** {@code {"status":N,"error":"..."}}, the body of every refusal and error. */
  public static ApiResponse error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    return json(status, body);
  }

  static ApiResponse json(int status, Object body) {
    try {
      return new ApiResponse(status, ApiResponse.JSON, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      return new ApiResponse(500, ApiResponse.JSON, "{\"status\":500,\"error\":\"cannot write JSON\"}");
    }
  }
}
