package org.docgate.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the dashboard's panels query, for the tests that check it against what docgate exposes. */
public final class DashboardQueries {
  public static final Path DASHBOARD = Path.of("dashboards/grafana/docgate.json");
  /** The row of the fleet workers' panels: they read a worker's /metrics, not a scan's. */
  public static final String FLEET_ROW = "Fleet workers";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "bool", "and", "or", "unless", "offset");

  private DashboardQueries() {}

  /** The panels of the row titled {@code title}: those after it up to the next row (or inside it, collapsed). */
  public static List<JsonNode> rowPanels(String title) throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<JsonNode> out = new ArrayList<>();
    boolean inRow = false;
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        inRow = panel.path("title").asText().equals(title);
        panel.path("panels").forEach(p -> out.add(p));
      } else if (inRow) {
        out.add(panel);
      }
    }
    return out;
  }

  /** The metric names a PromQL expression selects: not its functions, keywords, labels, strings or durations. */
  public static Set<String> metricNames(String expr) {
    String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String name = m.group();
      boolean function = bare.substring(m.end()).matches("(?s)\\s*\\(.*");
      boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
      if (!function && !number && !KEYWORDS.contains(name) && !name.startsWith("$")) {
        names.add(name);
      }
    }
    return names;
  }
}
