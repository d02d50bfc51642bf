package org.docgate.validate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.docgate.finding.Rule;
import org.docgate.markdown.Slugger;

/**
 * A validator's facts, declared once (error-prone's {@code @BugPattern}): SARIF's help links, the HTML report's and
 * Prometheus' {@code validator}, {@code --only} and its completion, and the README check all read this, so a new
 * validator is one constant in its package and one line in {@code ValidatorCatalog.SHIPPED}.
 *
 * @param id what {@code --only}, the metric tag {@code validator}, the counter prefix ({@code links.internal.ok}) and
 *     the new rule families use, e.g. {@code links}
 * @param title a few words for people, e.g. {@code Internal links}
 * @param readmeSection the README heading that documents its rules, as rendered (without backticks)
 * @param rules the rules it may report, when they are fixed; a validator whose rules come from data files
 *     ({@code terms}) declares none here and returns them from {@link Validator#rules()}
 * @param metrics the report ratios computed from its counters, whose names all start with {@code id.}
 * @param factory builds it from the rules folder, config, clock and network; null for the rule families that are not
 *     a validator one can choose (corpus intake, docgate's own)
 */
public record ValidatorDeclaration(String id, String title, String readmeSection, List<Rule> rules,
    List<Metric> metrics, Function<ValidatorInputs, Validator> factory) {

  public ValidatorDeclaration {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(readmeSection, "readmeSection");
    if (id == null || !id.matches("[a-z]+")) {
      throw new IllegalArgumentException("a validator id is lower-case letters: " + id);
    }
    rules = List.copyOf(rules);
    metrics = List.copyOf(metrics);
    for (Metric m : metrics) {
      // the counter prefix is the id, so a counter in the report names the validator that counted it
      if (!m.okCounter().startsWith(id + ".") || !m.totalCounter().startsWith(id + ".")) {
        throw new IllegalArgumentException("metric " + m.name() + " of validator " + id + " counts "
            + m.okCounter() + " / " + m.totalCounter() + ": counters start with '" + id + ".'");
      }
    }
  }

  /** The README anchor of {@link #readmeSection}, as GitHub renders it. */
  public String readmeAnchor() {
    return Slugger.slugOf(readmeSection);
  }
}
