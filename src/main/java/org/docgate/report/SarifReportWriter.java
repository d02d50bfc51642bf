package org.docgate.report;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/**
 * SARIF 2.1.0 (what code-scanning UIs read): one run, the tool's rules, one result per finding with its physical
 * location relative to the corpus, our fingerprint as a partial fingerprint, and a fix for link findings whose
 * suggestion replaces the target as written.
 *
 * @param catalog every rule the run may report and the validator declaring each, whose README section its help links
 *     to (rules found only in findings are added with their id as summary)
 * @param readme the README that documents the rules
 * @param version the tool version shown in the driver
 */
public record SarifReportWriter(ValidatorCatalog catalog, URI readme, String version) {
  /** Where the rule help lives; rules link to the README section of their validator. */
  public static final URI DEFAULT_README = URI.create("https://github.com/docgate/docgate/blob/main/README.md");
  static final String CORPUS_BASE = "CORPUS";
  static final String FINGERPRINT_KEY = "docgate/v1";

  public String write(ScanReport report) {
    return write(report, new SourceLines(Path.of(report.corpus())));
  }

  public String write(ScanReport report, SourceLines sources) {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    List<Map<String, Object>> ruleList = new ArrayList<>();
    for (Rule r : catalog.rules()) {
      if (!ruleIndex.containsKey(r.id())) {
        ruleIndex.put(r.id(), ruleList.size());
        ruleList.add(rule(r.id(), r.summary(), r.severity()));
      }
    }
    List<Map<String, Object>> results = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      Integer index = ruleIndex.get(f.rule());
      if (index == null) {
        index = ruleList.size();
        ruleIndex.put(f.rule(), index);
        ruleList.add(rule(f.rule(), f.rule(), f.severity()));
      }
      results.add(result(f, index, sources));
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "docgate");
    driver.put("version", version);
    driver.put("informationUri", readme.toString());
    driver.put("rules", ruleList);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    String base = Path.of(report.corpus()).toAbsolutePath().normalize().toUri().toString();
    run.put("originalUriBaseIds", Map.of(CORPUS_BASE, Map.of("uri", base.endsWith("/") ? base : base + "/")));
    run.put("columnKind", "utf16CodeUnits");
    run.put("results", results);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    root.put("runs", List.of(run));
    return JsonText.indented(root);
  }

  private Map<String, Object> rule(String id, String summary, Severity severity) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("shortDescription", Map.of("text", summary));
    m.put("helpUri", helpUri(id));
    m.put("defaultConfiguration", Map.of("level", level(severity)));
    return m;
  }

  String helpUri(String ruleId) {
    return catalog.ownerOf(ruleId).map(d -> readme + "#" + d.readmeAnchor()).orElse(readme.toString());
  }

  private Map<String, Object> result(Finding f, int ruleIndex, SourceLines sources) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", f.rule());
    m.put("ruleIndex", ruleIndex);
    m.put("level", level(f.severity()));
    m.put("message", Map.of("text", f.message()));
    m.put("locations", List.of(Map.of("physicalLocation", ordered(
        "artifactLocation", artifact(f.path()),
        "region", region(f.line(), f.column(), null)))));
    if (f.fingerprint() != null) {
      m.put("partialFingerprints", Map.of(FINGERPRINT_KEY, f.fingerprint()));
    }
    fix(f, sources).ifPresent(fix -> m.put("fixes", List.of(fix)));
    return m;
  }

  /** The SARIF form of the finding's {@link CertainFix}, the one {@code docgate fix} applies. */
  private Optional<Map<String, Object>> fix(Finding f, SourceLines sources) {
    return CertainFix.of(f, sources).map(edit -> {
      Map<String, Object> replacement = ordered(
          "deletedRegion", region(edit.line(), edit.startColumn(), edit.endColumn()),
          "insertedContent", Map.of("text", edit.replacement()));
      Map<String, Object> change = ordered("artifactLocation", artifact(edit.path()),
          "replacements", List.of(replacement));
      Map<String, Object> fix = new LinkedHashMap<>();
      fix.put("description", Map.of("text", edit.description()));
      fix.put("artifactChanges", List.of(change));
      return fix;
    });
  }

  /**
   * A map that keeps the order its keys are given in: {@code Map.of} with two keys or more iterates in an order that
   * changes with every JVM start, so two runs of one jar wrote different bytes for the same report.
   */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> region(int line, int column, Integer endColumn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("startLine", line);
    m.put("startColumn", column);
    if (endColumn != null) {
      m.put("endLine", line);
      m.put("endColumn", endColumn);
    }
    return m;
  }

  private static Map<String, Object> artifact(String path) {
    return ordered("uri", UriPath.of(path), "uriBaseId", CORPUS_BASE);
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
