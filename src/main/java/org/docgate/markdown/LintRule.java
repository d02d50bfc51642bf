package org.docgate.markdown;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The markdownlint rules docgate has a rule of its own for, with the names markdownlint accepts for each in a config
 * file or an inline comment: the rule id, its aliases and its tags (a tag switches every rule carrying it). Names of
 * other markdownlint rules mean nothing here and are ignored, as markdownlint ignores names it does not know.
 */
public enum LintRule {
  /** Heading levels should only increment by one level at a time: docgate's {@code completeness/heading-skip}. */
  MD001(List.of("heading-increment", "header-increment"), List.of("headings", "headers")),
  /** Fenced code blocks should have a language specified: docgate's {@code snippets/missing-language}. */
  MD040(List.of("fenced-code-language"), List.of("code", "language")),
  /** First line in a file should be a top-level heading: docgate's {@code completeness/missing-title}. */
  MD041(List.of("first-line-heading", "first-line-h1"), List.of("headings", "headers"));

  private final List<String> aliases;
  private final List<String> tags;

  LintRule(List<String> aliases, List<String> tags) {
    this.aliases = aliases;
    this.tags = tags;
  }

  /** The rules a config key or comment parameter names (id, alias or tag, ignoring case); empty when none. */
  public static Set<LintRule> named(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    Set<LintRule> out = EnumSet.noneOf(LintRule.class);
    for (LintRule r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(lower) || r.aliases.contains(lower) || r.tags.contains(lower)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The rule with this id ({@code MD001}, ignoring case), or null when docgate has no equivalent of it. */
  public static LintRule byId(String id) {
    for (LintRule r : values()) {
      if (r.name().equalsIgnoreCase(id.strip())) {
        return r;
      }
    }
    return null;
  }
}
