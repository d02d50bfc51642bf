package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Position;
import org.docgate.markdown.ProseRun;
import org.docgate.validate.Metric;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.ValidatorDeclaration;
import org.docgate.validate.Validator;

/**
 * Terminology rules ({@code rules/terminology/}) over a document's prose runs: every term of every rule is found in
 * one pass per run ({@link TermMatcher}); each use is then judged by its rule type. Code, URLs, link destinations and
 * HTML are never prose runs; paths and identifiers written in prose are skipped by the matcher. Thread-safe: all
 * state is per document.
 *
 * <p>Counters: {@code terminology.uses} (uses of governed terms: substitution, consistency and capitalization terms),
 * {@code terminology.preferred} (of those, in the preferred form), {@code terminology.terms.<term>.<form>} (each
 * form as written, width-folded; the term is the rule file's name for substitution rules, the required form for
 * capitalization terms, the file name (or the pair's first form in sort order when a file has several pairs) for
 * consistency; in both names '.' and white space become '_': {@code terms.Nodejs.Node_js}),
 * {@code terminology.bilingual.glossed|unglossed|late|repeated}.
 */
public final class TerminologyValidator implements Validator {
  public static final String USES = "terms.uses";
  public static final String PREFERRED = "terms.preferred";

  private final List<TermRule> rules;
  private final TermMatcher matcher;

  TerminologyValidator(List<TermRule> rules) {
    this.rules = List.copyOf(rules);
    this.matcher = new TermMatcher(rules);
  }

  /** The validator for a rules folder; a broken rule file fails here with its file:line message. */
  public static TerminologyValidator fromRules(RuleFiles rules) {
    return new TerminologyValidator(TermRuleLoader.load(rules));
  }

  /** Reads the document alone: terms. */
  @Override
  public boolean readsLinkedDocuments() {
    return false;
  }

  /** What this validator is, declared once (see {@link ValidatorDeclaration}). */
  public static final ValidatorDeclaration DECLARATION = new ValidatorDeclaration("terms", "Terminology",
      "Terminology (terms)", List.of(),
      List.of(new Metric("terminologyConsistency", PREFERRED, USES)),
      in -> fromRules(in.rules()));

  @Override
  public ValidatorDeclaration declaration() {
    return DECLARATION;
  }

  @Override
  public List<Rule> rules() {
    return rules.stream().map(TermRule::rule).toList();
  }

  /** How many literals the rules compiled into (for the benchmark). */
  public int termCount() {
    return matcher.size();
  }

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    Run run = new Run(doc);
    List<ProseRun> prose = doc.prose();
    for (int i = 0; i < prose.size(); i++) {
      for (TermMatcher.Use use : matcher.uses(prose.get(i))) {
        run.judge(i, use);
      }
    }
    run.finishConsistency();
    run.finishBilingual();
    return new ValidationResult(run.findings, run.counters, run.tallies);
  }

  /** Counter-name safe: the JSON stats nest on dots, so dots and white space become {@code _}. */
  static String key(String name) {
    return name.replaceAll("[.\\s]+", "_");
  }

  /**
   * {@code podman volume create}, {@code linkerd check}, {@code $ podman ps}: a lower-case name followed by a
   * lower-case word (or after a shell prompt) is a command line written in prose, whose fix is backticks, not a
   * capital letter. Such uses are neither flagged nor counted.
   */
  static boolean looksLikeCommand(String text, int start, int end) {
    String name = text.substring(start, end);
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT)) || !name.chars().allMatch(c -> c < 128)) {
      return false;
    }
    if (start >= 2 && text.startsWith("$ ", start - 2)) {
      return true;
    }
    return end + 1 < text.length() && text.charAt(end) == ' ' && text.charAt(end + 1) >= 'a'
        && text.charAt(end + 1) <= 'z';
  }

  /** The 1-based position of an offset inside a run (runs are raw source; one may span a line break). */
  static Position position(ProseRun run, int offset) {
    String text = run.text();
    int nl = text.lastIndexOf('\n', offset - 1);
    if (nl < 0) {
      return new Position(run.position().line(), run.position().column() + offset);
    }
    int lines = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return new Position(run.position().line() + lines, offset - nl);
  }

  /** One document's pass. */
  private final class Run {
    final MarkdownDocument doc;
    final List<Finding> findings = new ArrayList<>();
    final Map<String, Long> counters = new TreeMap<>();
    /** The counters each finding's use added (taken back out when the finding is suppressed). */
    final List<Tally> tallies = new ArrayList<>();
    /** Consistency uses per rule and pair, in document order. */
    final Map<TermRule, List<Located>> consistency = new LinkedHashMap<>();
    /** Bilingual uses per rule and glossary pair, in document order. */
    final Map<TermRule, Map<Integer, List<BilingualUse>>> bilingual = new LinkedHashMap<>();

    Run(MarkdownDocument doc) {
      this.doc = doc;
    }

    record Located(int run, int start, int end, TermMatcher.Entry entry, String text) {}

    record BilingualUse(int run, int start, int end, boolean inScope, GlossCheck.Found gloss) {}

    void judge(int runIndex, TermMatcher.Use use) {
      ProseRun run = doc.prose().get(runIndex);
      String text = run.text().substring(use.start(), use.end());
      String foldedUse = TextForms.fold(text);
      Map<TermRule, List<TermMatcher.Entry>> byRule = new LinkedHashMap<>();
      use.entries().forEach(e -> byRule.computeIfAbsent(e.rule(), r -> new ArrayList<>()).add(e));
      boolean command = looksLikeCommand(run.text(), use.start(), use.end());
      for (Map.Entry<TermRule, List<TermMatcher.Entry>> e : byRule.entrySet()) {
        TermRule rule = e.getKey();
        List<TermMatcher.Entry> entries = e.getValue();
        TermMatcher.Entry first = entries.get(0);
        switch (rule.kind()) {
          case SUBSTITUTION -> {
            boolean preferred = foldedUse.equals(first.term().preferred())
                || entries.stream().anyMatch(x -> x.term().role() == Term.Role.PREFERRED);
            if (!preferred && command) {
              continue;
            }
            List<String> counted =
                count(rule, rule.name().substring(rule.name().indexOf('.') + 1), foldedUse, preferred);
            if (!preferred) {
              String to = first.term().preferred();
              add(rule, run, use, text, to, rule.format(to, text));
              tallyLast(counted);
            }
          }
          case EXISTENCE -> add(rule, run, use, text, null, rule.format(text));
          case CAPITALIZATION -> {
            String required = first.term().preferred();
            boolean ok = foldedUse.equals(required);
            if (!ok && command) {
              continue;
            }
            List<String> counted = count(rule, required, foldedUse, ok);
            if (!ok) {
              add(rule, run, use, text, required, rule.format(required, text));
              tallyLast(counted);
            }
          }
          case CONSISTENCY -> consistency.computeIfAbsent(rule, r -> new ArrayList<>())
              .add(new Located(runIndex, use.start(), use.end(), first, text));
          case BILINGUAL_FIRST_USE -> {
            if (first.term().role() == Term.Role.CHINESE) {
              Gloss g = rule.glosses().get(first.term().group());
              bilingual.computeIfAbsent(rule, r -> new LinkedHashMap<>())
                  .computeIfAbsent(first.term().group(), x -> new ArrayList<>())
                  .add(new BilingualUse(runIndex, use.start(), use.end(), rule.scopes().contains(run.scope()),
                      GlossCheck.find(doc.prose(), runIndex, foldedRun(runIndex), use.start(), use.end(), g,
                          sectionHeading(position(run, use.start()).line()))));
            }
          }
          default -> throw new IllegalStateException(rule.kind().toString());
        }
      }
    }

    private int foldedIndex = -1;
    private String folded;

    /** The width-folded text of a run, kept for the run being judged (a run has many uses, judged in order). */
    private String foldedRun(int runIndex) {
      if (runIndex != foldedIndex) {
        foldedIndex = runIndex;
        folded = TextForms.fold(doc.prose().get(runIndex).text());
      }
      return folded;
    }

    private int[] headingLines;

    /** The text of the last heading on or above a line (null before the first heading). */
    private String sectionHeading(int line) {
      if (headingLines == null) {
        headingLines = doc.headings().stream().mapToInt(h -> h.position().line()).toArray();
      }
      int i = java.util.Arrays.binarySearch(headingLines, line);
      int at = i >= 0 ? i : -i - 2;
      // Equal lines cannot repeat (one heading per line), so the search lands on the right one.
      return at < 0 ? null : doc.headings().get(at).text();
    }

    /** A document that writes both sides of a pair: the less used side is flagged, naming the dominant one. */
    void finishConsistency() {
      for (Map.Entry<TermRule, List<Located>> e : consistency.entrySet()) {
        TermRule rule = e.getKey();
        Map<Integer, Map<String, Integer>> perPair = new HashMap<>();
        for (Located l : e.getValue()) {
          perPair.computeIfAbsent(l.entry().term().group(), g -> new LinkedHashMap<>())
              .merge(l.entry().term().text(), 1, Integer::sum);
        }
        for (Located l : e.getValue()) {
          Map<String, Integer> counts = perPair.get(l.entry().term().group());
          String dominant = dominant(counts);
          String form = l.entry().term().text();
          boolean ok = form.equals(dominant);
          List<String> counted = count(rule, l.entry().term().group() == 0 && perPair.size() == 1
              ? rule.name().substring(rule.name().indexOf('.') + 1) : form.compareTo(l.entry().term().preferred()) < 0
              ? form : l.entry().term().preferred(), form, ok);
          if (!ok) {
            ProseRun run = doc.prose().get(l.run());
            TermMatcher.Use use = new TermMatcher.Use(l.start(), l.end(), List.of(l.entry()));
            add(rule, run, use, l.text(), dominant, rule.format(dominant, l.text()) + " (this document writes '"
                + dominant + "' " + counts.get(dominant) + "×, '" + form + "' " + counts.get(form) + "×)");
            tallyLast(counted);
          }
        }
      }
    }

    /** Most used form; a tie goes to the one used first. */
    private static String dominant(Map<String, Integer> counts) {
      String best = null;
      for (Map.Entry<String, Integer> c : counts.entrySet()) {
        if (best == null || c.getValue() > counts.get(best)) {
          best = c.getKey();
        }
      }
      return best;
    }

    void finishBilingual() {
      for (Map.Entry<TermRule, Map<Integer, List<BilingualUse>>> e : bilingual.entrySet()) {
        TermRule rule = e.getKey();
        for (Map.Entry<Integer, List<BilingualUse>> p : e.getValue().entrySet()) {
          Gloss g = rule.glosses().get(p.getKey());
          List<BilingualUse> uses = p.getValue();
          BilingualUse firstInScope = uses.stream().filter(BilingualUse::inScope).findFirst().orElse(null);
          BilingualUse firstGlossed = uses.stream().filter(u -> u.gloss() != null).findFirst().orElse(null);
          if (firstInScope == null && firstGlossed == null) {
            continue;
          }
          String glossed = g.chinese() + "（" + g.english() + "）";
          if (firstGlossed == null) {
            bump("terms.bilingual.unglossed");
            flag(rule, firstInScope, g.chinese(), glossed, rule.format(g.chinese(), g.english()));
            tallyLast(List.of("terms.bilingual.unglossed"));
          } else if (firstInScope != null && before(firstInScope, firstGlossed)) {
            bump("terms.bilingual.late");
            ProseRun at = doc.prose().get(firstGlossed.run());
            flag(rule, firstInScope, g.chinese(), glossed, rule.format(g.chinese(), g.english())
                + " (the gloss is given later, at line " + position(at, firstGlossed.start()).line() + ")");
            tallyLast(List.of("terms.bilingual.late"));
          } else {
            bump("terms.bilingual.glossed");
          }
          BilingualUse firstParen = uses.stream().filter(u -> u.gloss() != null && u.gloss().paren())
              .findFirst().orElse(null);
          if (firstParen == null) {
            continue;
          }
          int firstLine = position(doc.prose().get(firstParen.run()), firstParen.start()).line();
          for (BilingualUse u : uses) {
            if (u != firstParen && u.gloss() != null && u.gloss().paren() && u.inScope() && before(firstParen, u)) {
              bump("terms.bilingual.repeated");
              ProseRun run = doc.prose().get(u.run());
              String written = u.gloss().sameRun() ? run.text().substring(u.start(), u.gloss().end()) : g.chinese();
              flag(rule, u, written, u.gloss().sameRun() ? g.chinese() : null,
                  "'" + g.chinese() + "' repeats its English gloss, already given at line " + firstLine
                      + ": write '" + g.chinese() + "' alone after the first use");
              tallyLast(List.of("terms.bilingual.repeated"));
            }
          }
        }
      }
    }

    private static boolean before(BilingualUse a, BilingualUse b) {
      return a.run() < b.run() || (a.run() == b.run() && a.start() < b.start());
    }

    private void flag(TermRule rule, BilingualUse u, String target, String suggestion, String message) {
      ProseRun run = doc.prose().get(u.run());
      Position p = position(run, u.start());
      findings.add(new Finding(rule.id(), rule.severity(), doc.path(), p.line(), p.column(), message, target,
          suggestion, null));
    }

    private void add(TermRule rule, ProseRun run, TermMatcher.Use use, String target, String suggestion,
        String message) {
      Position p = position(run, use.start());
      findings.add(new Finding(rule.id(), rule.severity(), doc.path(), p.line(), p.column(), message, target,
          suggestion, null));
    }

    /**
     * Counts a use of a governed term: {@code term} names its row in the variant table, {@code form} its column.
     * Returns the counters bumped, for the finding a use that is not preferred gets.
     */
    private List<String> count(TermRule rule, String term, String form, boolean preferred) {
      String variant = "terms.terms." + key(term) + "." + key(form);
      bump(USES);
      if (preferred) {
        bump(PREFERRED);
      }
      bump(variant);
      return preferred ? List.of(USES, PREFERRED, variant) : List.of(USES, variant);
    }

    /** The finding just added stands for the use that bumped these counters. */
    private void tallyLast(List<String> counted) {
      tallies.add(new Tally(findings.get(findings.size() - 1), counted));
    }

    private void bump(String counter) {
      counters.merge(counter, 1L, Long::sum);
    }
  }
}
