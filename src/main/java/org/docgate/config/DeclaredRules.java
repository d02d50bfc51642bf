package org.docgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The rules one validator reports, as data: {@code rules/<owner>/rules.yaml} gives each rule's id, default severity
 * and one-line summary (Vale's rule files; what error-prone's {@code @BugPattern} declares once). The code names a
 * rule by its id where it reports it ({@code RULES.rule("links/missing-file")}), so the id a user reads in a report
 * or writes in a config is also what finds the code; {@code DeclaredRulesTest} checks that every declared rule is
 * named in the code and every named one is declared.
 *
 * <p>Read from the packaged rules only, once per owner: the ids are the code's, and a corpus changes a severity in
 * its {@code .docgate.yaml} ({@code rules:}), not here. Strict: an unknown key, a bad id or severity fails with the
 * file and line.
 */
public final class DeclaredRules {
  private static final Map<String, DeclaredRules> LOADED = new ConcurrentHashMap<>();

  private final String source;
  private final Map<String, Rule> byId;

  private DeclaredRules(String source, Map<String, Rule> byId) {
    this.source = source;
    this.byId = byId;
  }

  /** The rules of {@code owner} (a validator id, or {@code corpus} for intake), read on first use. */
  public static DeclaredRules of(String owner) {
    return LOADED.computeIfAbsent(owner,
        o -> RuleFiles.packaged().load(o + "/rules.yaml", DeclaredRules::parse));
  }

  static DeclaredRules parse(String source, String text) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : y.top(text, "the rules file", null).entrySet()) {
      String id = e.getKey();
      Map<String, Node> fields = y.mapping(e.getValue(), "rule '" + id + "'", Set.of("severity", "summary"));
      for (String key : List.of("severity", "summary")) {
        if (!fields.containsKey(key)) {
          throw y.error(e.getValue(), "rule '" + id + "' has no " + key);
        }
      }
      try {
        byId.put(id, new Rule(id, y.scalar(fields.get("summary"), "summary of '" + id + "'"),
            Severity.parse(y.scalar(fields.get("severity"), "severity of '" + id + "'"))));
      } catch (IllegalArgumentException bad) {
        throw y.error(e.getValue(), bad.getMessage());
      }
    }
    return new DeclaredRules(source, byId);
  }

  /** The declared rule {@code id}; an id not declared is a bug in docgate, named with the nearest declared one. */
  public Rule rule(String id) {
    Rule rule = byId.get(id);
    if (rule == null) {
      String near = YamlNodes.nearest(id, byId.keySet());
      throw new IllegalArgumentException(source + " declares no rule '" + id + "'"
          + (near == null ? "" : " (did you mean '" + near + "'?)"));
    }
    return rule;
  }

  /** Every rule, in the file's order (the order of the README's tables and of SARIF's rules). */
  public List<Rule> rules() {
    return List.copyOf(byId.values());
  }
}
