package org.docgate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.finding.Finding;
import org.docgate.corpus.LinkTarget;

/**
 * Triage order and root-cause groups for the human reports (text, HTML, dashboard). Pure functions: the JSON, SARIF
 * and JUnit reports keep their documented order and are not grouped.
 */
public final class FindingGroups {
  /** Errors first, then warnings, then info; within a severity by path, line, column and rule. */
  public static final Comparator<Finding> TRIAGE = Comparator.comparing(Finding::severity)
      .thenComparing(Finding::path).thenComparingInt(Finding::line).thenComparingInt(Finding::column)
      .thenComparing(Finding::rule);

  private static final String MISSING_FILE = "links/missing-file";
  private static final String MISSING_ANCHOR = "links/missing-anchor";

  private FindingGroups() {}

  public static List<Finding> triageOrder(List<Finding> findings) {
    return findings.stream().sorted(TRIAGE).toList();
  }

  /**
   * The findings in triage order, those with one root cause gathered into one group placed where its first finding
   * sorts. Two or more links to the same missing file or folder (resolved against each linking document, so
   * {@code ../install} and {@code docs/install} meet) make one group; so do two or more links to the same missing
   * anchor of one document.
   */
  public static List<FindingGroup> group(List<Finding> findings) {
    Map<String, List<Finding>> byCause = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    for (Finding f : triageOrder(findings)) {
      Optional<String> cause = causeOf(f);
      if (cause.isEmpty()) {
        order.add(f);
        continue;
      }
      List<Finding> members = byCause.get(cause.get());
      if (members == null) {
        members = new ArrayList<>();
        byCause.put(cause.get(), members);
        order.add(cause.get());
      }
      members.add(f);
    }
    List<FindingGroup> groups = new ArrayList<>(order.size());
    for (Object item : order) {
      if (item instanceof Finding f) {
        groups.add(new FindingGroup(null, List.of(f)));
        continue;
      }
      String key = (String) item;
      List<Finding> members = byCause.get(key);
      if (members.size() == 1) {
        groups.add(new FindingGroup(null, members));
      } else {
        String what = members.get(0).rule().equals(MISSING_FILE) ? "missing" : "missing anchor";
        groups.add(new FindingGroup(members.size() + " links to '" + key + "' (" + what + ")", members));
      }
    }
    return groups;
  }

  /** The resolved target a link finding shares with others: {@code docs/install} or {@code docs/a.md#setup}. */
  static Optional<String> causeOf(Finding f) {
    if (f.target() == null || !(f.rule().equals(MISSING_FILE) || f.rule().equals(MISSING_ANCHOR))) {
      return Optional.empty();
    }
    LinkTarget target = LinkTarget.parse(f.target());
    if (target.kind() != LinkTarget.Kind.INTERNAL) {
      return Optional.empty();
    }
    Optional<String> path =
        target.path().isEmpty() ? Optional.of(f.path()) : LinkTarget.resolve(f.path(), target.path());
    if (path.isEmpty()) {
      return Optional.empty();
    }
    if (f.rule().equals(MISSING_FILE)) {
      return path;
    }
    return target.fragment() == null ? Optional.empty() : Optional.of(path.get() + "#" + target.fragment());
  }
}
