package org.docgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrendChartTest {
  static TrendPoint point(long id, Double readiness, Double links) {
    Map<String, Double> m = new HashMap<>();
    m.put("linkValidity", links);
    return new TrendPoint(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600 * id), readiness, m);
  }

  static String chart(List<TrendPoint> points) {
    return TrendChart.render(points, TrendChart.series(points, List.of("linkValidity")));
  }

  static int count(String svg, String regex) {
    return (int) Pattern.compile(regex).matcher(svg).results().count();
  }

  @Test
  void noRunsGiveANoteInsteadOfAnEmptyChart() {
    String html = chart(List.of());

    assertThat(html).doesNotContain("<svg").contains("No stored runs yet");
  }

  @Test
  void oneRunIsDrawnAsDotsWithoutLines() {
    String svg = chart(List.of(point(1, 80.0, 0.97)));

    assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("over 1 run\"");
    assertThat(count(svg, "<polyline")).isZero();
    assertThat(count(svg, "<circle")).isEqualTo(2);
  }

  @Test
  void manyRunsGiveOneLinePerSeries() {
    String svg = chart(List.of(point(1, 50.0, 0.9), point(2, 60.0, 0.95), point(3, 100.0, 1.0)));

    assertThat(count(svg, "<polyline")).isEqualTo(2);
    assertThat(count(svg, "<circle")).isEqualTo(6);
    assertThat(svg).contains("linkValidity 95.00%, run 2, 2026-01-01 02:00 UTC");
  }

  @Test
  void aValueThatWasNotMeasuredLeavesAGapNotADropToZero() {
    String svg = chart(List.of(point(1, 50.0, 0.9), point(2, 50.0, null), point(3, 50.0, 0.95),
        point(4, 50.0, 0.97)));

    // readiness: one line over four runs; linkValidity: the lone first value is a dot, then one line over runs 3-4
    assertThat(count(svg, "<polyline")).isEqualTo(2);
    assertThat(count(svg, "<polyline class=\"line\" stroke=\"[^\"]+\" points=\"[^\" ]+ [^\" ]+\"")).isEqualTo(1);
    assertThat(count(svg, "<circle")).isEqualTo(4 + 3);
    assertThat(svg).doesNotContain("NaN");
  }

  @Test
  void theAxisStartsJustBelowTheLowestValue() {
    List<TrendPoint> high = List.of(point(1, 100.0, 0.991), point(2, 100.0, 0.999));
    List<TrendPoint> low = List.of(point(1, 35.0, 0.64));

    assertThat(TrendChart.lowerBound(high, TrendChart.series(high, List.of()))).isEqualTo(0.9);
    assertThat(TrendChart.lowerBound(low, TrendChart.series(low, List.of()))).isEqualTo(0.3);
  }

  @Test
  void seriesAreReadinessThenTheReportsRatiosThenRatiosOnlyOlderRunsHad() {
    TrendPoint old = new TrendPoint(1, Instant.EPOCH, 40.0, Map.of("retired", 0.5));
    TrendPoint now = point(2, 50.0, 0.9);

    assertThat(TrendChart.series(List.of(old, now), List.of("linkValidity", "neverMeasured")))
        .extracting(TrendChart.Series::name).containsExactly("readiness", "linkValidity", "retired");
  }
}
