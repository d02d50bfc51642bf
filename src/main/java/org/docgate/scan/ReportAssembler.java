package org.docgate.scan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.corpus.LoadedDocument;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.report.ScanReport;
import org.docgate.validate.ValidationResult;

/**
 * Pipeline stage 5: one report from all per-document results and the corpus-wide ones, by the request's own validators
 * and clock when it brings its settings; the previous scan's {@link ReportParts} are reused for the results it kept.
 */
public final class ReportAssembler {
  private final Clock clock;
  private final ValidatorRegistry registry;

  public ReportAssembler(Clock clock, ValidatorRegistry registry) {
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * The report of a scan: this scan's per-document results, the previous scan's for documents (and scope groups) this
   * one did not validate, and the validators' corpus-wide results; with the state the next scan may reuse.
   */
  public ScanOutcome assemble(PreparedScan scan, List<DocumentResult> fresh) {
    IndexedCorpus corpus = scan.indexed();
    ScanRequest request = scan.request();
    ValidatorRegistry registry = request.settings() == null ? this.registry : request.settings().registry();
    Map<String, DocumentResult> results = new HashMap<>();
    for (MarkdownDocument doc : corpus.documents()) {
      DocumentResult kept = request.previous().results().get(doc.path());
      if (kept != null) {
        results.put(doc.path(), kept);
      }
    }
    for (DocumentResult r : fresh) {
      results.merge(r.path(), r, DocumentResult::updatedBy);
    }
    List<DocumentResult> ordered = new ArrayList<>();
    for (MarkdownDocument doc : corpus.documents()) {
      DocumentResult r = results.get(doc.path());
      if (r != null) {
        ordered.add(r);
      }
    }
    ValidationResult corpusWide = registry.corpusResult(scan.prepared(), corpus.index());
    ReportParts parts = request.previous().reportParts()
        .next(registry.applyOverrides(corpus.intakeFindings()), ordered, corpusWide.findings());
    Map<String, LoadedDocument> loaded = new HashMap<>();
    corpus.loaded().forEach(l -> loaded.put(l.path(), l));
    return new ScanOutcome(report(request, corpus, parts, corpusWide, registry),
        new ScanState(loaded, results, scan.prepared(), corpus, parts));
  }

  private ScanReport report(ScanRequest request, IndexedCorpus corpus, ReportParts parts, ValidationResult corpusWide,
      ValidatorRegistry registry) {
    Clock clock = request.settings() == null ? this.clock : request.settings().clock();
    Map<String, Long> counters = parts.counters();
    corpusWide.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
    counters.put("documents.parsed", (long) corpus.documents().size());
    Map<String, Double> metrics = new LinkedHashMap<>();
    registry.metrics().forEach(m -> metrics.put(m.name(), m.valueOf(counters)));
    Map<String, Object> stats = new TreeMap<>(counters);
    stats.putAll(registry.facts(corpus.index()));
    return new ScanReport(ScanReport.SCHEMA, request.corpus().toString(), request.startedAt(), clock.instant(),
        corpus.fileCount(), metrics, nest(stats), parts.findings());
  }

  /** {@code a.b.c = 1} becomes {@code {a: {b: {c: 1}}}}; values are counts or facts (strings). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nest(Map<String, ?> counters) {
    Map<String, Object> root = new TreeMap<>();
    for (Map.Entry<String, ?> e : counters.entrySet()) {
      String[] parts = e.getKey().split("\\.");
      Map<String, Object> node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new TreeMap<String, Object>());
      }
      node.put(parts[parts.length - 1], e.getValue());
    }
    return root;
  }
}
