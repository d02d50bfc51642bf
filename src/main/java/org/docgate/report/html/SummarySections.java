package org.docgate.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.Percent;
import org.docgate.report.UriPath;
import org.docgate.report.readiness.Contributor;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.GateResult;
import org.docgate.report.readiness.GateStatus;
import org.docgate.report.readiness.Readiness;

/** The server-rendered parts of the page (readable with JavaScript off): readiness, ratios, gates, worst documents. */
final class SummarySections {
  static final int WORST = 10;

  private SummarySections() {}

  static void readinessCard(StringBuilder out, Readiness readiness) {
    long blocking = readiness.gates().stream().filter(GateResult::blocks).count();
    long notMeasured = readiness.gates().stream().filter(g -> g.status() == GateStatus.NOT_MEASURED).count();
    boolean ready = blocking == 0;
    out.append("<div class=\"card score-card ").append(ready ? "pass" : "fail").append("\">")
        .append("<h2>Readiness</h2><div class=\"score\" id=\"readiness-score\">")
        .append(number(readiness.score())).append("<small>/100</small></div>")
        .append("<div class=\"verdict\">").append(ready ? "Ready" : "Not ready").append("</div><p class=\"muted\">");
    if (blocking > 0) {
      out.append(blocking).append(blocking == 1 ? " blocking gate fails" : " blocking gates fail");
    } else {
      out.append("no blocking gate fails");
    }
    if (notMeasured > 0) {
      out.append("; ").append(notMeasured).append(notMeasured == 1 ? " gate" : " gates").append(" not measured");
    }
    out.append("</p></div>\n");
  }

  static void countsCard(StringBuilder out, List<Finding> findings) {
    out.append("<div class=\"card\"><h2>Findings</h2><ul class=\"counts\">");
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      out.append("<li class=\"sev-").append(s.label()).append("\"><b>").append(n).append("</b>")
          .append(plural(s, n)).append("</li>");
    }
    out.append("</ul>");
    Map<String, Long> byValidator = new java.util.TreeMap<>();
    findings.forEach(f -> byValidator.merge(validatorOf(f.rule()), 1L, Long::sum));
    if (!byValidator.isEmpty()) {
      out.append("<p class=\"by-validator\"><span class=\"muted\">by validator:</span> ");
      String sep = "";
      for (Map.Entry<String, Long> e : byValidator.entrySet()) {
        out.append(sep).append("<a href=\"#validator=").append(Html.escape(hashValue(e.getKey()))).append("\">")
            .append(Html.escape(e.getKey())).append("</a>&nbsp;").append(e.getValue());
        sep = ", ";
      }
      out.append("</p>");
    }
    out.append("</div>\n");
  }

  static void ratiosCard(StringBuilder out, Map<String, Double> metrics, Readiness readiness) {
    out.append("<div class=\"card ratios\"><h2>Quality ratios</h2>");
    if (metrics.isEmpty()) {
      out.append("<p class=\"muted\">No ratio was measured.</p>");
    }
    out.append("<ul>");
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      Double value = e.getValue();
      Double min = thresholdOf(readiness, e.getKey());
      String state = value == null ? "nm" : min == null ? "info" : value >= min ? "pass" : "fail";
      out.append("<li class=\"ratio ").append(state).append("\"><div class=\"ratio-head\"><span>")
          .append(Html.escape(humanize(e.getKey()))).append("</span><b>")
          .append(value == null ? "not measured" : percent(value)).append("</b></div><div class=\"bar\">");
      if (value != null) {
        out.append("<i style=\"width:").append(String.format(Locale.ROOT, "%.2f", clamp(value) * 100))
            .append("%\"></i>");
      }
      if (min != null) {
        out.append("<s style=\"left:").append(String.format(Locale.ROOT, "%.2f", clamp(min) * 100))
            .append("%\" title=\"threshold ").append(percent(min)).append("\"></s>");
      }
      out.append("</div></li>");
    }
    out.append("</ul></div>\n");
  }

  static void gatesTable(StringBuilder out, Readiness readiness) {
    out.append("<section class=\"card\"><h2>Readiness gates</h2><div class=\"scroll\"><table class=\"gates\">")
        .append("<thead><tr><th>Gate</th><th>Measures</th><th class=\"num\">Value</th><th class=\"num\">Threshold</th>")
        .append("<th>Status</th><th>Kind</th><th class=\"num\">Weight</th><th>Top contributors</th></tr></thead><tbody>");
    for (GateResult g : readiness.gates()) {
      out.append("<tr><td><b>").append(Html.escape(g.gate().name())).append("</b></td><td>");
      switch (g.gate().measure()) {
        case Gate.MetricAtLeast m -> out.append("<code>").append(Html.escape(m.metric())).append("</code>")
            .append("</td><td class=\"num\">").append(g.value() == null ? "&mdash;" : percent(g.value()))
            .append("</td><td class=\"num\">&ge; ").append(percent(m.min()));
        case Gate.NoErrorsOf n -> out.append("no errors of <code>").append(Html.escape(n.rulePattern()))
            .append("</code></td><td class=\"num\">").append(g.value() == null ? "&mdash;" : number(g.value()))
            .append(g.value() != null && g.value() == 1 ? " error" : " errors")
            .append("</td><td class=\"num\">0 errors");
      }
      out.append("</td><td><span class=\"badge st-").append(g.status().label()).append("\">")
          .append(g.status().label()).append("</span></td><td><span class=\"badge kind-")
          .append(g.gate().severity().label()).append("\">").append(g.gate().severity().label())
          .append("</span></td><td class=\"num\">").append(number(g.gate().weight())).append("</td><td>");
      contributors(out, "files", g.topFiles(), true);
      contributors(out, "rules", g.topRules(), false);
      out.append("</td></tr>");
    }
    out.append("</tbody></table></div></section>\n");
  }

  private static void contributors(StringBuilder out, String label, List<Contributor> list, boolean files) {
    if (list.isEmpty()) {
      return;
    }
    out.append("<div class=\"contrib\"><span class=\"muted\">").append(label).append(":</span> ");
    for (int i = 0; i < list.size(); i++) {
      Contributor c = list.get(i);
      if (i > 0) {
        out.append(", ");
      }
      out.append("<a href=\"#").append(files ? "path=" : "rule=").append(Html.escape(hashValue(c.name())))
          .append("\">").append(Html.escape(c.name())).append("</a> (").append(c.findings()).append(')');
    }
    out.append("</div>");
  }

  /** The documents with the most errors, then warnings: each links to its findings (filter) and to its file. */
  static void worstDocuments(StringBuilder out, List<Finding> findings, String linkBase) {
    out.append("<section class=\"card\"><h2>Worst documents</h2>");
    List<DocumentCounts> worst = worst(findings);
    if (worst.isEmpty()) {
      out.append("<p class=\"muted\">No document has a finding.</p></section>\n");
      return;
    }
    out.append("<div class=\"scroll\"><table class=\"worst\"><thead><tr><th>Document</th><th class=\"num\">Errors</th>")
        .append("<th class=\"num\">Warnings</th><th class=\"num\">Info</th><th class=\"num\">Total</th></tr></thead><tbody>");
    for (DocumentCounts d : worst) {
      out.append("<tr><td class=\"path\"><a href=\"#path=").append(Html.escape(hashValue(d.path())))
          .append("\" title=\"Show its findings\">").append(Html.escape(d.path())).append("</a>");
      String href = FileLinks.href(linkBase, d.path(), 1);
      if (href != null) {
        out.append(" <a class=\"open\" href=\"").append(Html.escape(href))
            .append("\" title=\"Open the file\" rel=\"noopener noreferrer\">open</a>");
      }
      out.append("</td><td class=\"num sev-error\">").append(d.errors()).append("</td><td class=\"num sev-warning\">")
          .append(d.warnings()).append("</td><td class=\"num sev-info\">").append(d.infos())
          .append("</td><td class=\"num\"><b>").append(d.total()).append("</b></td></tr>");
    }
    out.append("</tbody></table></div></section>\n");
  }

  record DocumentCounts(String path, long errors, long warnings, long infos) {
    long total() {
      return errors + warnings + infos;
    }
  }

  static List<DocumentCounts> worst(List<Finding> findings) {
    Map<String, long[]> byPath = new LinkedHashMap<>();
    for (Finding f : findings) {
      byPath.computeIfAbsent(f.path(), p -> new long[3])[f.severity().ordinal()]++;
    }
    List<DocumentCounts> all = new ArrayList<>();
    byPath.forEach((p, c) -> all.add(new DocumentCounts(p, c[0], c[1], c[2])));
    return all.stream()
        .sorted(Comparator.comparingLong(DocumentCounts::errors).reversed()
            .thenComparing(Comparator.comparingLong(DocumentCounts::warnings).reversed())
            .thenComparing(Comparator.comparingLong(DocumentCounts::total).reversed())
            .thenComparing(DocumentCounts::path))
        .limit(WORST)
        .toList();
  }

  private static Double thresholdOf(Readiness readiness, String metric) {
    for (GateResult g : readiness.gates()) {
      if (g.gate().measure() instanceof Gate.MetricAtLeast m && m.metric().equals(metric)) {
        return m.min();
      }
    }
    return null;
  }

  /**
   * The validator declaring a rule: {@code links} of {@code links/missing-file}, {@code weblinks} of
   * {@code links/external-broken} (the page may show a stored run, so the shipped declarations are asked).
   */
  static String validatorOf(String rule) {
    return ValidatorCatalog.shipped().validatorOf(rule);
  }

  /** {@code linkValidity} becomes {@code Link validity}. */
  static String humanize(String camel) {
    String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** The shared format of every report ({@link Percent}); the gates table says pass or fail on its own. */
  static String percent(double ratio) {
    return Percent.of(ratio);
  }

  static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  /** A filter value for the page's {@code #key=value} state: percent-encoded, slashes kept readable. */
  static String hashValue(String value) {
    return UriPath.of(value);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static String plural(Severity s, long n) {
    return switch (s) {
      case ERROR -> n == 1 ? " error" : " errors";
      case WARNING -> n == 1 ? " warning" : " warnings";
      case INFO -> " info";
    };
  }
}
