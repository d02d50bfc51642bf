package org.docgate.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.validate.ValidationResult;

/**
 * A report's findings and counters as sums of per-document parts, kept from one service scan to the next: the next
 * scan adds the counters of the document results that are new objects and takes out those of the ones gone, and
 * sorts and fingerprints again only the paths whose findings came from another result (issue 21.3: summing every
 * kept result's counters and fingerprinting every finding again was an eighth of an edit on k8s-enhancements).
 *
 * <p>The same report as one pass over every result ({@link Fingerprints#assign} of all findings, counters summed):
 * findings sort by path first, and a fingerprint's ordinal counts within its path, so each path's findings are sorted
 * and numbered apart, in the order the one pass saw them (intake findings, documents' results, corpus-wide ones).
 * Immutable.
 */
final class ReportParts {
  static final ReportParts NONE = new ReportParts(new IdentityHashMap<>(), Map.of(), new TreeMap<>());

  /** One document result's findings by their path, in its groups' order, and its counters summed. */
  private record Part(Map<String, List<Finding>> findings, Map<String, Long> counters) {
    static Part of(DocumentResult result) {
      Map<String, List<Finding>> findings = new LinkedHashMap<>();
      Map<String, Long> counters = new HashMap<>();
      for (ValidationResult r : result.byGroup().values()) {
        r.findings().forEach(f -> findings.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
        r.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
      }
      return new Part(findings, counters);
    }
  }

  /** A counter's total and how many parts name it (a counter some part names stays in the report, even at 0). */
  private record Sum(long total, int parts) {
    Sum plus(long n, int sign) {
      return new Sum(total + sign * n, parts + sign);
    }
  }

  /**
   * One path's findings as sorted and fingerprinted, and what they were made from: the intake and corpus-wide
   * findings on the path (compared by value) and the parts that held some (by identity).
   */
  private record PathFindings(List<Finding> intake, List<Part> parts, List<Finding> corpus, List<Finding> assigned) {
    boolean madeFrom(List<Finding> intake, List<Part> parts, List<Finding> corpus) {
      if (parts.size() != this.parts.size()) {
        return false;
      }
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i) != this.parts.get(i)) {
          return false;
        }
      }
      return intake.equals(this.intake) && corpus.equals(this.corpus);
    }
  }

  private final Map<DocumentResult, Part> parts;
  private final Map<String, Sum> sums;
  private final TreeMap<String, PathFindings> byPath;

  private ReportParts(Map<DocumentResult, Part> parts, Map<String, Sum> sums, TreeMap<String, PathFindings> byPath) {
    this.parts = parts;
    this.sums = sums;
    this.byPath = byPath;
  }

  /**
   * The parts of this scan's report, from the previous scan's: {@code results} in the documents' order, the intake
   * findings (overrides applied) and the corpus-wide findings.
   */
  ReportParts next(List<Finding> intake, List<DocumentResult> results, List<Finding> corpus) {
    Map<DocumentResult, Part> now = new IdentityHashMap<>();
    Map<String, Sum> total = new HashMap<>(sums);
    for (DocumentResult r : results) {
      Part part = parts.get(r);
      if (part == null) {
        part = Part.of(r);
        add(total, part, 1);
      }
      now.put(r, part);
    }
    parts.forEach((r, part) -> {
      if (!now.containsKey(r)) {
        add(total, part, -1);
      }
    });
    Map<String, List<Finding>> intakeByPath = byPath(intake);
    Map<String, List<Finding>> corpusByPath = byPath(corpus);
    Map<String, List<Part>> partsByPath = new HashMap<>();
    for (DocumentResult r : results) {
      Part part = now.get(r);
      part.findings().keySet().forEach(p -> partsByPath.computeIfAbsent(p, x -> new ArrayList<>(1)).add(part));
    }
    TreeMap<String, PathFindings> paths = new TreeMap<>();
    for (String path : union(intakeByPath, partsByPath, corpusByPath)) {
      List<Finding> in = intakeByPath.getOrDefault(path, List.of());
      List<Part> held = partsByPath.getOrDefault(path, List.of());
      List<Finding> out = corpusByPath.getOrDefault(path, List.of());
      PathFindings before = byPath.get(path);
      paths.put(path, before != null && before.madeFrom(in, held, out) ? before
          : new PathFindings(in, held, out, assign(path, in, held, out)));
    }
    return new ReportParts(now, total, paths);
  }

  /** Every finding, sorted and fingerprinted as {@link Fingerprints#assign} does. */
  List<Finding> findings() {
    List<Finding> all = new ArrayList<>();
    byPath.values().forEach(p -> all.addAll(p.assigned()));
    return List.copyOf(all);
  }

  /** The counters the documents' results name, summed. */
  Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>();
    sums.forEach((k, s) -> out.put(k, s.total()));
    return out;
  }

  private static void add(Map<String, Sum> total, Part part, int sign) {
    part.counters().forEach((k, v) -> total.merge(k, new Sum(v, 1), (a, b) -> {
      Sum s = a.plus(v, sign);
      return s.parts() == 0 ? null : s;
    }));
  }

  private static List<Finding> assign(String path, List<Finding> intake, List<Part> parts, List<Finding> corpus) {
    List<Finding> all = new ArrayList<>(intake);
    parts.forEach(p -> all.addAll(p.findings().get(path)));
    all.addAll(corpus);
    return Fingerprints.assign(all);
  }

  private static Map<String, List<Finding>> byPath(List<Finding> findings) {
    Map<String, List<Finding>> out = new HashMap<>();
    findings.forEach(f -> out.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
    return out;
  }

  @SafeVarargs
  private static Set<String> union(Map<String, ?>... maps) {
    Set<String> out = new HashSet<>();
    for (Map<String, ?> m : maps) {
      out.addAll(m.keySet());
    }
    return out;
  }
}
