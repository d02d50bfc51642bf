package org.docgate.validate.terminology;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;

/**
 * The corpus's own choice between the two forms of a consistency pair: the form its glossary writes when it writes
 * that one alone. A glossary is a document whose file name matches the rule's {@code glossaries} globs
 * ({@code GLOSSARY_技术术语双语对照表.md}, {@code TERMINOLOGY.md}). Without one, a document that writes one form
 * throughout is consistent whichever it is (a house choice); with one, the house has chosen, and a document that writes
 * only the other form is flagged too (vshpere-1019's glossaries write "Wasm" only, its chapters "WASM": judged misses
 * of the second blind round). Identifiers in the glossary (code, labels, handles) choose nothing. Pure. Equal when
 * the glossaries choose the same forms at the same places (a document's kept result holds then).
 */
record CorpusChoices(Map<TermRule, Map<Integer, Choice>> choices) {
  /** The chosen form of a pair and where a glossary writes it first (corpus-relative path, 1-based line). */
  record Choice(String form, String path, int line) {}

  static final CorpusChoices NONE = new CorpusChoices(Map.of());

  /** The corpus's choice for a pair ({@link Term#group()}) of a rule, or null when its glossaries choose none. */
  Choice of(TermRule rule, int group) {
    return choices.getOrDefault(rule, Map.of()).get(group);
  }

  /**
   * What one document writes as a glossary: per rule it is a glossary of (by its file name), per pair, each form in
   * the order first written, with its first place. Empty for a document that is no rule's glossary.
   */
  record Written(Map<TermRule, Map<Integer, Map<String, Choice>>> forms) {
    static final Written NONE = new Written(Map.of());
  }

  /** Reads the glossaries among {@code docs} with the validator's matcher. */
  static CorpusChoices from(Collection<MarkdownDocument> docs, List<TermRule> rules, TermMatcher matcher) {
    Map<TermRule, List<PathMatcher>> globs = globs(rules);
    return globs.isEmpty() ? NONE : of(docs.stream().sorted(Comparator.comparing(MarkdownDocument::path))
        .map(d -> written(d, globs, matcher)).toList());
  }

  /** Each consistency rule with glossaries and its glossaries' file-name globs (lower-cased); empty: none has any. */
  static Map<TermRule, List<PathMatcher>> globs(List<TermRule> rules) {
    Map<TermRule, List<PathMatcher>> globs = new LinkedHashMap<>();
    for (TermRule r : rules) {
      if (r.kind() == RuleKind.CONSISTENCY && !r.options().glossaries().isEmpty()) {
        globs.put(r, r.options().glossaries().stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g.toLowerCase(Locale.ROOT))).toList());
      }
    }
    return globs;
  }

  /**
   * The corpus's choices from what each document writes as a glossary ({@link #written}), the documents in path
   * order: the service keeps each document's part, so an edit neither matches every file name against the glossary
   * globs nor reads the glossaries' prose again (issue 21.3).
   */
  static CorpusChoices of(Collection<Written> inPathOrder) {
    // rule -> group -> form -> first place written, documents in path order
    Map<TermRule, Map<Integer, Map<String, Choice>>> seen = new HashMap<>();
    for (Written written : inPathOrder) {
      written.forms().forEach((rule, groups) -> groups.forEach((group, forms) -> forms.forEach((form, place) ->
          seen.computeIfAbsent(rule, r -> new HashMap<>()).computeIfAbsent(group, g -> new LinkedHashMap<>())
              .putIfAbsent(form, place))));
    }
    Map<TermRule, Map<Integer, Choice>> out = new HashMap<>();
    seen.forEach((rule, groups) -> groups.forEach((group, forms) -> {
      if (forms.size() == 1) {
        out.computeIfAbsent(rule, r -> new HashMap<>()).put(group, forms.values().iterator().next());
      }
    }));
    return new CorpusChoices(Map.copyOf(out));
  }

  /** What one document writes as a glossary of the rules {@code globs} names (see {@link #globs}). */
  static Written written(MarkdownDocument d, Map<TermRule, List<PathMatcher>> globs, TermMatcher matcher) {
    Path name = Path.of(fileName(d.path()).toLowerCase(Locale.ROOT));
    List<TermRule> glossaryOf = globs.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(m -> m.matches(name))).map(Map.Entry::getKey).toList();
    if (glossaryOf.isEmpty()) {
      return Written.NONE;
    }
    Map<TermRule, Map<Integer, Map<String, Choice>>> seen = new HashMap<>();
    int frontMatter = d.frontMatterEnd();
    List<ProseRun> prose = d.prose();
    for (int i = 0; i < prose.size(); i++) {
      ProseRun run = prose.get(i);
      if (run.position().line() <= frontMatter) {
        continue;
      }
      for (TermMatcher.Use use : matcher.uses(run)) {
        for (TermMatcher.Entry e : use.entries()) {
          if (!glossaryOf.contains(e.rule()) || e.term().role() != Term.Role.FORM
              || Identifiers.of(d, i, use.start(), use.end()) != null) {
            continue;
          }
          int line = run.positionAt(use.start()).line();
          seen.computeIfAbsent(e.rule(), r -> new HashMap<>())
              .computeIfAbsent(e.term().group(), g -> new LinkedHashMap<>())
              .putIfAbsent(e.term().text(), new Choice(e.term().text(), d.path(), line));
        }
      }
    }
    return new Written(seen);
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
