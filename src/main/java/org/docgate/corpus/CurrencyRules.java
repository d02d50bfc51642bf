package org.docgate.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.docgate.config.ConfigException;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The data of {@code rules/currency.yaml} and the decisions made from it: a document is living or a record (by path,
 * file name, title, a date in either), a heading opens a historical section, a sentence narrates history, is dated,
 * compares, states a lower bound or a plan. {@link #of} gives one document's decisions to every validator.
 * Immutable, thread-safe; the decisions are pure.
 */
public final class CurrencyRules {
  public static final String FILE = "currency.yaml";

  private final List<Glob> recordPaths;
  /** Records of entries written once and never edited (changelogs, release notes): {@link #isLog}. */
  private final List<Glob> logPaths;
  private final CueWords nameWords;
  private final CueWords titleWords;
  private final List<Pattern> datePatterns;
  private final List<Glob> livingPaths;
  private final CueWords sections;
  private final Map<Exemption.Reason, CueWords> sentences;
  /** Lower-bound words written next to their version ("不低于", "or higher"): they bind their own clause only. */
  private final CueWords clauseBounds;
  /** The other lower-bound words: they bind the whole sentence. */
  private final CueWords governingBounds;
  /** The sentence lists in their order, searched together: every sentence of a corpus is asked. */
  private final CueWords.InOrder sentenceCues;
  private final List<Exemption.Reason> sentenceReasons;
  private final List<String> exceptions;
  private final CueWords.Exceptions blank;
  /** The {@code status:} block: a status the document states itself decides before any pattern. */
  private final StatusRule status;
  /** The config's record globs: the user's word, before the document's own status. */
  private final List<Glob> configRecordPaths;
  /**
   * What these rules were read from: the file's name and text, then the config's globs added. Rules of equal origin
   * decide alike, so the validators, which each load their own, share one {@link DocumentCurrency} per document.
   */
  private final List<Object> origin;

  /**
   * Document status from metadata ({@code status:} in front matter or in a metadata file beside the document):
   * values meaning a record (implemented, withdrawn...) and values meaning living (provisional, draft...). A value
   * in neither list decides nothing. Values match ignoring case, whole or followed by a space or bracket
   * ("implemented (alpha)").
   */
  record StatusRule(List<String> keys, List<String> files, List<String> record, List<String> living) {
    static final StatusRule NONE = new StatusRule(List.of(), List.of(), List.of(), List.of());

    StatusRule {
      keys = List.copyOf(keys);
      files = List.copyOf(files);
      record = record.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
      living = living.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
    }
  }

  /**
   * The listed value {@code stated} is ({@code implemented} for "Implemented (alpha)"), in {@code list} (lower
   * case), or null: whole, or followed by a space or bracket, ignoring case. Also how completeness reads its own
   * status lists ({@code placeholders.carriedOut}, {@code sections.drafts}).
   */
  public static String statusIn(List<String> list, String stated) {
    if (stated == null) {
      return null;
    }
    String v = stated.strip().toLowerCase(java.util.Locale.ROOT);
    for (String s : list) {
      if (v.equals(s) || (v.startsWith(s) && " ([（".indexOf(v.charAt(s.length())) >= 0)) {
        return s;
      }
    }
    return null;
  }

  private CurrencyRules(List<Glob> recordPaths, List<Glob> logPaths, CueWords nameWords, CueWords titleWords, List<Pattern> datePatterns,
      List<Glob> livingPaths, CueWords sections, Map<Exemption.Reason, CueWords> sentences, CueWords clauseBounds,
      List<String> exceptions, StatusRule status, List<Glob> configRecordPaths, List<Object> origin) {
    this.origin = List.copyOf(origin);
    this.clauseBounds = clauseBounds;
    CueWords bounds = sentences.getOrDefault(Exemption.Reason.LOWER_BOUND, CueWords.none());
    // the lower-bound words that govern their whole sentence ("requires", "minimum", "要求"): the others, and every
    // pattern, bind their own clause
    this.governingBounds = new CueWords(
        bounds.zh().stream().filter(w -> !clauseBounds.zh().contains(w)).toList(),
        bounds.en().stream().filter(w -> !clauseBounds.en().contains(w)).toList(), List.of(), exceptions);
    this.status = status;
    this.configRecordPaths = List.copyOf(configRecordPaths);
    this.recordPaths = List.copyOf(recordPaths);
    this.logPaths = List.copyOf(logPaths);
    this.nameWords = nameWords;
    this.titleWords = titleWords;
    this.datePatterns = List.copyOf(datePatterns);
    this.livingPaths = List.copyOf(livingPaths);
    this.sections = sections;
    this.sentences = new LinkedHashMap<>(sentences);
    this.sentenceCues = new CueWords.InOrder(List.copyOf(this.sentences.values()));
    this.sentenceReasons = List.copyOf(this.sentences.keySet());
    this.exceptions = List.copyOf(exceptions);
    this.blank = new CueWords.Exceptions(this.exceptions);
  }

  /** The rules folder's {@code currency.yaml} with the config's {@code currency:} globs added. */
  public static CurrencyRules load(RuleFiles rules, DocgateConfig config) {
    return load(rules).withPaths(config.currencyRecords(), config.currencyLiving());
  }

  /** The rules folder's {@code currency.yaml} (the packaged one unless the user's folder has one). */
  public static CurrencyRules load(RuleFiles rules) {
    return rules.load(FILE, CurrencyRules::parse);
  }

  /** The same rules with more record and living globs (a corpus's {@code docgate.yaml}); living wins. */
  public CurrencyRules withPaths(List<String> record, List<String> living) {
    if (record.isEmpty() && living.isEmpty()) {
      return this;
    }
    List<Glob> r = new ArrayList<>(configRecordPaths);
    record.forEach(g -> r.add(Glob.of(g)));
    List<Glob> l = new ArrayList<>(livingPaths);
    living.forEach(g -> l.add(Glob.of(g)));
    return new CurrencyRules(recordPaths, logPaths, nameWords, titleWords, datePatterns, l, sections, sentences,
        clauseBounds, exceptions,
        status, r, List.of(origin, List.copyOf(record), List.copyOf(living)));
  }

  /** Reads the rules strictly: unknown keys, bad globs or patterns fail with {@code source:line}. */
  public static CurrencyRules parse(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "the currency rules",
        Set.of("record", "living", "status", "sections", "sentences", "exceptions"));
    List<String> exceptions = y.strings(top.get("exceptions"), "exceptions");
    Map<String, Node> record = y.mapping(top.get("record"), "record",
        new LinkedHashSet<>(List.of("paths", "logs", "nameWords", "titleWords", "datePatterns")));
    Map<String, Node> living = y.mapping(top.get("living"), "living", Set.of("paths"));
    Map<String, Exemption.Reason> sentenceKeys = new LinkedHashMap<>();
    sentenceKeys.put("plan", Exemption.Reason.PLAN);
    sentenceKeys.put("history", Exemption.Reason.HISTORY);
    sentenceKeys.put("dated", Exemption.Reason.DATED);
    sentenceKeys.put("comparison", Exemption.Reason.COMPARISON);
    sentenceKeys.put("lowerBound", Exemption.Reason.LOWER_BOUND);
    sentenceKeys.put("scoped", Exemption.Reason.SCOPED);
    sentenceKeys.put("unsupported", Exemption.Reason.UNSUPPORTED);
    Set<String> sentenceKeyNames = new LinkedHashSet<>(sentenceKeys.keySet());
    sentenceKeyNames.add("clauseBounds");
    Map<String, Node> sentenceNodes = y.mapping(top.get("sentences"), "sentences", sentenceKeyNames);
    CueWords clauseBounds = sentenceNodes.containsKey("clauseBounds")
        ? cues(y, sentenceNodes.get("clauseBounds"), "sentences.clauseBounds", exceptions, false) : CueWords.none();
    Map<Exemption.Reason, CueWords> sentences = new LinkedHashMap<>();
    sentenceKeys.forEach((key, reason) -> {
      if (sentenceNodes.containsKey(key)) {
        sentences.put(reason, cues(y, sentenceNodes.get(key), "sentences." + key, exceptions, false));
      }
    });
    CueWords bounds = sentences.getOrDefault(Exemption.Reason.LOWER_BOUND, CueWords.none());
    for (String w : concat(clauseBounds.zh(), clauseBounds.en())) {
      if (!bounds.zh().contains(w) && !bounds.en().contains(w)) {
        // a clause bound is one of the lower-bound words, read with a narrower reach: alone it would do nothing
        throw y.error(sentenceNodes.get("clauseBounds"), "sentences.clauseBounds: '" + w
            + "' is not a word of sentences.lowerBound");
      }
    }
    return new CurrencyRules(
        globs(y, record.get("paths"), "record.paths"),
        globs(y, record.get("logs"), "record.logs"),
        cues(y, record.get("nameWords"), "record.nameWords", exceptions, true),
        cues(y, record.get("titleWords"), "record.titleWords", exceptions, false),
        patterns(y, record.get("datePatterns"), "record.datePatterns"),
        globs(y, living.get("paths"), "living.paths"),
        cues(y, top.get("sections"), "sections", exceptions, false),
        sentences, clauseBounds, exceptions, statusRule(y, top.get("status")), List.of(), List.of(source, yaml));
  }

  private static StatusRule statusRule(YamlNodes y, Node node) {
    if (node == null) {
      return StatusRule.NONE;
    }
    Map<String, Node> m = y.mapping(node, "status", new LinkedHashSet<>(List.of("keys", "files", "record", "living")));
    return new StatusRule(y.strings(m.get("keys"), "status.keys"), y.strings(m.get("files"), "status.files"),
        y.strings(m.get("record"), "status.record"), y.strings(m.get("living"), "status.living"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static CueWords cues(YamlNodes y, Node node, String what, List<String> exceptions, boolean fileNames) {
    Map<String, Node> m = y.mapping(node, what, new LinkedHashSet<>(List.of("zh", "en", "patterns")));
    List<String> en = y.strings(m.get("en"), what + ".en");
    if (fileNames) {
      en = en.stream().map(CurrencyRules::nameToWords).toList();
    }
    return new CueWords(y.strings(m.get("zh"), what + ".zh"), en, patterns(y, m.get("patterns"), what + ".patterns"),
        exceptions);
  }

  private static List<Pattern> patterns(YamlNodes y, Node node, String what) {
    List<String> regexes = y.strings(node, what);
    try {
      return CueWords.compile(regexes);
    } catch (PatternSyntaxException e) {
      throw y.error(node, what + ": bad regular expression '" + e.getPattern() + "': " + e.getDescription());
    }
  }

  private static List<Glob> globs(YamlNodes y, Node node, String what) {
    return y.strings(node, what).stream().map(Glob::of).toList();
  }

  /** {@code PROJECT_STATUS.md} reads "PROJECT STATUS": separators become spaces so words match whole. */
  static String nameToWords(String name) {
    return name.replaceAll("\\.(md|markdown)$", "").replaceAll("[-_.]+", " ");
  }

  /**
   * Living (null) or a record, and why, from the corpus-relative path and the title (the first H1, or null).
   * Living globs win over everything; then record globs, words in the file name, words in the title, a date with at
   * least a month in the file name or the title.
   */
  /**
   * Whether the document at {@code path} is a log of entries written once and never edited again (a changelog,
   * release notes, meeting reports: {@code record.logs}; a file name with a date), unless a living glob claims it. Its wording is kept as written: terminology
   * leaves its spellings alone (a record of another kind, a KEP or a report, is still read for them).
   */
  public boolean isLog(String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    if (livingPaths.stream().anyMatch(g -> g.matches(path) || g.matches(lower))) {
      return false;
    }
    if (logPaths.stream().anyMatch(g -> g.matches(path) || g.matches(lower))) {
      return true;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return datePatterns.stream().anyMatch(p -> p.matcher(name).find()); // a day's report: "2017-01-27.md"
  }

  public Exemption classify(String path, String title) {
    return classify(path, title, DocumentMetadata.NONE);
  }

  /**
   * As {@link #classify(String, String)}, with the status the document states itself: after the living globs and
   * the config's record globs (the user's word), before every pattern (the author's word beats a guess from the
   * path: a KEP marked {@code implementable} is living although {@code **}{@code /keps/**} makes proposals records).
   */
  public Exemption classify(String path, String title, DocumentMetadata metadata) {
    for (Glob g : livingPaths) {
      if (g.matches(path)) {
        return null;
      }
    }
    for (Glob g : configRecordPaths) {
      if (g.matches(path)) {
        return new Exemption(Exemption.Reason.RECORD, "path matches '" + g.pattern() + "'");
      }
    }
    String stated = metadata.value(status.keys());
    if (stated != null) {
      String v = statusIn(status.record(), stated);
      if (v != null) {
        return new Exemption(Exemption.Reason.RECORD, "status '" + stated + "' in " + metadata.source()
            + " (a record status in currency.yaml: '" + v + "')");
      }
      if (statusIn(status.living(), stated) != null) {
        return null;
      }
    }
    for (Glob g : recordPaths) {
      if (g.matches(path)) {
        return new Exemption(Exemption.Reason.RECORD, "path matches '" + g.pattern() + "'");
      }
    }
    String name = CorpusIndex.baseName(path);
    String word = nameWords.firstIn(nameToWords(name));
    if (word != null) {
      return new Exemption(Exemption.Reason.RECORD, "file name has '" + word + "'");
    }
    if (title != null && (word = titleWords.firstIn(title)) != null) {
      return new Exemption(Exemption.Reason.RECORD, "title has '" + word + "'");
    }
    String date = dateIn(name);
    if (date != null) {
      return new Exemption(Exemption.Reason.RECORD, "file name has a date: " + date);
    }
    if (title != null && (date = dateIn(title)) != null) {
      return new Exemption(Exemption.Reason.RECORD, "title has a date: " + date);
    }
    return null;
  }

  /** The metadata keys a document states its status under ({@code status.keys}). */
  List<String> statusKeys() {
    return status.keys();
  }

  /** Why a living document is living, for {@code docgate explain}. */
  public String livingReason(String path) {
    return livingReason(path, DocumentMetadata.NONE);
  }

  /** Why a living document is living, with the status it states itself. */
  public String livingReason(String path, DocumentMetadata metadata) {
    for (Glob g : livingPaths) {
      if (g.matches(path)) {
        return "path matches the living glob '" + g.pattern() + "'";
      }
    }
    String stated = metadata.value(status.keys());
    if (stated != null && statusIn(status.living(), stated) != null) {
      return "status '" + stated + "' in " + metadata.source() + " (a living status in currency.yaml)";
    }
    return "no record path, name or title word, and no date in its name or title";
  }

  private String dateIn(String text) {
    for (Pattern p : datePatterns) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }

  /** A heading that opens a historical section ("版本历史", "Implementation History"), or null. */
  public Exemption section(String heading) {
    String cue = sections.firstIn(heading);
    return cue == null ? null : new Exemption(Exemption.Reason.SECTION, "heading '" + heading.strip() + "' has '"
        + cue + "'");
  }

  /**
   * Whether a sentence's lower bound is only written next to its versions ("版本不低于 16.2.0", "v2.6 or higher"): then
   * each clause of it is judged on its own, and "我们推荐使用 Node.js 18" after the comma is a claim. A word such as
   * "requires" or "minimum" binds the whole sentence ("Requires Python 3.8+, Node.js 16 and Go 1.20").
   */
  public boolean boundsOnlyClauses(String text) {
    return governingBounds.firstIn(text) == null;
  }

  /** Why a sentence (or table row) does not state what is current, or null when it does. */
  public Exemption sentence(String text) {
    CueWords.InOrder.Hit hit = sentenceCues.first(text);
    return hit == null ? null : new Exemption(sentenceReasons.get(hit.list()), "'" + hit.cue().strip() + "'");
  }

  /** The sentence cue lists by reason, in the order they are tried (for tests). */
  Map<Exemption.Reason, CueWords> sentenceCues() {
    return java.util.Collections.unmodifiableMap(sentences);
  }

  /** Whether a text holds a sentence cue of one reason, whichever reason comes first ("2025-10-19 计划": dated too). */
  public boolean hasCue(Exemption.Reason reason, String text) {
    CueWords cues = sentences.get(reason);
    return cues != null && cues.firstIn(text) != null;
  }

  /**
   * {@code text} with the exception words blanked out (same length), for a validator matching its own cue words:
   * "最新特性" then never holds "新特性".
   */
  public String blankExceptions(String text) {
    return blank.apply(text);
  }

  /** One document's decisions. */
  public DocumentCurrency of(MarkdownDocument doc) {
    return new DocumentCurrency(this, doc);
  }

  /** The key of a document's decisions among the index's per-document values: equal rules share them. */
  private record Shared(CurrencyRules rules) {}

  /**
   * One document's decisions, made once per document of {@code index} for every validator asking with equal rules
   * (and kept across the service's index generations while the document is unchanged); without an index, made now.
   */
  public DocumentCurrency of(MarkdownDocument doc, CorpusIndex index) {
    // without sentence texts: the index keeps one per document for the whole scan, and validators read exemptions
    return index == null ? of(doc)
        : index.ofDocument(new Shared(this), doc, d -> new DocumentCurrency(this, d, DocumentMetadata.NONE, false));
  }

  /**
   * As {@link #of(MarkdownDocument, DocumentMetadata.FileText)}, the sections and sentences shared with
   * {@link #of(MarkdownDocument, CorpusIndex)}: only the status it states is read again (a kep.yaml beside it may
   * have changed while the document did not).
   */
  public DocumentCurrency of(MarkdownDocument doc, DocumentMetadata.FileText files, CorpusIndex index) {
    return index == null ? of(doc, files) : of(doc, index).withMetadata(metadata(doc, files));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CurrencyRules other && origin.equals(other.origin);
  }

  @Override
  public int hashCode() {
    return origin.hashCode();
  }

  /**
   * One document's decisions with the status it states in its front matter or in a metadata file beside it (read
   * through {@code files}: {@link DocumentMetadata#of(CorpusIndex)} in a scan).
   */
  public DocumentCurrency of(MarkdownDocument doc, DocumentMetadata.FileText files) {
    return new DocumentCurrency(this, doc, metadata(doc, files), true);
  }

  /** The document's metadata as the {@code status:} block names it: its keys, then its files. */
  public DocumentMetadata metadata(MarkdownDocument doc, DocumentMetadata.FileText files) {
    return status.keys().isEmpty() ? DocumentMetadata.NONE
        : DocumentMetadata.of(doc, status.files(), status.keys(), files);
  }

  /** The document's title: its first heading when that is an H1, else null. */
  static Heading title(MarkdownDocument doc) {
    if (doc.headings().isEmpty()) {
      return null;
    }
    Heading first = doc.headings().get(0);
    return first.level() == 1 ? first : null;
  }
}
