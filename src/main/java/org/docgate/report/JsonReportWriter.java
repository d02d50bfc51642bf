package org.docgate.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;

/** The {@code docgate/report@1} JSON contract. Later versions add fields; none is renamed or removed. */
public final class JsonReportWriter {

  public String write(ScanReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", report.schema());
    root.put("corpus", report.corpus());
    root.put("startedAt", report.startedAt().toString());
    root.put("finishedAt", report.finishedAt().toString());
    root.put("documents", report.documents());
    root.put("metrics", report.metrics());
    root.put("stats", report.stats());
    List<Map<String, Object>> findings = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      findings.add(toMap(f));
    }
    root.put("findings", findings);
    return JsonText.indented(root);
  }

  public static Map<String, Object> toMap(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("severity", f.severity().label());
    m.put("path", f.path());
    m.put("line", f.line());
    m.put("column", f.column());
    m.put("message", f.message());
    m.put("target", f.target());
    m.put("suggestion", f.suggestion());
    m.put("fingerprint", f.fingerprint());
    return m;
  }
}
