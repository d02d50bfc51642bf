package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.InlineCode;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;
import org.docgate.corpus.LinkTarget;

/**
 * {@code completeness/stale-count}: "Container/: 60+个文件", "| 10_形式化论证 | 4个文档 |", "eBPF/: 8,486行" compared
 * with what the folder (or the whole corpus) holds now. Only when the subject is unambiguous: the line (a table
 * row is one line) names exactly one folder, by link, path or folder name, or the corpus by one of
 * {@code counts.corpusNames}; a line naming two subjects, or a path that does not exist, is left alone, and so is
 * a line describing a change (新增6篇). Line counts may also belong to one named document.
 *
 * <p>Documents are compared with both the documents under the folder and the same without READMEs, files with
 * everything from those documents to every file: a claim is stale only when it is outside that whole range by more
 * than the tolerance. A claim written "60+" is a lower bound, stale only when the folder holds fewer; one written
 * "约120" or "about 40" gets twice the tolerance.
 */
final class StaleCountCheck {

  /** What a count is about. {@code path} is a folder ({@code ""}: the corpus) or, for lines, a document. */
  record Subject(String path, boolean document) {
    String label() {
      return path.isEmpty() ? "the corpus" : "'" + path + (document ? "'" : "/'");
    }
  }

  private static final Pattern DOCUMENT_NAME = Pattern.compile("[^\\s|（）()《》\\[\\],，:：、;；\"'`/]+\\.md\\b");
  private static final Subject UNRESOLVED = new Subject("\0unresolved", false);

  /** The prose runs holding count claims, by line: what a document claims, whatever the corpus holds. */
  record Claims(Map<Integer, List<ProseRun>> byLine) {}

  static Claims claims(DocumentContext ctx) {
    Map<Integer, List<ProseRun>> claimRuns = new TreeMap<>();
    for (ProseRun run : ctx.doc.prose()) {
      if (run.scope() != ProseRun.Scope.ALT_TEXT && run.scope() != ProseRun.Scope.LINK_TEXT
          && !CountClaims.in(run.text()).isEmpty()) {
        claimRuns.computeIfAbsent(run.position().line(), k -> new ArrayList<>()).add(run);
      }
    }
    return new Claims(Collections.unmodifiableMap(claimRuns));
  }

  List<Finding> check(DocumentContext ctx, Map<String, Long> counters) {
    return check(ctx, counters, claims(ctx), new java.util.HashMap<>());
  }

  /**
   * The stale counts of a document; {@code measured} receives each subject's size a claim was compared with
   * ({@link #measure}), the only corpus facts the result reads beyond the listing.
   */
  List<Finding> check(DocumentContext ctx, Map<String, Long> counters, Claims claims,
      Map<Measure, List<Long>> measured) {
    List<Finding> findings = new ArrayList<>();
    String path = ctx.doc.path();
    if (ctx.config.countExcludes().stream().anyMatch(g -> g.matches(path))) {
      return findings;
    }
    if (claims.byLine().isEmpty()) {
      return findings;
    }
    if (ctx.isRecord()) {
      // a dated report or a changelog counted what was there at its date
      claims.byLine().keySet().forEach(l -> ctx.exempt("record"));
      return findings;
    }
    CorpusCounts counts = CorpusCounts.of(ctx.index);
    for (Map.Entry<Integer, List<ProseRun>> e : claims.byLine().entrySet()) {
      int line = e.getKey();
      List<String> texts = textsOnLine(ctx, line);
      String whole = String.join(" ", texts);
      if (Words.containsAny(whole, ctx.config.deltaWords())) {
        continue;
      }
      Set<Subject> subjects = subjects(ctx, line, texts);
      if (subjects.isEmpty() && Words.containsAny(whole, SELF_WORDS)) {
        subjects = Set.of(new Subject(path, true)); // "本文档共1,200行": this document, not its folder
      }
      if (subjects.isEmpty()) {
        subjects = landingPageTotal(ctx, whole);
      }
      if (subjects.isEmpty() && !isBreakdown(ctx, claims, line)) {
        subjects = headingSubjects(ctx, line);
      }
      boolean reported = false;
      for (ProseRun run : e.getValue()) {
        for (CountClaims.Claim claim : CountClaims.in(run.text(), ctx.config.partWords())) {
          counters.merge("completeness.counts.claims", 1L, Long::sum);
          if (claim.kind() != CountClaims.Kind.TOTAL) {
            // "4,250行→4,650行 (+400)": the before value and the change are not what the subject holds now
            ctx.exempt("count" + switch (claim.kind()) {
              case BEFORE -> "Before";
              case DELTA -> "Delta";
              default -> "Part";
            });
            continue;
          }
          String historical = historical(ctx, run, claim);
          if (historical != null) {
            ctx.exempt(historical);
            continue;
          }
          Optional<Subject> subject = onlySubject(subjects, claim.unit());
          if (subject.isEmpty()) {
            continue;
          }
          counters.merge("completeness.counts.checked", 1L, Long::sum);
          measured.put(new Measure(subject.get(), claim.unit()), measure(ctx.index, subject.get(), claim.unit()));
          Optional<Finding> stale = compare(ctx, run, claim, subject.get(), counts);
          if (stale.isPresent() && !reported) {
            counters.merge("completeness.counts.stale", 1L, Long::sum);
            findings.add(stale.get()); // one per line: "| x | 5个文档 | 5个文档 |" is one drift
            reported = true;
          }
        }
      }
    }
    return findings;
  }

  /** A size a claim was compared with: what {@code subject} holds counted in {@code unit}. */
  record Measure(Subject subject, CountClaims.Unit unit) {}

  /**
   * The sizes {@link #compare} reads for a claim in {@code unit} about {@code subject} in {@code index} (the range and
   * its message): while they are equal, so is the verdict. A lines claim does not read the folder's file count, a
   * documents claim not its lines: an edit that only adds lines keeps every document and file count.
   */
  static List<Long> measure(CorpusIndex index, Subject subject, CountClaims.Unit unit) {
    if (subject.document()) {
      MarkdownDocument doc = index.documents().get(subject.path());
      return List.of(doc == null ? -1L : doc.lineCount());
    }
    CorpusCounts.Counts c = CorpusCounts.of(index).of(subject.path());
    return switch (unit) {
      case DOCUMENTS -> List.of(c.documents(), c.documentsWithoutLandingPages());
      case FILES -> List.of(c.files(), c.documents(), c.documentsWithoutLandingPages());
      case LINES -> List.of(c.lines(), c.documents());
    };
  }

  private static Optional<Subject> onlySubject(Set<Subject> subjects, CountClaims.Unit unit) {
    if (subjects.size() != 1) {
      return Optional.empty();
    }
    Subject s = subjects.iterator().next();
    if (s == UNRESOLVED || (s.document() && unit != CountClaims.Unit.LINES)) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private Optional<Finding> compare(DocumentContext ctx, ProseRun run, CountClaims.Claim claim, Subject subject,
      CorpusCounts measured) {
    double tolerance = ctx.config.tolerance() * (claim.approximate() ? 2 : 1);
    long low;
    long high;
    String what;
    if (subject.document()) {
      long lines = ctx.index.documents().get(subject.path()).lineCount();
      low = Math.max(0, lines - 1); // a final newline is a line to editors, not to wc -l
      high = lines;
      what = lines + " lines";
    } else {
      CorpusCounts.Counts c = measured.of(subject.path());
      switch (claim.unit()) {
        case DOCUMENTS -> {
          low = c.documentsWithoutLandingPages();
          high = c.documents();
          what = c.documents() + " Markdown documents (" + low + " without READMEs)";
        }
        case FILES -> {
          low = c.documentsWithoutLandingPages();
          high = c.files();
          what = c.files() + " files (" + c.documents() + " Markdown documents)";
        }
        default -> {
          low = c.lines();
          high = c.lines();
          what = c.lines() + " lines in " + c.documents() + " documents";
        }
      }
    }
    boolean tooLow = high * (1 + tolerance) < claim.value();
    boolean tooHigh = !claim.atLeast() && claim.value() < low * (1 - tolerance);
    if (!tooLow && !tooHigh) {
      return Optional.empty();
    }
    String stated = (claim.approximate() ? "about " : "") + String.format("%,d", claim.value())
        + (claim.atLeast() ? "+" : "");
    return Optional.of(ctx.finding("completeness/stale-count", run.positionAt(claim.offset()),
        "says " + stated + " " + claim.unit().label + " for " + subject.label() + ", which now holds " + what
            + " (tolerance " + Math.round(tolerance * 100) + "%)"));
  }

  static List<String> textsOnLine(DocumentContext ctx, int line) {
    List<String> texts = new ArrayList<>();
    for (ProseRun run : ctx.doc.prose()) {
      if (run.position().line() == line && run.scope() != ProseRun.Scope.ALT_TEXT) {
        texts.add(run.text());
      }
    }
    for (InlineCode code : ctx.doc.inlineCode()) {
      if (code.position().line() == line) {
        texts.add(code.text());
      }
    }
    return texts;
  }

  /** Every subject the line names; more than one (or an unresolved path) means the claim is ambiguous. */
  static Set<Subject> subjects(DocumentContext ctx, int line, List<String> texts) {
    CorpusIndex index = ctx.index;
    Set<Subject> subjects = new LinkedHashSet<>();
    for (Link link : ctx.doc.links()) {
      if (link.position().line() == line) {
        subjectOfLink(ctx, link).ifPresent(subjects::add);
      }
    }
    for (String text : texts) {
      boolean[] covered = new boolean[text.length()];
      Matcher m = PathWords.PATTERN.matcher(text);
      while (m.find()) {
        java.util.Arrays.fill(covered, m.start(), m.end(), true);
        subjects.add(subjectOfPath(ctx, m.group()).orElse(UNRESOLVED));
      }
      Matcher doc = DOCUMENT_NAME.matcher(text);
      while (doc.find()) {
        if (!covered[doc.start()]) {
          java.util.Arrays.fill(covered, doc.start(), doc.end(), true);
          subjects.add(documentNamed(ctx, doc.group()).orElse(UNRESOLVED));
        }
      }
      for (String folder : index.directories()) {
        if (folder.isEmpty()) {
          continue;
        }
        String name = CorpusIndex.baseName(folder);
        if (DATE_OR_NUMBER.matcher(name).matches()) {
          continue; // a folder named "2025-10" or "10月": the same words in prose are a date, not the folder
        }
        if (name.codePointCount(0, name.length()) < 2) {
          continue; // a folder named "a": the article in "Not about a folder: 本章共 30 篇" is not it
        }
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          if (!covered[at] && isToken(text, at, name.length())) {
            subjects.add(folderNamed(ctx, name).orElse(UNRESOLVED));
          }
        }
      }
      for (String corpusName : ctx.config.corpusNames()) {
        if (Words.contains(text, corpusName)) {
          subjects.add(new Subject("", false));
        }
      }
    }
    return subjects;
  }

  /**
   * A line without a subject of its own, right under a heading that names one ("#### 1. **Container/**" then
   * "- 状态: ✅ (45个文件)"): the heading's subject, when the line is within the heading's first lines of text.
   */
  private static Set<Subject> headingSubjects(DocumentContext ctx, int line) {
    Outline.Section section = ctx.outline.sectionAt(line);
    if (section == null || line == section.firstLine() || line > section.bodyEnd()
        || line - section.firstLine() > HEADING_REACH) {
      return Set.of();
    }
    int heading = section.firstLine();
    List<String> texts = textsOnLine(ctx, heading);
    if (Words.containsAny(String.join(" ", texts), ctx.config.deltaWords())) {
      return Set.of();
    }
    return subjects(ctx, heading, texts);
  }

  /**
   * Why a claim is not about now, or null: a sentence in the past tense, a plan or a comparison. A date in the
   * sentence does not count: "截至2025年10月，共506篇文档" is the claim the corpus makes today.
   */
  private static String historical(DocumentContext ctx, ProseRun run, CountClaims.Claim claim) {
    org.docgate.corpus.DocumentCurrency currency = ctx.currency();
    if (currency == null) {
      return null;
    }
    org.docgate.markdown.Position at = run.positionAt(claim.offset());
    // Sections are not asked: their cue words are about versions ("参考", "References", "案例" headings hold
    // present-tense lists), and a count under "## 历史" or "## 规划" is itself told in the past or as a plan.
    org.docgate.corpus.DocumentCurrency.Sentence sentence = currency.sentenceAt(at.line(), at.column());
    if (sentence != null && sentence.exemption() != null
        && sentence.exemption().reason() != org.docgate.corpus.Exemption.Reason.DATED) {
      return sentence.exemption().reason().key();
    }
    return null;
  }

  /** Words by which a document speaks of itself. */
  private static final List<String> SELF_WORDS = List.of("本文档", "本文", "本篇", "此文档", "该文档", "this document",
      "this page", "this file");

  /**
   * A total in a folder's landing page ("**总计**: ~6,500行" in a README, "共506篇文档" in the root README) that names
   * no subject of its own: the folder the README stands for (the root README: the whole corpus).
   */
  private static Set<Subject> landingPageTotal(DocumentContext ctx, String whole) {
    String path = ctx.doc.path();
    String name = CorpusIndex.baseName(path);
    if (!(CorpusCounts.isLandingPage(name) || name.equals("_index.md"))
        || !Words.containsAny(whole, ctx.config.totalWords())) {
      return Set.of();
    }
    return Set.of(new Subject(LinkTarget.directoryOf(path), false));
  }

  /**
   * Several lines under one heading, each with a count ("#### Container/" then "- 架构原理: 1,200行",
   * "- 网络: 900行"): a breakdown of the heading's subject by its parts, so no line is the heading's total.
   */
  private static boolean isBreakdown(DocumentContext ctx, Claims claims, int line) {
    Outline.Section section = ctx.outline.sectionAt(line);
    if (section == null) {
      return false;
    }
    long lines = claims.byLine().keySet().stream()
        .filter(l -> l > section.firstLine() && l <= Math.min(section.bodyEnd(), section.firstLine() + HEADING_REACH))
        .count();
    return lines > 1;
  }

  /** How many lines under a heading still speak about the heading's subject. */
  private static final int HEADING_REACH = 4;

  private static Optional<Subject> subjectOfLink(DocumentContext ctx, Link link) {
    LinkTarget t = LinkTarget.parse(link.destination());
    if (t.kind() != LinkTarget.Kind.INTERNAL || t.path().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> resolved = LinkTarget.resolve(ctx.doc.path(), t.path());
    if (resolved.isEmpty()) {
      return Optional.of(UNRESOLVED);
    }
    return subjectAt(ctx, resolved.get()).or(() -> Optional.of(UNRESOLVED));
  }

  /** A folder, or a document; a README stands for its folder (what "- [Docker](Docker/README.md) 8篇" means). */
  private static Optional<Subject> subjectAt(DocumentContext ctx, String path) {
    if (ctx.index.isDirectory(path)) {
      return Optional.of(new Subject(path, false));
    }
    if (ctx.index.documents().containsKey(path)) {
      return Optional.of(CorpusCounts.isLandingPage(CorpusIndex.baseName(path))
          ? new Subject(LinkTarget.directoryOf(path), false) : new Subject(path, true));
    }
    return Optional.empty();
  }

  private static Optional<Subject> subjectOfPath(DocumentContext ctx, String written) {
    String p = written.endsWith("/") ? written.substring(0, written.length() - 1) : written;
    if (p.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> relative = p.startsWith("/") ? Optional.empty() : LinkTarget.resolve(ctx.doc.path(), p);
    Optional<Subject> s = relative.flatMap(r -> subjectAt(ctx, r));
    if (s.isPresent()) {
      return s;
    }
    return LinkTarget.resolve("", p.startsWith("/") ? p.substring(1) : p).flatMap(r -> subjectAt(ctx, r));
  }

  /** The document a bare file name means: beside this one, at the root, else the only one of that name. */
  private static Optional<Subject> documentNamed(DocumentContext ctx, String name) {
    Optional<Subject> near = subjectOfPath(ctx, name);
    if (near.isPresent()) {
      return near;
    }
    List<String> all = ctx.index.withNameIgnoringCase(name).stream()
        .filter(p -> ctx.index.documents().containsKey(p)).toList();
    return all.size() == 1 ? subjectAt(ctx, all.get(0)) : Optional.empty();
  }

  /** The folder a bare name means: a child of this document's folder, else of the root, else the only one. */
  private static Optional<Subject> folderNamed(DocumentContext ctx, String name) {
    String dir = LinkTarget.directoryOf(ctx.doc.path());
    for (String candidate : List.of(dir.isEmpty() ? name : dir + "/" + name, name)) {
      if (ctx.index.isDirectory(candidate)) {
        return Optional.of(new Subject(candidate, false));
      }
    }
    List<String> all = ctx.index.directories().stream()
        .filter(d -> !d.isEmpty() && CorpusIndex.baseName(d).equals(name)).toList();
    return all.size() == 1 ? Optional.of(new Subject(all.get(0), false)) : Optional.empty();
  }

  /** Folder names made of digits and date words only. */
  private static final Pattern DATE_OR_NUMBER = Pattern.compile("[\\d\\s._/年月日号季度Qq-]+");

  /**
   * Not inside a longer Latin word or number: "Container" in "Containers" or "DevContainer" is not the folder, and
   * "01_x" is not the folder in "2025-01_x" or "v1.01_x" (a number or date continues across "-", "." and "/").
   */
  private static boolean isToken(String text, int at, int length) {
    boolean before = at > 0 && (isAsciiWord(text.charAt(at - 1)) || continuesNumber(text, at - 1, -1));
    int end = at + length;
    boolean after = end < text.length() && (isAsciiWord(text.charAt(end)) || continuesNumber(text, end, 1));
    return !before && !after;
  }

  /** A separator at {@code i} with a digit beyond it (in direction {@code step}): "2025-10-19", "1.2". */
  private static boolean continuesNumber(String text, int i, int step) {
    char c = text.charAt(i);
    int beyond = i + step;
    return (c == '-' || c == '.' || c == '/') && beyond >= 0 && beyond < text.length()
        && Character.isDigit(text.charAt(beyond));
  }

  private static boolean isAsciiWord(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}
