package org.docgate.pr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.report.JsonReportWriter;
import org.docgate.report.JsonText;
import org.docgate.report.readiness.Readiness;

/** {@code docgate/pr@1}: the commits, the changes, the touched files, readiness before and after, and the findings. */
public final class PrJsonWriter {
  public static final String SCHEMA = "docgate/pr@1";

  public String write(PrResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("base", result.baseCommit());
    root.put("head", result.headCommit());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change c : result.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", String.valueOf(c.status()));
      m.put("oldPath", c.oldPath());
      m.put("newPath", c.newPath());
      changes.add(m);
    }
    root.put("changes", changes);
    root.put("touched", result.touched().stream().sorted().toList());
    root.put("scope", result.touchedOnly() ? "touched" : "corpus");
    root.put("readiness", Map.of("before", readiness(result.before()), "after", readiness(result.after())));
    root.put("counts", Map.of("new", result.findings().added().size(), "fixed", result.findings().fixed().size(),
        "preExisting", result.findings().preExisting().size()));
    root.put("new", findings(result.findings().added()));
    root.put("fixed", findings(result.findings().fixed()));
    root.put("preExisting", findings(result.findings().preExisting()));
    return JsonText.indented(root);
  }

  private static Map<String, Object> readiness(Readiness r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("score", r.score());
    m.put("blocked", r.blocked());
    return m;
  }

  private static List<Map<String, Object>> findings(List<Finding> findings) {
    return findings.stream().map(JsonReportWriter::toMap).toList();
  }
}
