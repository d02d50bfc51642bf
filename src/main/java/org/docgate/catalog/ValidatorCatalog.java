package org.docgate.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.config.DeclaredRules;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.validate.ValidatorDeclaration;
import org.docgate.validate.completeness.CompletenessValidator;
import org.docgate.validate.links.InternalLinkValidator;
import org.docgate.validate.snippets.SnippetValidator;
import org.docgate.validate.terminology.TerminologyValidator;
import org.docgate.validate.versions.VersionValidator;
import org.docgate.validate.weblinks.WebLinkValidator;

/**
 * Every rule a run can report and the declaration that owns each: what SARIF's help links, the HTML report's and
 * Prometheus' {@code validator} read. Besides the validators, two rule families are declared here that no one
 * chooses: corpus intake ({@code corpus/*}) and docgate's own ({@code docgate/internal-error}).
 */
public final class ValidatorCatalog {
  /** A validator crashed on a document. */
  public static final Rule INTERNAL_ERROR =
      new Rule("docgate/internal-error", "A validator crashed on this document (a docgate bug: please report it)",
          Severity.ERROR);

  /** Every validator docgate ships, in the order they run and are listed: one line per validator. */
  public static final List<ValidatorDeclaration> SHIPPED = List.of(
      InternalLinkValidator.DECLARATION,
      VersionValidator.DECLARATION,
      CompletenessValidator.DECLARATION,
      WebLinkValidator.DECLARATION,
      TerminologyValidator.DECLARATION,
      SnippetValidator.DECLARATION);

  /** Files that could not become documents; documented with the links validator. */
  public static final ValidatorDeclaration INTAKE = new ValidatorDeclaration("corpus", "Corpus intake",
      "Internal links and corpus intake (links)", DeclaredRules.of("corpus").rules(), List.of(), null);
  /** A validator that crashed on a document; documented in the links validator's table. */
  public static final ValidatorDeclaration DOCGATE = new ValidatorDeclaration("docgate", "docgate itself",
      "Internal links and corpus intake (links)", List.of(INTERNAL_ERROR), List.of(), null);

  private static volatile ValidatorCatalog shipped;

  private final List<ValidatorDeclaration> declarations;
  private final List<Rule> rules;
  private final Map<String, ValidatorDeclaration> byRule = new LinkedHashMap<>();
  private final Map<String, ValidatorDeclaration> byId = new LinkedHashMap<>();

  /**
   * @param validators the declarations of the validators of a run, in registry order
   * @param validatorRules their rules in report order, declared ones and those from data files (which belong to the
   *     validator whose id is their family); declared rules left out here are added after them
   */
  public ValidatorCatalog(List<ValidatorDeclaration> validators, List<Rule> validatorRules) {
    List<ValidatorDeclaration> all = new ArrayList<>();
    all.add(INTAKE);
    all.add(DOCGATE);
    all.addAll(validators);
    declarations = List.copyOf(all);
    for (ValidatorDeclaration d : declarations) {
      byId.putIfAbsent(d.id(), d);
      d.rules().forEach(rule -> byRule.putIfAbsent(rule.id(), d));
    }
    Map<String, Rule> ordered = new LinkedHashMap<>();
    INTAKE.rules().forEach(r -> ordered.putIfAbsent(r.id(), r));
    DOCGATE.rules().forEach(r -> ordered.putIfAbsent(r.id(), r));
    for (Rule rule : validatorRules) {
      if (ordered.putIfAbsent(rule.id(), rule) == null && !byRule.containsKey(rule.id())) {
        ownerOf(rule.id()).ifPresent(d -> byRule.put(rule.id(), d));
      }
    }
    validators.forEach(d -> d.rules().forEach(r -> ordered.putIfAbsent(r.id(), r)));
    rules = List.copyOf(ordered.values());
  }

  /** The validators docgate ships, with their declared rules: for what is read without a registry at hand. */
  public static ValidatorCatalog shipped() {
    ValidatorCatalog c = shipped;
    if (c == null) {
      c = new ValidatorCatalog(SHIPPED, List.of());
      shipped = c;
    }
    return c;
  }

  /** Intake's, docgate's and the validators' declarations, in that order. */
  public List<ValidatorDeclaration> declarations() {
    return declarations;
  }

  /** Every rule, each once, in declaration order. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The declaration owning a rule: the one declaring it, else the one whose id is the rule's family (rules from data
   * files, {@code terms/docgate.Kubernetes}). Only {@code links/external-*} differ from their family: those rule ids
   * are older than the {@code weblinks} validator, and users write them in configs.
   */
  public Optional<ValidatorDeclaration> ownerOf(String ruleId) {
    ValidatorDeclaration d = byRule.get(ruleId);
    return d != null ? Optional.of(d) : Optional.ofNullable(byId.get(family(ruleId)));
  }

  /** The {@code validator} of a finding's rule: its owner's id, else (a rule no one declares) its family. */
  public String validatorOf(String ruleId) {
    return ownerOf(ruleId).map(ValidatorDeclaration::id).orElse(family(ruleId));
  }

  /** {@code links} of {@code links/missing-file}. */
  static String family(String ruleId) {
    int slash = ruleId.indexOf('/');
    return slash < 0 ? ruleId : ruleId.substring(0, slash);
  }
}
