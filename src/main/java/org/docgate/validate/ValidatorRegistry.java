package org.docgate.validate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
    // Built only when chosen: the version data alone takes 0.4 s of CPU to load, which a links-only scan need not pay.
    Map<String, Supplier<Validator>> all = new LinkedHashMap<>();
    all.put("links", () -> InternalLinkValidator.fromRules(rules, config));
    all.put("versions", () -> VersionValidator.fromRules(rules, clock));
    all.put("completeness", () -> CompletenessValidator.fromRules(rules, config));
    all.put("weblinks", () -> WebLinkValidator.fromRules(rules, config, network, clock));
    all.put("terms", () -> TerminologyValidator.fromRules(rules));
    all.put("snippets", () -> SnippetValidator.fromRules(rules));
    for (String id : only) {
      if (!all.containsKey(id)) {
        throw new IllegalArgumentException("unknown validator '" + id + "' (known: " + String.join(", ", all.keySet())
            + ")");
      }
    }
    List<Validator> chosen = new ArrayList<>();
    all.forEach((id, make) -> {
      if (only.isEmpty() || only.contains(id)) {
        Validator v = make.get();
        if (!v.id().equals(id)) {
          throw new IllegalStateException("validator " + v.getClass().getSimpleName() + " has id " + v.id()
              + ", registered as " + id);
        }
        chosen.add(v);
      }
    });
    // Rule ids in the config are checked against every validator's rules, not only the chosen ones (--only must not
    // turn a config that is right into an error); the others are built only when the chosen ones do not explain it.
    Set<String> ruleIds = new LinkedHashSet<>();
    org.docgate.corpus.CorpusRules.ALL.forEach(r -> ruleIds.add(r.id()));
    ruleIds.add(INTERNAL_ERROR.id());
    chosen.forEach(v -> v.rules().forEach(r -> ruleIds.add(r.id())));
    if (!ruleIds.containsAll(config.ruleSeverities().keySet())) {
      all.forEach((id, make) -> {
        if (!(only.isEmpty() || only.contains(id))) {
          make.get().rules().forEach(r -> ruleIds.add(r.id()));
        }
      });
    }
    config.checkRuleIds(ruleIds);
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

  /** Runs every validator on one document (each one's corpus step run for it alone), then applies overrides. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index) {
    return validate(document, index, v -> true);
  }

  /** As {@link #validate(MarkdownDocument, CorpusIndex)}, the chosen validators only. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index, Predicate<Validator> which) {
    return validate(document, index, prepare(index, v -> List.of(document), PreparedCorpus.NONE), which);
  }

  /**
   * Every validator's corpus step ({@link Validator#prepare}), in registry order. A validator whose step fails is
   * reported on each document it would have validated, like a crash in {@link Validator#validate}.
   *
   * @param documents the documents each validator will validate in this scan
   * @param previous the previous scan's prepared states (the service), or {@link PreparedCorpus#NONE}
   */
  public PreparedCorpus prepare(CorpusIndex index, Function<Validator, Collection<MarkdownDocument>> documents,
      PreparedCorpus previous) {
    Map<String, Prepared> prepared = new LinkedHashMap<>();
    for (Validator v : validators) {
      try {
        prepared.put(v.id(), v.prepare(index, documents.apply(v), previous.of(v)));
      } catch (RuntimeException | StackOverflowError e) {
        prepared.put(v.id(), new Failed(e));
      }
    }
    return new PreparedCorpus(prepared);
  }

  /** A corpus step that crashed: each document it would have served gets the internal error instead. */
  private record Failed(Throwable error) implements Prepared {}

  /** Runs the chosen validators on one document, then applies suppressions and severity overrides. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index, PreparedCorpus prepared,
      Predicate<Validator> which) {
    ValidationResult total = ValidationResult.EMPTY;
    for (Validator v : validators) {
      if (!which.test(v)) {
        continue;
      }
      if (prepared.of(v) instanceof Failed failed) {
        total = total.plus(crashed(document, v, failed.error()));
        continue;
      }
      try {
        total = total.plus(v.validate(document, index, prepared.of(v)));
      } catch (RuntimeException | StackOverflowError e) {
        // A validator bug must not lose the rest of the scan: report it where it happened.
        total = total.plus(crashed(document, v, e));
      }
    }
    return shown((rule, line, path) -> document.isSuppressed(rule, line), total);
  }

  private static ValidationResult crashed(MarkdownDocument document, Validator v, Throwable e) {
    return new ValidationResult(List.of(INTERNAL_ERROR.at(document.path(), 1, 1,
        "validator '" + v.id() + "' failed on this document: " + e)), Map.of());
  }

  /**
   * The corpus-wide findings and counters of the prepared states ({@link Prepared#corpusResult()}), once per scan,
   * with the suppressions of the documents the findings are in and the severity overrides applied.
   */
  public ValidationResult corpusResult(PreparedCorpus prepared, CorpusIndex index) {
    ValidationResult total = ValidationResult.EMPTY;
    for (Validator v : validators) {
      total = total.plus(prepared.of(v).corpusResult());
    }
    return shown((rule, line, path) -> {
      MarkdownDocument doc = index.documents().get(path);
      return doc != null && doc.isSuppressed(rule, line);
    }, total);
  }

  /** Whether an inline comment silences a rule on a line of a document. */
  private interface Silenced {
    boolean test(String rule, int line, String path);
  }

  /**
   * What the report shows of a result: findings silenced by an inline comment or turned off in the config leave it,
   * and so do the counters their items added (their {@link Tally}), so that every ratio and gate counts what is
   * shown. Each left-out finding is counted in {@code suppressed.<family>.inline|off}.
   */
  private ValidationResult shown(Silenced silenced, ValidationResult total) {
    Map<String, Long> counters = new TreeMap<>(total.counters());
    Set<Finding> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Finding> kept = new ArrayList<>();
    for (Finding f : total.findings()) {
      String reason = silenced.test(f.rule(), f.line(), f.path()) ? "inline"
          : turnedOff(f.rule()) ? "off" : null;
      if (reason == null) {
        kept.add(f);
      } else {
        dropped.add(f);
        counters.merge("suppressed." + family(f.rule()) + "." + reason, 1L, Long::sum);
      }
    }
    for (Tally t : total.tallies()) {
      if (dropped.contains(t.finding())) {
        t.counters().forEach(c -> counters.computeIfPresent(c, (k, v) -> v > 1 ? v - 1 : null));
      }
    }
    return new ValidationResult(applyOverrides(kept), counters);
  }

  private boolean turnedOff(String rule) {
    Optional<Severity> o = overrides.get(rule);
    return o != null && o.isEmpty();
  }

  /** {@code links} of {@code links/missing-file}, {@code terms} of {@code terms/docgate.Kubernetes}. */
  private static String family(String rule) {
    int slash = rule.indexOf('/');
    return slash < 0 ? rule : rule.substring(0, slash);
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
