package org.docgate.report.readiness;

import java.util.Locale;
import org.docgate.report.FindingTable;

/** {@code docgate readiness --format markdown}: the score and verdict, then one table row per gate. Pure. */
public final class ReadinessMarkdownWriter {
  public String write(Readiness readiness, double minScore) {
    String verdict = readiness.blocked() ? "not ready: a blocking gate fails"
        : readiness.score() < minScore ? "not ready: score below the minimum" : "ready";
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "### docgate readiness: %.1f / 100 (%s)\n\n"
            + "| Status | Gate | Value | Severity | Weight |\n|---|---|---|---|---|\n",
        readiness.score(), verdict));
    for (GateResult g : readiness.gates()) {
      out.append("| ").append(FindingTable.cell(g.status().label())).append(" | ")
          .append(FindingTable.cell(g.gate().name())).append(" | ").append(FindingTable.cell(value(g))).append(" | ")
          .append(FindingTable.cell(g.gate().severity().label())).append(" | ")
          .append(String.format(Locale.ROOT, "%s", g.gate().weight())).append(" |\n");
    }
    return out.toString();
  }

  private static String value(GateResult g) {
    return switch (g.gate().measure()) {
      case Gate.MetricAtLeast m -> (g.value() == null ? "not measured"
          : org.docgate.report.Percent.of(g.value()))
          + " (min " + org.docgate.report.Percent.of(m.min()) + ")";
      case Gate.NoErrorsOf n -> (g.value() == null ? "not measured"
          : String.format(Locale.ROOT, "%.0f", g.value())) + " errors of " + n.rulePattern();
    };
  }
}
