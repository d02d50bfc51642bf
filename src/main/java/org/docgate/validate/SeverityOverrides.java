package org.docgate.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;

/**
 * The config's per-rule severities ({@code rules: {links/anchor-case: error, corpus/symlink-outside: off}}), applied
 * here only: the registry uses it for what the report shows, a validator whose counters depend on the shown severity
 * (completeness) asks it the same question.
 */
public final class SeverityOverrides {
  public static final SeverityOverrides NONE = new SeverityOverrides(Map.of());

  private final Map<String, Optional<Severity>> byRule;

  /** @param byRule rule id to severity; a rule mapped to {@link Optional#empty()} is off */
  public SeverityOverrides(Map<String, Optional<Severity>> byRule) {
    this.byRule = Map.copyOf(byRule);
  }

  /** The severity a finding is shown with, or empty when its rule is off. */
  public Optional<Severity> severityOf(Finding f) {
    Optional<Severity> o = byRule.get(f.rule());
    return o == null ? Optional.of(f.severity()) : o;
  }

  public boolean isOff(String rule) {
    Optional<Severity> o = byRule.get(rule);
    return o != null && o.isEmpty();
  }

  /** The findings as shown: overridden severities applied, findings of rules turned off left out. */
  public List<Finding> apply(List<Finding> findings) {
    if (byRule.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Optional<Severity> o = byRule.get(f.rule());
      if (o == null) {
        out.add(f);
      } else if (o.isPresent()) {
        out.add(new Finding(f.rule(), o.get(), f.path(), f.line(), f.column(), f.message(), f.target(),
            f.suggestion(), f.fingerprint()));
      }
    }
    return out;
  }
}
