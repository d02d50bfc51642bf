package org.docgate.validate.terminology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which house-style rules ({@code house: true}: bilingual first use, the starter vocabulary) apply to a corpus. A rule
 * the config names with a severity applies (opt-in); otherwise it is inferred from the corpus: it applies when the
 * corpus already agrees with it in at least {@code inferAt} of the places it judges (first uses that carry their
 * English gloss; uses in the accepted spelling), so that it reports the slips of a corpus that follows the style and
 * says nothing to a corpus that never did. Generic rules always apply. Immutable.
 */
final class HouseStyle {
  /** Whether a house rule applies, and why, as {@code stats} shows it. */
  record Decision(boolean on, String why) {}

  /** Agreement measured for one rule over a corpus: agreeing places and all places judged. */
  record Agreement(long agree, long total) {
    Agreement plus(Agreement o) {
      return new Agreement(agree + o.agree, total + o.total);
    }

    double rate() {
      return total == 0 ? 0 : agree / (double) total;
    }
  }

  private final Map<TermRule, Decision> decisions;

  private HouseStyle(Map<TermRule, Decision> decisions) {
    this.decisions = Map.copyOf(decisions);
  }

  /** Every rule applies: nothing to infer from (a document checked alone, or no house rules). */
  static HouseStyle allOn(List<TermRule> rules, Set<String> optedIn) {
    Map<TermRule, Decision> d = new LinkedHashMap<>();
    for (TermRule r : rules) {
      if (r.options().house()) {
        d.put(r, new Decision(true, optedIn.contains(r.id()) ? "on (config)" : "on (no corpus to infer from)"));
      }
    }
    return new HouseStyle(d);
  }

  /** The decisions for a corpus whose agreement with each house rule was measured. */
  static HouseStyle inferred(List<TermRule> rules, Set<String> optedIn, Map<TermRule, Agreement> measured) {
    Map<TermRule, Decision> d = new LinkedHashMap<>();
    for (TermRule r : rules) {
      if (!r.options().house()) {
        continue;
      }
      Agreement a = measured.getOrDefault(r, new Agreement(0, 0));
      String numbers = a.agree() + " of " + a.total() + " " + (r.kind() == RuleKind.BILINGUAL_FIRST_USE
          ? "first uses glossed" : "uses in the accepted form") + ", " + Math.round(a.rate() * 100) + "%";
      if (optedIn.contains(r.id())) {
        d.put(r, new Decision(true, "on (config; the corpus: " + numbers + ")"));
      } else {
        boolean on = a.total() > 0 && a.rate() >= r.options().inferAt();
        d.put(r, new Decision(on, (on ? "on" : "off") + " (inferred: " + numbers + (on ? " ≥ " : " < ")
            + Math.round(r.options().inferAt() * 100) + "%)"));
      }
    }
    return new HouseStyle(d);
  }

  /** The house rules that do not apply: what a judged document's result depends on (the reasons do not count). */
  Set<TermRule> off() {
    Set<TermRule> off = new java.util.HashSet<>();
    decisions.forEach((r, d) -> {
      if (!d.on()) {
        off.add(r);
      }
    });
    return Set.copyOf(off);
  }

  boolean applies(TermRule rule) {
    Decision d = decisions.get(rule);
    return d == null || d.on();
  }

  /** {@code house.<Rule>}: whether each house rule applies and why (the validator's facts, shown in stats). */
  Map<String, String> facts() {
    Map<String, String> out = new LinkedHashMap<>();
    decisions.forEach((r, d) -> out.put("terms.house." + TerminologyValidator.key(r.name()), d.why()));
    return out;
  }
}
