package org.docgate.validate.terminology;

import java.util.List;
import java.util.Set;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.markdown.ProseRun;

/**
 * One rule file, loaded and checked: {@code terms/<Style>.<File>}.
 *
 * @param name {@code Style.File}, for example {@code docgate.Kubernetes}
 * @param message the message template with Vale's {@code %s} slots (see {@link RuleKind} for their order)
 * @param glosses the glossary pairs of a bilingual rule, indexed by {@link Term#group()}; empty otherwise
 */
record TermRule(String name, RuleKind kind, String message, Severity severity, Set<ProseRun.Scope> scopes,
    String link, List<Term> terms, List<Gloss> glosses) {

  TermRule {
    scopes = Set.copyOf(scopes);
    terms = List.copyOf(terms);
    glosses = List.copyOf(glosses);
  }

  /** Rule ids are unique, so the id is the identity (the record default would hash every term on each lookup). */
  @Override
  public boolean equals(Object o) {
    return o instanceof TermRule other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  String id() {
    return "terms/" + name;
  }

  Rule rule() {
    String summary = kind.extendsName + ": " + message.replace("%s", "…") + (link == null ? "" : " (" + link + ")");
    return new Rule(id(), summary, severity);
  }

  /** The message with its {@code %s} slots filled in order (a literal {@code %} elsewhere stays as it is). */
  String format(String... args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int from = 0;
    for (int i = message.indexOf("%s"); i >= 0; i = message.indexOf("%s", from)) {
      out.append(message, from, i).append(next < args.length ? args[next++] : "");
      from = i + 2;
    }
    return out.append(message.substring(from)).toString();
  }
}
