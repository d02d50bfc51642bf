package org.docgate.report.readiness;

import java.util.List;
import java.util.Locale;

/** The release manager's view: the score and verdict first, then one line per gate, contributors under failures. */
public final class ReadinessTextWriter {

  public String write(Readiness readiness, double minScore) {
    StringBuilder out = new StringBuilder();
    long blocking = readiness.gates().stream().filter(GateResult::blocks).count();
    String verdict;
    if (blocking > 0) {
      verdict = "not ready: " + blocking + (blocking == 1 ? " blocking gate fails" : " blocking gates fail");
    } else if (readiness.score() < minScore) {
      verdict = String.format(Locale.ROOT, "not ready: score below the minimum %s", number(minScore));
    } else {
      verdict = "ready";
    }
    if (!readiness.measured()) {
      verdict += "; no gate was measured";
    }
    out.append(String.format(Locale.ROOT, "readiness: %s / 100 (%s)%n", number(readiness.score()), verdict));
    int width = readiness.gates().stream().mapToInt(g -> g.gate().name().length()).max().orElse(10);
    for (GateResult g : readiness.gates()) {
      out.append(String.format(Locale.ROOT, "  %-12s %-" + width + "s  %-28s %s, weight %s, %s%n",
          g.status().label(), g.gate().name(), valueText(g), g.gate().severity().label(),
          number(g.gate().weight()), g.status() == GateStatus.NOT_MEASURED ? "left out of the score"
              : "earns " + number(Math.round(g.earned() * 100) / 100.0)));
      appendContributors(out, "files", g.topFiles());
      appendContributors(out, "rules", g.topRules());
    }
    return out.toString();
  }

  private static String valueText(GateResult g) {
    return switch (g.gate().measure()) {
      case Gate.MetricAtLeast m -> (g.value() == null ? "not measured" : percent(g.value()))
          + " (min " + percent(m.min()) + ")";
      case Gate.NoErrorsOf n -> (g.value() == null ? "not measured" : String.format(Locale.ROOT, "%.0f", g.value()))
          + " errors of " + n.rulePattern();
    };
  }

  private static void appendContributors(StringBuilder out, String label, List<Contributor> list) {
    if (list.isEmpty()) {
      return;
    }
    out.append("      ").append(label).append(": ");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(org.docgate.finding.PlainText.escape(list.get(i).name())).append(" (").append(list.get(i).findings()).append(')');
    }
    out.append('\n');
  }

  private static String percent(double ratio) {
    return org.docgate.report.Percent.of(ratio);
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
