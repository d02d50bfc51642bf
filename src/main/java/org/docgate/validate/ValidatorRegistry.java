package org.docgate.validate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.completeness.CompletenessValidator;
import org.docgate.validate.links.InternalLinkValidator;
import org.docgate.validate.snippets.SnippetValidator;
import org.docgate.validate.terminology.TerminologyValidator;
import org.docgate.validate.versions.VersionValidator;
import org.docgate.validate.weblinks.Network;
import org.docgate.validate.weblinks.WebLinkValidator;

/** The one list of validators, and the per-rule severity overrides of the config. Thread-safe. */
public final class ValidatorRegistry {
  public static final Rule INTERNAL_ERROR =
      new Rule("docgate/internal-error", "A validator crashed on this document (a docgate bug: please report it)",
          Severity.ERROR);

  private final List<Validator> validators;
  private final Map<String, Optional<Severity>> overrides;

  public ValidatorRegistry(List<Validator> validators, Map<String, Optional<Severity>> overrides) {
    this.validators = List.copyOf(validators);
    this.overrides = Map.copyOf(overrides);
  }

  /** Every validator docgate ships, or only those named in {@code only} (empty: all). */
  public static ValidatorRegistry create(DocgateConfig config, RuleFiles rules, Set<String> only) {
    return create(config, rules, only, Clock.systemUTC());
  }

  /** As {@link #create(DocgateConfig, RuleFiles, Set)}, with the clock that dates end-of-life checks. */
  public static ValidatorRegistry create(DocgateConfig config, RuleFiles rules, Set<String> only, Clock clock) {
    return create(config, rules, only, clock, Network.none());
  }

  /**
   * As {@link #create(DocgateConfig, RuleFiles, Set, Clock)}, with the network the external link check may use
   * (without one, external links are counted as unchecked and nothing is fetched).
   */
  public static ValidatorRegistry create(DocgateConfig config, RuleFiles rules, Set<String> only, Clock clock,
      Network network) {
    List<Validator> all = List.of(InternalLinkValidator.fromRules(rules, config),
        VersionValidator.fromRules(rules, clock),
        CompletenessValidator.fromRules(rules, config),
        WebLinkValidator.fromRules(rules, config, network, clock),
        TerminologyValidator.fromRules(rules),
        SnippetValidator.fromRules(rules));
    Set<String> known = new LinkedHashSet<>();
    all.forEach(v -> known.add(v.id()));
    for (String id : only) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("unknown validator '" + id + "' (known: " + String.join(", ", known) + ")");
      }
    }
    // Rule ids are checked against every validator's rules, not only the chosen ones: --only must not turn a
    // config that is right into an error.
    Set<String> ruleIds = new LinkedHashSet<>();
    org.docgate.corpus.CorpusRules.ALL.forEach(r -> ruleIds.add(r.id()));
    ruleIds.add(INTERNAL_ERROR.id());
    all.forEach(v -> v.rules().forEach(r -> ruleIds.add(r.id())));
    config.checkRuleIds(ruleIds);
    List<Validator> chosen = all.stream().filter(v -> only.isEmpty() || only.contains(v.id())).toList();
    return new ValidatorRegistry(chosen, config.ruleSeverities());
  }

  public List<Validator> validators() {
    return validators;
  }

  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    validators.forEach(v -> rules.addAll(v.rules()));
    return rules;
  }

  /** Runs every validator on one document, then applies severity overrides. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index) {
    return validate(document, index, v -> true);
  }

  /** Runs the chosen validators on one document, then applies suppressions and severity overrides. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index, Predicate<Validator> which) {
    ValidationResult total = ValidationResult.EMPTY;
    for (Validator v : validators) {
      if (!which.test(v)) {
        continue;
      }
      try {
        total = total.plus(v.validate(document, index));
      } catch (RuntimeException | StackOverflowError e) {
        // A validator bug must not lose the rest of the scan: report it where it happened.
        total = total.plus(new ValidationResult(List.of(INTERNAL_ERROR.at(document.path(), 1, 1,
            "validator '" + v.id() + "' failed on this document: " + e)), Map.of()));
      }
    }
    List<Finding> kept = total.findings().stream()
        .filter(f -> !document.isSuppressed(f.rule(), f.line()))
        .toList();
    return new ValidationResult(applyOverrides(kept), total.counters());
  }

  /** The chosen validators' facts about a corpus (see {@link Validator#facts}). */
  public Map<String, String> facts(CorpusIndex index) {
    Map<String, String> facts = new java.util.TreeMap<>();
    validators.forEach(v -> facts.putAll(v.facts(index)));
    return facts;
  }

  /** Every metric of the chosen validators, in registry order. */
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    validators.forEach(v -> metrics.addAll(v.metrics()));
    return metrics;
  }

  /** Applies severity overrides (and "off") to any findings, including intake's. */
  public List<Finding> applyOverrides(List<Finding> findings) {
    if (overrides.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Optional<Severity> o = overrides.get(f.rule());
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
