package org.docgate.report.html;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The trend of stored runs as inline SVG, drawn on the server: one polyline per series (readiness and each ratio),
 * runs evenly spaced left to right. A value that was not measured breaks its line (a gap, never a drop to zero);
 * every value also gets a dot, so a single run or an isolated value still shows.
 */
final class TrendChart {
  static final String[] COLORS = {"#4f46e5", "#0891b2", "#16a34a", "#d97706", "#db2777", "#7c3aed", "#65a30d",
      "#0d9488", "#dc2626", "#475569"};
  static final String READINESS = "readiness";
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 240;
  private static final int LEFT = 46;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 30;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** One line of the chart: a name and how to read its 0..1 value from a point (null: not measured). */
  record Series(String name, Function<TrendPoint, Double> value) {}

  /** Readiness, then the given ratios, then ratios only older runs had; those with no value in any run are left out. */
  static List<Series> series(List<TrendPoint> points, List<String> metricNames) {
    List<Series> all = new ArrayList<>();
    all.add(new Series(READINESS, p -> p.readinessScore() == null ? null : p.readinessScore() / 100.0));
    List<String> names = new ArrayList<>(metricNames);
    for (TrendPoint p : points) {
      p.metrics().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    }
    for (String n : names) {
      all.add(new Series(n, p -> p.metrics().get(n)));
    }
    // a ratio no stored run measured would be a legend entry without a line
    return all.stream().filter(s -> points.stream().anyMatch(p -> valid(s.value().apply(p)) != null)).toList();
  }

  static String color(int seriesIndex) {
    return COLORS[seriesIndex % COLORS.length];
  }

  /** The SVG, or a short note when there are no stored runs yet. */
  static String render(List<TrendPoint> points, List<Series> series) {
    if (points.isEmpty()) {
      return "<p class=\"muted\">No stored runs yet: the trend appears once the service has kept runs.</p>";
    }
    double low = lowerBound(points, series);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"trend\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"Trend of readiness and quality ratios over ")
        .append(points.size()).append(points.size() == 1 ? " run" : " runs").append("\">");
    for (int i = 0; i <= 4; i++) {
      double v = low + (1 - low) * i / 4;
      double y = y(v, low);
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
      svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(percentLabel(v)).append("</text>");
    }
    svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8).append("\">")
        .append(Html.escape(DAY.format(points.get(0).finishedAt()))).append("</text>");
    if (points.size() > 1) {
      svg.append("<text class=\"axis\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 8)
          .append("\" text-anchor=\"end\">").append(Html.escape(DAY.format(points.get(points.size() - 1).finishedAt())))
          .append("</text>");
    }
    for (int s = 0; s < series.size(); s++) {
      drawSeries(svg, points, series.get(s), color(s), low);
    }
    return svg.append("</svg>").toString();
  }

  private static void drawSeries(StringBuilder svg, List<TrendPoint> points, Series series, String color,
      double low) {
    String cls = series.name().equals(READINESS) ? "line readiness" : "line";
    List<String> run = new ArrayList<>();
    for (int i = 0; i <= points.size(); i++) {
      Double v = i < points.size() ? valid(series.value().apply(points.get(i))) : null;
      if (v != null) {
        run.add(fmt(x(i, points.size())) + "," + fmt(y(v, low)));
        continue;
      }
      if (run.size() > 1) {
        svg.append("<polyline class=\"").append(cls).append("\" stroke=\"").append(color).append("\" points=\"")
            .append(String.join(" ", run)).append("\"/>");
      }
      run.clear();
    }
    for (int i = 0; i < points.size(); i++) {
      Double v = valid(series.value().apply(points.get(i)));
      if (v == null) {
        continue;
      }
      TrendPoint p = points.get(i);
      svg.append("<circle class=\"dot\" fill=\"").append(color).append("\" cx=\"").append(fmt(x(i, points.size())))
          .append("\" cy=\"").append(fmt(y(v, low))).append("\" r=\"3\"><title>")
          .append(Html.escape(series.name() + " " + percentLabelPrecise(v) + ", run " + p.runId() + ", "
              + DAY.format(p.finishedAt()) + " UTC"))
          .append("</title></circle>");
    }
  }

  /** The bottom of the y axis: a 10% step below the lowest value, so lines near 100% are not flattened together. */
  static double lowerBound(List<TrendPoint> points, List<Series> series) {
    double min = 1;
    for (Series s : series) {
      for (TrendPoint p : points) {
        Double v = valid(s.value().apply(p));
        if (v != null) {
          min = Math.min(min, v);
        }
      }
    }
    double low = Math.floor(min * 10) / 10;
    return Math.min(Math.max(low, 0), 0.9);
  }

  private static Double valid(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : Math.max(0, Math.min(1, v));
  }

  private static double x(int i, int n) {
    double span = WIDTH - LEFT - RIGHT;
    return n == 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1);
  }

  private static double y(double v, double low) {
    double span = HEIGHT - TOP - BOTTOM;
    return TOP + span * (1 - (v - low) / (1 - low));
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String percentLabel(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v * 100);
    return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
  }

  private static String percentLabelPrecise(double v) {
    return org.docgate.report.Percent.of(v);
  }
}
