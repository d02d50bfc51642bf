package org.docgate.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;

/**
 * One document's currency decisions, for every validator that judges whether text is current: the document is
 * living or a record; each line is in a current or a historical section; each sentence (joined over wrapped lines)
 * and each table row (read with its header row) states what is current or not, and why. Immutable once built.
 *
 * <p>Typical use: {@code if (currency.exemptionAt(line, column) != null) count it, do not judge it}.
 */
public final class DocumentCurrency {
  private final CurrencyRules rules;
  private final String path;
  private final Exemption record;
  /** Why the document is a release log by its headings ({@link #releaseLog}), or null. */
  private final String releaseLog;
  private final Heading title;
  /** What the document states about itself (front matter, a metadata file beside it): its status decides first. */
  private final DocumentMetadata metadata;
  /** Heading line to the exemption of the section it opens (null: a current section). */
  private final TreeMap<Integer, Exemption> sections;
  /**
   * The sentences' parts on each line, in flat arrays sorted by line (in the order they were made within a line):
   * part k starts at 1-based column {@code pieceFrom[k]} of line {@code pieceLine[k]} and belongs to
   * {@code pieceSentence[k]}. Arrays rather than a map of lists: the scan keeps one currency per document for the
   * whole run (see {@link CurrencyRules#of(MarkdownDocument, CorpusIndex)}), and a map of line to list of parts cost
   * five objects per part (entry, boxed line, list, part, array), about a fifth of a 16x corpus's live heap.
   */
  private final int[] pieceLine;
  private final int[] pieceFrom;
  private final Sentence[] pieceSentence;
  /** While building: the parts in the order they were made. */
  private List<Piece> building;

  /**
   * A sentence: its text (wrapped lines joined by a space; null when the currency was made without texts, as the
   * scan keeps them: only {@link #explain} prints it) and why it is not current (null: it is).
   */
  public record Sentence(String text, int line, int column, Exemption exemption) {}

  /** The part of a sentence on one line, starting at 1-based column {@code from}; only while building. */
  private record Piece(int line, int from, Sentence sentence) {}

  /** Whether sentences keep their text ({@link #explain} prints it; validators read only the exemption). */
  private final boolean texts;

  DocumentCurrency(CurrencyRules rules, MarkdownDocument doc) {
    this(rules, doc, DocumentMetadata.NONE, true);
  }

  /** @param texts whether sentences keep their text (for {@link #explain}) */
  DocumentCurrency(CurrencyRules rules, MarkdownDocument doc, DocumentMetadata metadata, boolean texts) {
    this.rules = rules;
    this.path = doc.path();
    this.metadata = metadata;
    this.texts = texts;
    this.title = CurrencyRules.title(doc);
    this.releaseLog = releaseLog(doc);
    this.record = orReleaseLog(rules.classify(doc.path(), title == null ? null : title.text(), metadata));
    this.sections = new TreeMap<>();
    this.building = new ArrayList<>();
    buildSections(doc);
    buildSentences(doc);
    // stable: parts of one line stay in the order they were made (headings, paragraphs, then table rows)
    building.sort(java.util.Comparator.comparingInt(Piece::line));
    int n = building.size();
    this.pieceLine = new int[n];
    this.pieceFrom = new int[n];
    this.pieceSentence = new Sentence[n];
    for (int k = 0; k < n; k++) {
      Piece p = building.get(k);
      pieceLine[k] = p.line();
      pieceFrom[k] = p.from();
      pieceSentence[k] = p.sentence();
    }
    this.building = null;
    this.versionList = null; // read only while building, as building is
  }

  /** A second-level heading that starts with a release's version: "v3.7.3", "[2.1.0] - 2024-05-01", "1.2". */
  private static final java.util.regex.Pattern VERSION_HEADING =
      java.util.regex.Pattern.compile("^\\[?[vV]?\\d{1,4}\\.\\d{1,4}(?![\\w-]*[A-Za-z]{3})");

  /**
   * Why the document is a release log by its shape, or null: three or more second-level headings, two thirds of them
   * a release's version (nlohmann/json's {@code releases.md}, "# Releases" then "## v3.7.3": a release note naming
   * RHEL 7 was judged WRONG as a current claim in round 36). A name says nothing here: containerd's RELEASES.md is its
   * living release policy.
   */
  private static String releaseLog(MarkdownDocument doc) {
    int h2 = 0;
    int versions = 0;
    for (Heading h : doc.headings()) {
      if (h.level() == 2) {
        h2++;
        if (VERSION_HEADING.matcher(h.text().strip()).find()) {
          versions++;
        }
      }
    }
    return h2 >= 3 && versions * 3 >= h2 * 2 ? versions + " of its " + h2 + " second-level headings are releases" : null;
  }

  private Exemption orReleaseLog(Exemption classified) {
    return classified != null || releaseLog == null ? classified
        : new Exemption(Exemption.Reason.RECORD, "a release log: " + releaseLog);
  }

  /** The same sections and sentences (they do not depend on the status), with another stated status. */
  private DocumentCurrency(DocumentCurrency sections, DocumentMetadata metadata) {
    this.rules = sections.rules;
    this.path = sections.path;
    this.title = sections.title;
    this.metadata = metadata;
    this.releaseLog = sections.releaseLog;
    this.record = orReleaseLog(rules.classify(path, title == null ? null : title.text(), metadata));
    this.sections = sections.sections;
    this.texts = sections.texts;
    this.pieceLine = sections.pieceLine;
    this.pieceFrom = sections.pieceFrom;
    this.pieceSentence = sections.pieceSentence;
  }

  /** These decisions with what the document states about itself ({@link CurrencyRules#metadata}) deciding first. */
  DocumentCurrency withMetadata(DocumentMetadata stated) {
    return stated.equals(metadata) ? this : new DocumentCurrency(this, stated);
  }

  public String path() {
    return path;
  }

  /** Whether the whole document is a record (dated report, log, changelog, archive, plan...). */
  public boolean isRecord() {
    return record != null;
  }

  /** Why the document is a record, or why it is living, in words. */
  public String reason() {
    return record != null ? "record: " + record.detail() : "living: " + rules.livingReason(path, metadata);
  }

  /** What the document states about itself (its status, a KEP's stage), or {@link DocumentMetadata#NONE}. */
  public DocumentMetadata metadata() {
    return metadata;
  }

  /** The status the document states itself ({@code status:} in its metadata: a KEP's "implemented"), or null. */
  public String statedStatus() {
    return metadata.value(rules.statusKeys());
  }

  /** The record exemption of the whole document, or null when it is living. */
  public Exemption record() {
    return record;
  }

  /** The section exemption of a line (its heading or an enclosing one is historical), or null. */
  public Exemption sectionAt(int line) {
    Map.Entry<Integer, Exemption> e = sections.floorEntry(line);
    return e == null ? null : e.getValue();
  }

  /** For validators without columns: the document's or the section's exemption at a line, or null. */
  public Exemption historicalAt(int line) {
    return record != null ? record : sectionAt(line);
  }

  /** The sentence at a 1-based line and column, or null when no prose is there (code, HTML). */
  public Sentence sentenceAt(int line, int column) {
    int first = firstPieceOn(line);
    if (first < 0) {
      return null;
    }
    int best = -1;
    for (int k = first; k < pieceLine.length && pieceLine[k] == line; k++) {
      if (pieceFrom[k] <= column) {
        best = k;
      }
    }
    return pieceSentence[best < 0 ? first : best];
  }

  /** The sentences touching a line, in column order. */
  public List<Sentence> sentencesOn(int line) {
    int first = firstPieceOn(line);
    List<Sentence> on = new ArrayList<>();
    for (int k = first; k >= 0 && k < pieceLine.length && pieceLine[k] == line; k++) {
      on.add(pieceSentence[k]);
    }
    return on.stream().distinct().toList();
  }

  /** The index of the first part on {@code line}, or -1 when no sentence touches it. */
  private int firstPieceOn(int line) {
    int k = Arrays.binarySearch(pieceLine, line);
    if (k < 0) {
      return -1;
    }
    while (k > 0 && pieceLine[k - 1] == line) {
      k--;
    }
    return k;
  }

  /** Why the text at a line and column is not judged for currency (record, section, then sentence), or null. */
  public Exemption exemptionAt(int line, int column) {
    Exemption e = historicalAt(line);
    if (e != null) {
      return e;
    }
    Sentence s = sentenceAt(line, column);
    return s == null ? null : s.exemption();
  }

  /** Whether the text at a line and column states what is current. */
  public boolean isCurrent(int line, int column) {
    return exemptionAt(line, column) == null;
  }

  /** What {@code docgate explain PATH:LINE} prints: the document's class, the section's and each sentence's. */
  public String explain(int line) {
    StringBuilder out = new StringBuilder();
    out.append(path).append(':').append(line).append('\n');
    out.append("  document: ").append(reason()).append('\n');
    if (!metadata.source().isEmpty()) {
      // the values the model reads: the status (living or record) and a stage (which answers are due yet)
      out.append("  metadata (").append(metadata.source()).append("): ").append(java.util.stream.Stream.of("status",
              "stage").filter(k -> metadata.values().containsKey(k)).map(k -> k + " '" + metadata.values().get(k)
              + "'").collect(java.util.stream.Collectors.joining(", "))).append('\n');
    }
    Map.Entry<Integer, Exemption> sec = sections.floorEntry(line);
    if (sec == null) {
      out.append("  section: current (no heading above)\n");
    } else if (sec.getValue() == null) {
      out.append("  section: current (heading on line ").append(sec.getKey()).append(")\n");
    } else {
      out.append("  section: historical, ").append(sec.getValue().detail()).append(" (line ").append(sec.getKey())
          .append(")\n");
    }
    List<Sentence> on = sentencesOn(line);
    if (on.isEmpty()) {
      out.append("  sentence: none (no prose on this line: code, HTML, blank or front matter)\n");
    }
    for (Sentence s : on) {
      out.append("  sentence ").append(s.line()).append(':').append(s.column()).append(": ")
          .append(s.exemption() == null ? "current" : s.exemption().toString()).append(" \"")
          .append(s.text() == null ? "" : abbreviate(s.text())).append("\"\n");
    }
    Exemption first = historicalAt(line);
    if (first == null) {
      first = on.stream().map(Sentence::exemption).filter(x -> x != null).findFirst().orElse(null);
    }
    out.append("  verdict: ").append(first == null ? "judged for currency"
        : "not judged for currency (" + first.reason().key() + "); links and snippets are still checked")
        .append('\n');
    return out.toString();
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= 120 ? one : one.substring(0, 117) + "...";
  }

  private void buildSections(MarkdownDocument doc) {
    // A section is historical when its heading or an enclosing one has a section cue; the title is never one (it
    // decides living or record: one cue in the H1 must not exempt the whole document).
    List<Heading> stack = new ArrayList<>();
    List<Exemption> flags = new ArrayList<>();
    for (Heading h : doc.headings()) {
      while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= h.level()) {
        stack.remove(stack.size() - 1);
        flags.remove(flags.size() - 1);
      }
      Exemption own = h == title ? null : rules.section(h.text());
      Exemption flag = own != null ? own : flags.isEmpty() ? null : flags.get(flags.size() - 1);
      stack.add(h);
      flags.add(flag);
      sections.put(h.position().line(), flag);
    }
  }

  /** Lines of prose rebuilt at their columns: paragraph text with its link text, headings, table cells. */
  private void buildSentences(MarkdownDocument doc) {
    Map<Integer, StringBuilder> paragraph = new TreeMap<>();
    Map<Integer, StringBuilder> heading = new TreeMap<>();
    Map<Integer, List<String>> cells = new TreeMap<>();
    for (ProseRun run : doc.prose()) {
      for (ProseRun.LinePart part : run.lines()) {
        int line = part.line();
        switch (run.scope()) {
          case PARAGRAPH, LINK_TEXT ->
              place(paragraph.computeIfAbsent(line, l -> new StringBuilder()), part.text(), part.column());
          case HEADING -> place(heading.computeIfAbsent(line, l -> new StringBuilder()), part.text(), part.column());
          case TABLE -> cells.computeIfAbsent(line, l -> new ArrayList<>()).add(part.text());
          default -> { }
        }
      }
    }
    heading.forEach((line, sb) -> close(splitLine(line, sb.toString(), null)));
    versionList = versionListLines(doc.source());
    sentencesOfParagraphs(paragraph, listItemLines(doc.source()));
    tableRows(cells);
  }

  /**
   * The 1-based lines that begin a list item ("- ", "* ", "+ ", "1. ", "1) " after indentation and quote marks): a
   * sentence never runs on from one item into the next, whatever the case of the next item's first letter.
   */
  static java.util.BitSet listItemLines(String source) {
    java.util.BitSet items = new java.util.BitSet();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      int k = i;
      while (k < n && (source.charAt(k) == ' ' || source.charAt(k) == '\t' || source.charAt(k) == '>')) {
        k++;
      }
      int marker = k;
      while (k < n && k - marker < 9 && source.charAt(k) >= '0' && source.charAt(k) <= '9') {
        k++;
      }
      boolean item = k > marker ? k < n && (source.charAt(k) == '.' || source.charAt(k) == ')')
          : k < n && (source.charAt(k) == '-' || source.charAt(k) == '*' || source.charAt(k) == '+');
      if (item && k + 1 < n && (source.charAt(k + 1) == ' ' || source.charAt(k + 1) == '\t')) {
        items.set(line);
      }
      while (i < n && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
        i++;
      }
      if (i < n && source.charAt(i) == '\r' && i + 1 < n && source.charAt(i + 1) == '\n') {
        i++;
      }
      i++;
      line++;
    }
    return items;
  }

  private void sentencesOfParagraphs(Map<Integer, StringBuilder> paragraph, java.util.BitSet listItems) {
    Open open = null;
    int previousLine = -1;
    String previousText = null;
    for (Map.Entry<Integer, StringBuilder> e : paragraph.entrySet()) {
      int line = e.getKey();
      String text = e.getValue().toString();
      if (open != null && (listItems.get(line)
          || !(line == previousLine + 1 && continues(previousText, text)))) {
        close(open);
        open = null;
      }
      open = splitLine(line, text, open);
      previousLine = line;
      previousText = text;
    }
    if (open != null) {
      close(open);
    }
  }

  /**
   * Whether a wrapped line goes on with the sentence of the line before: that line ends without a sentence end and
   * either in a comma, or this one starts in lower case (English hard-wrapped prose). A list item after a list item
   * starts anew, so a cue in one never reaches the next.
   */
  static boolean continues(String before, String next) {
    String b = before.stripTrailing();
    String n = next.strip();
    if (b.isEmpty() || n.isEmpty() || endsSentence(b, b.length() - 1)) {
      return false;
    }
    char last = b.charAt(b.length() - 1);
    if (last == ',' || last == '，' || last == '、') {
      return true;
    }
    char first = n.charAt(0);
    return (first >= 'a' && first <= 'z') || (first == '(' && n.length() > 1 && n.charAt(1) >= 'a'
        && n.charAt(1) <= 'z') || OPEN_ENDED.matcher(b).find();
  }

  /**
   * An English line that ends in a word no sentence ends in (a preposition, an article, a conjunction, an auxiliary):
   * "SHA3 support was added in" goes on with "OpenSSL 1.1.1, so …" on the next line, whatever its case (the Cargo
   * book; the history cue was lost at the wrap and the version judged WRONG in round 27).
   */
  private static final java.util.regex.Pattern OPEN_ENDED = java.util.regex.Pattern.compile("(?<![\\w.-])(?:in|of|"
      + "to|into|onto|from|with|without|for|by|on|at|as|than|since|until|via|per|and|or|nor|but|the|a|an|is|are|was|"
      + "were|be|been|has|have|had|will|would|can|could|should|must|may|might|which|that|whose|where|when|if|"
      + "because|before|after|like|such|using|called|named|including|requires?|supports?|between)$");

  /**
   * The detail of a {@link #versionListLines} item's comparison. A "latest" claim in such a list ("- **TDX 2.0**:
   * 2025年Q1 (最新)" after TDX 1.0 and 1.5) is still a claim about today: the version validator asks.
   */
  public static final String VERSION_LIST = "a list item beside items of other versions";

  /** While building: the lines of {@link #versionListLines}. */
  private java.util.BitSet versionList = new java.util.BitSet();

  private static final java.util.regex.Pattern LIST_ITEM =
      java.util.regex.Pattern.compile("^(\\s*)(?:[-*+]|\\d{1,9}[.)])\\s+(.*)$");
  private static final java.util.regex.Pattern DOTTED_VERSION =
      java.util.regex.Pattern.compile("(?<![\\w.])[vV]?(\\d+(?:\\.\\d+)+)(?![\\w.]*\\d)");

  /**
   * The 1-based lines of list items that set one thing's versions side by side: sibling items (same indentation, one
   * list) that start with the same words before a dotted version, three or more versions ("- etcd v3.2 or before
   * uses /v3alpha", "- etcd v3.3 uses /v3beta", "- etcd v3.4 uses /v3": etcd's docs, judged WRONG as eol in round 24).
   * A list of what each version does is a comparison, not a claim that each is current.
   */
  static java.util.BitSet versionListLines(String source) {
    java.util.BitSet out = new java.util.BitSet();
    String[] lines = source.split("\n", -1);
    Map<String, Map<String, List<Integer>>> run = new java.util.HashMap<>(); // lead -> version -> lines
    int runIndent = -1;
    for (int i = 0; i <= lines.length; i++) {
      java.util.regex.Matcher m = i < lines.length && mayBeListItem(lines[i]) ? LIST_ITEM.matcher(lines[i]) : null;
      boolean item = m != null && m.matches();
      int indent = item ? m.group(1).length() : -1;
      boolean inside = i < lines.length && !item && (lines[i].isBlank()
          || lines[i].length() - lines[i].stripLeading().length() > runIndent && runIndent >= 0);
      if (inside || item && indent > runIndent && runIndent >= 0) {
        continue; // a wrapped line, a blank line or a nested item: the run goes on
      }
      if (!item || indent != runIndent) {
        for (Map<String, List<Integer>> byVersion : run.values()) {
          if (byVersion.size() >= 3) {
            byVersion.values().forEach(ls -> ls.forEach(out::set));
          }
        }
        run.clear();
        runIndent = item ? indent : -1;
      }
      if (item) {
        String text = m.group(2).replace("*", "").replace("`", "");
        java.util.regex.Matcher v = DOTTED_VERSION.matcher(text);
        if (v.find()) {
          String lead = text.substring(0, v.start()).strip().toLowerCase(java.util.Locale.ROOT);
          if (!lead.isEmpty() && lead.length() <= 40 && lead.chars().anyMatch(Character::isLetter)) {
            run.computeIfAbsent(lead, k -> new java.util.HashMap<>())
                .computeIfAbsent(v.group(1), k -> new ArrayList<>()).add(i + 1);
          }
        }
      }
    }
    return out;
  }

  /**
   * False when {@link #LIST_ITEM} cannot match: its marker is the first character after the regex's white space (most
   * lines of a document start otherwise, and the regex on every line was 1.5% of a scan).
   */
  static boolean mayBeListItem(String line) {
    char c = org.docgate.markdown.Whitespace.firstVisible(line);
    return c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9';
  }

  /** A sentence being built over wrapped lines. */
  private static final class Open {
    final StringBuilder text = new StringBuilder();
    final List<int[]> spans = new ArrayList<>(); // {line, from, to}
  }

  /** Splits one line at sentence ends; returns the sentence still open at its end (or null). */
  private Open splitLine(int line, String text, Open open) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (endsSentence(text, i)) {
        open = add(open, line, text, start, i + 1);
        close(open);
        open = null;
        start = i + 1;
      }
    }
    if (!text.substring(start).isBlank()) {
      open = add(open, line, text, start, text.length());
    }
    if (open != null && text.isEmpty()) {
      close(open);
      open = null;
    }
    return open;
  }

  private static Open add(Open open, int line, String text, int from, int to) {
    Open o = open == null ? new Open() : open;
    if (!o.text.isEmpty()) {
      o.text.append(' ');
    }
    o.text.append(text, from, to);
    o.spans.add(new int[] {line, from + 1, to + 1});
    return o;
  }

  private void close(Open open) {
    if (open == null || open.spans.isEmpty()) {
      return;
    }
    int[] first = open.spans.get(0);
    String text = open.text.toString();
    int lead = text.length() - text.stripLeading().length();
    Exemption own = rules.sentence(text);
    if (own != null && own.reason() == Exemption.Reason.LOWER_BOUND && rules.boundsOnlyClauses(text)) {
      List<Integer> cuts = clauseStarts(text);
      if (!cuts.isEmpty()) {
        clauses(open, text, cuts);
        return;
      }
    }
    if (own == null && versionList.get(first[0])) {
      own = new Exemption(Exemption.Reason.COMPARISON, VERSION_LIST);
    }
    Sentence s = new Sentence(texts ? text : null, first[0], first[1] + lead, own);
    for (int[] span : open.spans) {
      building.add(new Piece(span[0], span[1], s));
    }
  }

  /**
   * Where the clauses of a sentence start: after "，", "；" or ";". Not after ", ": an English comma joins the items
   * a bound covers as often as clauses ("Kubernetes 1.27, 1.28 and 1.29 or newer", "Go 1.21, Node.js 18 and pnpm 8
   * or higher": a code review's cases).
   */
  static List<Integer> clauseStarts(String text) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '，' || c == '；' || c == ';') {
        out.add(i + 1);
      }
    }
    return out;
  }

  /**
   * A sentence whose lower bound is written next to a version, as clauses judged each on its own: "并保证 Node.js 版本不低于
   * 16.2.0，我们推荐使用 Node.js 18 的 LTS 版本" (Modern.js's docs, round 41: the recommendation was never judged).
   */
  private void clauses(Open open, String text, List<Integer> cuts) {
    // where each span starts in the sentence's text (spans are joined by one space)
    int[] at = new int[open.spans.size()];
    for (int k = 0, pos = 0; k < at.length; k++) {
      at[k] = pos;
      int[] span = open.spans.get(k);
      pos += span[2] - span[1] + 1;
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    starts.addAll(cuts);
    for (int c = 0; c < starts.size(); c++) {
      int from = starts.get(c);
      int to = c + 1 < starts.size() ? starts.get(c + 1) : text.length();
      String clause = text.substring(from, to);
      if (clause.isBlank()) {
        continue;
      }
      int lead = clause.length() - clause.stripLeading().length();
      Exemption own = rules.sentence(clause);
      Sentence s = null;
      for (int k = 0; k < at.length; k++) {
        int[] span = open.spans.get(k);
        int spanEnd = at[k] + span[2] - span[1];
        if (spanEnd <= from || at[k] >= to) {
          continue;
        }
        int column = span[1] + Math.max(0, from + lead - at[k]);
        if (s == null) {
          if (own == null && versionList.get(span[0])) {
            own = new Exemption(Exemption.Reason.COMPARISON, VERSION_LIST);
          }
          s = new Sentence(texts ? clause : null, span[0], column, own);
        }
        building.add(new Piece(span[0], Math.max(span[1], span[1] + from - at[k]), s));
      }
    }
  }

  /** Table rows: a row is one sentence; a row that states nothing itself takes its header row's reason. */
  private void tableRows(Map<Integer, List<String>> cells) {
    for (Map.Entry<Integer, List<String>> e : cells.entrySet()) {
      int line = e.getKey();
      if (isDelimiter(e.getValue())) {
        continue;
      }
      String row = String.join(" | ", e.getValue());
      Exemption own = rules.sentence(row);
      if (own == null) {
        int header = headerOf(cells, line);
        if (header != line) {
          Exemption h = rules.sentence(String.join(" | ", cells.get(header)));
          own = h == null ? null : new Exemption(h.reason(), "table header " + h.detail());
        }
      }
      building.add(new Piece(line, 1, new Sentence(texts ? row : null, line, 1, own)));
    }
  }

  private static int headerOf(Map<Integer, List<String>> cells, int line) {
    for (int h = line; cells.containsKey(h); h--) {
      if (isDelimiter(cells.get(h))) {
        return cells.containsKey(h - 1) ? h - 1 : line;
      }
    }
    return line;
  }

  private static boolean isDelimiter(List<String> row) {
    return row.stream().allMatch(c -> c.strip().matches(":?-+:?"));
  }

  /** Sentence ends: CJK full stops and marks, and ASCII ones (the ASCII full stop only before a space or end). */
  static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if ("。！？；!?;".indexOf(c) >= 0) {
      return true;
    }
    return c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }

  private static void place(StringBuilder sb, String part, int column) {
    int at = column - 1;
    int gap = at - sb.length();
    if (gap > 0) {
      char[] fill = new char[gap];
      Arrays.fill(fill, ' ');
      sb.append(fill);
    }
    if (at < sb.length()) {
      sb.setLength(Math.max(at, 0));
    }
    sb.append(part);
  }
}
