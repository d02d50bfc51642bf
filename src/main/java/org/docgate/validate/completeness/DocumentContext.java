package org.docgate.validate.completeness;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.docgate.config.DeclaredRules;
import org.docgate.corpus.SiteRoutes;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CurrencyRules;
import org.docgate.corpus.DocumentCurrency;
import org.docgate.corpus.Markdownlint;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Position;
import org.docgate.markdown.ProseRun;

/** What every check of one document reads: the document, the corpus, the config, and lazily its raw lines. */
final class DocumentContext {
  private static final DeclaredRules RULES = DeclaredRules.of("completeness");

  final MarkdownDocument doc;
  final CorpusIndex index;
  final CompletenessConfig config;
  final SiteRoutes routes;
  final Outline outline;
  private final SourceLines source;
  private final CurrencyRules currencyRules;
  private DocumentCurrency currency;
  private OtherRepositories otherRepositories;
  private Optional<List<String>> lines;
  /** Findings a check did not report, by reason ({@code stats.completeness.exempt.<reason>}). */
  private final Map<String, Long> exempt = new TreeMap<>();

  DocumentContext(MarkdownDocument doc, CorpusIndex index, CompletenessConfig config, SourceLines source) {
    this(doc, index, config, source, null, SiteRoutes.NONE);
  }

  /** @param routes the corpus's site routes: a link that is no file leads where the site serves it */
  DocumentContext(MarkdownDocument doc, CorpusIndex index, CompletenessConfig config, SourceLines source,
      CurrencyRules currencyRules, SiteRoutes routes) {
    this.routes = routes;
    this.currencyRules = currencyRules;
    this.doc = doc;
    this.index = index;
    this.config = config;
    this.outline = Outline.of(doc.headings(), doc.lineCount());
    this.source = source;
  }

  /** The corpus's markdownlint settings (config files and this document's inline comments). */
  Markdownlint markdownlint() {
    return Markdownlint.of(index);
  }

  /** The document's currency (record or living, historical passages), built on first use; null without rules. */
  DocumentCurrency currency() {
    if (currency == null) {
      currency = currencyOf(doc);
    }
    return currency;
  }

  /**
   * A document's currency (record or living), or null without rules: the status it states (front matter, a kep.yaml
   * beside it) decides living or record first.
   */
  DocumentCurrency currencyOf(MarkdownDocument other) {
    if (currencyRules == null) {
      return null;
    }
    return index == null ? currencyRules.of(other)
        : currencyRules.of(other, org.docgate.corpus.DocumentMetadata.of(index), index);
  }

  /** The other repositories the document links into, found on first use. */
  OtherRepositories otherRepositories(java.util.function.Supplier<OtherRepositories> find) {
    if (otherRepositories == null) {
      otherRepositories = find.get();
    }
    return otherRepositories;
  }

  /**
   * Why the currency model's sentence cues say a text (a heading) is not about now ("GA -> Future": a plan;
   * "v1.0 (2025-10-19)": dated), or null; null without currency rules.
   */
  org.docgate.corpus.Exemption.Reason cueOf(String text) {
    if (currencyRules == null) {
      return null;
    }
    org.docgate.corpus.Exemption e = currencyRules.sentence(text);
    return e == null ? null : e.reason();
  }

  /** Whether a text holds a sentence cue of {@code reason} (false without currency rules). */
  boolean hasCue(org.docgate.corpus.Exemption.Reason reason, String text) {
    return currencyRules != null && currencyRules.hasCue(reason, text);
  }

  /**
   * Whether a heading tells of the past: a dated one ("v1.0 (2025-10-19)"), or a historical section of the currency
   * model ("更新日志", "版本历史") that is not a plan ("计划中", "Roadmap" say what is still to come). False without rules.
   */
  boolean isPastHeading(String heading) {
    if (currencyRules == null) {
      return false;
    }
    return currencyRules.hasCue(org.docgate.corpus.Exemption.Reason.DATED, heading)
        || (currencyRules.section(heading) != null
            && !currencyRules.hasCue(org.docgate.corpus.Exemption.Reason.PLAN, heading));
  }

  /** The headings enclosing a line, innermost first. */
  List<org.docgate.markdown.Heading> headingsAbove(int line) {
    List<org.docgate.markdown.Heading> out = new java.util.ArrayList<>();
    for (Outline.Section s : outline.sections()) {
      if (s.contains(line)) {
        out.add(0, s.heading());
      }
    }
    return out;
  }

  /** Whether the whole document is a record (dated report, log, changelog, archive, proposal...). */
  boolean isRecord() {
    DocumentCurrency c = currency();
    return c != null && c.isRecord();
  }

  /** A log (a changelog, release notes: the currency rules' {@code record.logs}): entries laid out by a tool. */
  boolean isLog() {
    return currencyRules != null && currencyRules.isLog(doc.path()) && isRecord();
  }

  /** Counts a finding left out for {@code reason}. */
  void exempt(String reason) {
    exempt.merge("completeness.exempt." + reason, 1L, Long::sum);
  }

  /** The exemptions counted since the last call, which are then forgotten (each is added to the stats once). */
  Map<String, Long> drainExemptions() {
    Map<String, Long> out = Map.copyOf(exempt);
    exempt.clear();
    return out;
  }

  /** The raw source lines, read on first use; empty when unreadable. */
  Optional<List<String>> lines() {
    if (lines == null) {
      lines = source.of(index, doc.path());
    }
    return lines;
  }

  /** The raw text of a 1-based line, or null when the source is unavailable or shorter. */
  String line(int line) {
    return lines().filter(l -> line >= 1 && line <= l.size()).map(l -> l.get(line - 1)).orElse(null);
  }

  /** Whether a line is inside a YAML front matter block (which the parser reads as a rule and a heading). */
  boolean inFrontMatter(int line) {
    List<String> all = lines().orElse(List.of());
    if (all.isEmpty() || !all.get(0).strip().equals("---")) {
      return false;
    }
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).strip().equals("---") || all.get(i).strip().equals("...")) {
        return line <= i + 1;
      }
    }
    return false;
  }

  boolean insideCodeBlock(int line) {
    return doc.codeBlocks().stream().anyMatch(b -> line >= b.startLine() && line <= b.endLine());
  }

  /** A finding of the declared rule {@code ruleId} ({@code rules/completeness/rules.yaml}) at {@code at}. */
  Finding finding(String ruleId, Position at, String message) {
    return RULES.rule(ruleId).at(doc.path(), at.line(), at.column(), message);
  }
}
