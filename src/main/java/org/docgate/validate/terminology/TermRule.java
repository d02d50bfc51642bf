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
 * @param options the keys only some kinds read (house style, a consistency rule's preferred forms, near-miss names)
 */
record TermRule(String name, RuleKind kind, String message, Severity severity, Set<ProseRun.Scope> scopes,
    String link, List<Term> terms, List<Gloss> glosses, Options options) {

  /**
   * @param house a house-style rule: applied when the corpus already follows it (see {@link HouseStyle}) or when the
   *     config names it; a generic rule (false) always applies
   * @param inferAt the share of agreeing uses (glossed first uses, preferred spellings) from which a house-style
   *     rule is inferred on
   * @param prefer a consistency rule's forms the style names as right: a mix is resolved towards them
   * @param names a near-miss rule's own names, besides every canonical name of the other rules
   * @param minLength a near-miss rule's shortest name
   * @param skipHeadings a bilingual rule: section headings (substrings) whose lists are navigation, not prose
   * @param skipLabels a bilingual rule: line labels ({@code 关键词：}) that start an index of keywords
   * @param englishWithin a bilingual rule: how many lines before a use an English form still counts as given
   * @param dictionary a near-miss rule's word list (a path under {@code rules/terminology/}), or empty
   * @param words the words of that list: a near miss that is one of them is a word, not a misspelling
   * @param exceptAfter an existence rule: words right before a use that take its claim back ("rather than a
   *     revolutionary approach")
   * @param learning a names rule: how names are learned from the corpus's commands, or null (the list alone)
   * @param vocabulary a names rule's list of names, one a line (a path under {@code rules/terminology/}), or empty
   * @param glossaries a consistency rule: file-name globs (any case) of the corpus's own glossaries; a form they write
   *     alone is the corpus's choice (see {@link CorpusChoices})
   * @param commands a substitution rule: lower-case forms that are also the product's command ({@code podman}); in a
   *     list of tools such a form is the command, as is any the corpus runs
   * @param currentOnly an existence rule judged only in a living document and not in a comparison sentence (the
   *     shared currency model; a dated report's "最全面" was its author's claim that day)
   */
  record Options(boolean house, double inferAt, Set<String> prefer, List<String> names, int minLength,
      List<String> skipHeadings, List<String> skipLabels, int englishWithin, String dictionary, Set<String> words,
      List<String> exceptAfter, Learning learning, String vocabulary, List<String> glossaries, boolean currentOnly,
      List<String> commands) {
    static final Options NONE = new Options(false, 0.5, Set.of(), List.of(), 6, List.of(), List.of(), 0, "",
        Set.of(), List.of(), null, "", List.of(), false, List.of());

    Options {
      prefer = Set.copyOf(prefer);
      names = List.copyOf(names);
      skipHeadings = List.copyOf(skipHeadings);
      skipLabels = List.copyOf(skipLabels);
      words = Set.copyOf(words);
      exceptAfter = List.copyOf(exceptAfter);
      glossaries = List.copyOf(glossaries);
      commands = List.copyOf(commands);
    }

    Options withWords(Set<String> loaded) {
      return new Options(house, inferAt, prefer, names, minLength, skipHeadings, skipLabels, englishWithin,
          dictionary, loaded, exceptAfter, learning, vocabulary, glossaries, currentOnly, commands);
    }
  }

  /**
   * How a names rule learns names from the corpus: a command name of its shell blocks ({@code kubectl},
   * {@code istioctl}) that its prose writes {@code minUses} times or more, at least {@code share} of them in exactly
   * that form.
   */
  record Learning(int minUses, double share) {}

  TermRule withTerms(List<Term> more) {
    List<Term> all = new java.util.ArrayList<>(terms);
    all.addAll(more);
    return new TermRule(name, kind, message, severity, scopes, link, all, glosses, options);
  }

  TermRule withOptions(Options o) {
    return new TermRule(name, kind, message, severity, scopes, link, terms, glosses, o);
  }

  TermRule {
    scopes = Set.copyOf(scopes);
    terms = List.copyOf(terms);
    glosses = List.copyOf(glosses);
  }

  TermRule(String name, RuleKind kind, String message, Severity severity, Set<ProseRun.Scope> scopes, String link,
      List<Term> terms, List<Gloss> glosses) {
    this(name, kind, message, severity, scopes, link, terms, glosses, Options.NONE);
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
