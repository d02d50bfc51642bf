package org.docgate.report.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code rules/readiness.yaml} strictly: every error names the file and line. */
public final class ReadinessRules {
  public static final String FILE = "readiness.yaml";
  private static final Set<String> GATE_KEYS = Set.of("metric", "min", "noErrorsOf", "weight", "severity", "rules",
      "zeroAt", "measuredBy");
  private static final String NAME = "[A-Za-z][A-Za-z0-9.-]*";
  private static final String RULE_PATTERN = "[a-z]+/(\\*|[A-Za-z0-9][A-Za-z0-9.-]*\\*?)";

  private ReadinessRules() {}

  /** The user's {@code readiness.yaml} if their rules folder has one, else the packaged gates. */
  public static List<Gate> fromRules(RuleFiles rules) {
    return rules.load(FILE, ReadinessRules::parse);
  }

  public static List<Gate> parse(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "the readiness file", Set.of("gates"));
    Node gatesNode = top.get("gates");
    if (gatesNode == null) {
      throw new ConfigException(source + ": no 'gates' (expected at least one gate)");
    }
    Map<String, Node> named = y.mapping(gatesNode, "gates", null);
    if (named.isEmpty()) {
      throw y.error(gatesNode, "gates is empty (expected at least one gate)");
    }
    List<Gate> gates = new ArrayList<>();
    for (Map.Entry<String, Node> e : named.entrySet()) {
      gates.add(gate(y, e.getKey(), e.getValue()));
    }
    return List.copyOf(gates);
  }

  private static Gate gate(YamlNodes y, String name, Node node) {
    String what = "gate '" + name + "'";
    if (!name.matches(NAME)) {
      throw y.error(node, what + ": a gate name is a letter then letters, digits, '.' or '-'");
    }
    Map<String, Node> keys = y.mapping(node, what, GATE_KEYS);
    Node metric = keys.get("metric");
    Node noErrors = keys.get("noErrorsOf");
    if ((metric == null) == (noErrors == null)) {
      throw y.error(node, what + ": needs exactly one of 'metric' or 'noErrorsOf'");
    }
    Gate.Measure measure;
    if (metric != null) {
      Node min = keys.get("min");
      if (min == null) {
        throw y.error(node, what + ": a metric gate needs 'min' (0..1)");
      }
      double value = number(y, min, what + " min");
      if (!(value >= 0 && value <= 1)) {
        throw y.error(min, what + ": min must be between 0 and 1, got " + y.scalar(min, "min"));
      }
      measure = new Gate.MetricAtLeast(y.scalar(metric, what + " metric"), value);
    } else {
      if (keys.containsKey("min")) {
        throw y.error(keys.get("min"), what + ": 'min' belongs to metric gates (noErrorsOf passes at zero errors)");
      }
      measure = new Gate.NoErrorsOf(rulePattern(y, noErrors, what + " noErrorsOf"));
    }
    Node weightNode = keys.get("weight");
    if (weightNode == null) {
      throw y.error(node, what + ": needs a 'weight' (a positive number)");
    }
    double weight = number(y, weightNode, what + " weight");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw y.error(weightNode, what + ": weight must be a positive number");
    }
    Node severityNode = keys.get("severity");
    if (severityNode == null) {
      throw y.error(node, what + ": needs a 'severity' (blocking or advisory)");
    }
    GateSeverity severity = switch (y.scalar(severityNode, what + " severity")) {
      case "blocking" -> GateSeverity.BLOCKING;
      case "advisory" -> GateSeverity.ADVISORY;
      default -> throw y.error(severityNode, what + ": unknown severity '" + y.scalar(severityNode, "severity")
          + "' (expected blocking or advisory)");
    };
    List<String> rules = new ArrayList<>();
    Node rulesNode = keys.get("rules");
    if (rulesNode != null) {
      for (String r : y.strings(rulesNode, what + " rules")) {
        if (!r.matches(RULE_PATTERN)) {
          throw y.error(rulesNode, what + ": '" + r + "' is not a rule id or family pattern (links/missing-file, "
              + "versions/*)");
        }
        rules.add(r);
      }
    }
    Double zeroAt = null;
    Node zeroAtNode = keys.get("zeroAt");
    if (zeroAtNode != null) {
      zeroAt = number(y, zeroAtNode, what + " zeroAt");
      if (measure instanceof Gate.MetricAtLeast m && !(zeroAt >= 0 && zeroAt < m.min())) {
        throw y.error(zeroAtNode, what + ": zeroAt must be at least 0 and below min ("
            + y.scalar(keys.get("min"), "min") + "): partial credit runs from zeroAt up to min");
      }
      if (measure instanceof Gate.NoErrorsOf && !(zeroAt >= 1)) {
        throw y.error(zeroAtNode, what + ": zeroAt of a noErrorsOf gate is a number of errors, at least 1");
      }
    }
    String measuredBy = null;
    Node measuredByNode = keys.get("measuredBy");
    if (measuredByNode != null) {
      if (metric != null) {
        throw y.error(measuredByNode, what + ": 'measuredBy' belongs to noErrorsOf gates (a metric gate is measured "
            + "when its metric is)");
      }
      measuredBy = y.scalar(measuredByNode, what + " measuredBy");
    }
    return new Gate(name, measure, weight, severity, rules, zeroAt, measuredBy);
  }

  private static String rulePattern(YamlNodes y, Node node, String what) {
    String value = y.scalar(node, what);
    if (!value.matches(RULE_PATTERN)) {
      throw y.error(node, what + ": '" + value + "' is not a rule id or family pattern (versions/eol, corpus/*)");
    }
    return value;
  }

  private static double number(YamlNodes y, Node node, String what) {
    String text = y.scalar(node, what);
    if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw y.error(node, what + " must be a number, got '" + text + "'");
    }
    return Double.parseDouble(text);
  }
}
