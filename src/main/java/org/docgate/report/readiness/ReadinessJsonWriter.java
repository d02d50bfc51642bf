package org.docgate.report.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.report.JsonText;

/** {@code docgate/readiness@1}: the score, every gate, and the top contributors of failing gates. */
public final class ReadinessJsonWriter {
  public static final String SCHEMA = "docgate/readiness@1";

  public String write(Readiness readiness, String corpus, double minScore) {
    return JsonText.indented(toMap(readiness, corpus, minScore));
  }

  /** The document as a map, for callers that add fields (the service adds the run and the delta). */
  public Map<String, Object> toMap(Readiness readiness, String corpus, double minScore) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("corpus", corpus);
    root.put("score", readiness.score());
    root.put("measured", readiness.measured());
    root.put("minScore", minScore);
    root.put("blocked", readiness.blocked());
    root.put("ready", readiness.ready(minScore));
    List<Map<String, Object>> gates = new ArrayList<>();
    for (GateResult g : readiness.gates()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", g.gate().name());
      switch (g.gate().measure()) {
        case Gate.MetricAtLeast metric -> {
          m.put("metric", metric.metric());
          m.put("comparison", ">=");
        }
        case Gate.NoErrorsOf rule -> {
          m.put("noErrorsOf", rule.rulePattern());
          m.put("comparison", "<=");
        }
      }
      m.put("value", g.value());
      m.put("threshold", g.threshold());
      m.put("status", g.status().label());
      m.put("severity", g.gate().severity().label());
      m.put("weight", g.gate().weight());
      m.put("credit", g.status() == GateStatus.NOT_MEASURED ? null : g.credit());
      m.put("earned", g.status() == GateStatus.NOT_MEASURED ? null : g.earned());
      m.put("topFiles", contributors(g.topFiles(), "path"));
      m.put("topRules", contributors(g.topRules(), "rule"));
      gates.add(m);
    }
    root.put("gates", gates);
    return root;
  }

  private static List<Map<String, Object>> contributors(List<Contributor> list, String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Contributor c : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(key, c.name());
      m.put("findings", c.findings());
      out.add(m);
    }
    return out;
  }
}
