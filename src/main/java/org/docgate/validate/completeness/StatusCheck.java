package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;
import org.docgate.corpus.LinkTarget;

/**
 * {@code completeness/stale-status}: a line marking a chapter planned ("🚧 规划中", "| 02_KubeEdge | ⬜ | 规划中 |")
 * that names a document or folder which exists now, with content: the reader is told to wait for a chapter they
 * could read. The chapter is named on the line (a link, a path, a file name, a table label "03_K3s" that matches one
 * file of the folder by its number and a word), or by the heading just above it ("### 03_K3s轻量级Kubernetes.md"
 * then "**状态**: 🚧 规划中"). Records are not judged: a dated report's "规划中" was true at its date; nor is a line under a
 * dated or historical heading (a README's changelog "## 更新日志", "### v1.0 (2025-10-19)"), nor a line that also says
 * done.
 */
final class StatusCheck {
  /** A document shorter than this is itself a stub: "planned" is still true of it. */
  static final int MIN_LINES = 20;
  /** A chapter's name: a number, a separator, the title (what {@link #titled} looks for), maybe ".md". */
  private static final Pattern NUMBERED = Pattern.compile("\\d{1,3}[_\\-.]\\s*(.+?)(\\.md)?", Pattern.CASE_INSENSITIVE);
  /** Shorter titles ("概述", "FAQ") are words any line may hold. */
  private static final int MIN_TITLE = 4;
  /**
   * A line that also says done (not "未完成", "待完成") states no planned status ("✅" cannot tell: progress tables tick
   * the planning column of planned chapters).
   */
  private static final Pattern DONE =
      Pattern.compile("(?<![未待])完成|已编写|\\b(done|completed|finished)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile("^\\s*(\\d{1,3})[_\\-.]\\s*([\\p{L}\\p{N}]+)");

  /**
   * Where {@code word} stands in {@code text} as a status, or -1: an English word not before a lower-case word
   * ("planned maintenance", "planned features" use it as an adjective: etcd's runtime configuration guide, judged
   * WRONG in round 39); "(planned)", "| planned |", "Status: planned.", and after a label or bracket "Status: planned
   * for Q3" are statuses. Other words wherever {@link Words} finds them.
   */
  static int statusAt(String text, String word) {
    if (!Words.contains(text, word)) {
      return -1;
    }
    boolean english = !word.isEmpty() && word.charAt(0) < 128 && Character.isLetter(word.charAt(0));
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if (!Words.contains(text.substring(Math.max(0, at - 1), Math.min(text.length(), end + 1)), word)) {
        continue;
      }
      if (!english || !ADJECTIVE_USE.matcher(text).region(end, text.length()).lookingAt()
          || LABELLED.matcher(text).region(0, at).find()) {
        return at;
      }
    }
    return -1;
  }

  /** After a status word: a space and a lower-case word, which the word describes. */
  private static final Pattern ADJECTIVE_USE = Pattern.compile("[ \\t]+[a-z]");
  /** Right before a status word: a label, a bracket or a cell ("Status: planned for Q3", "(planned for v2)"). */
  private static final Pattern LABELLED = Pattern.compile("(?:[:：(（|]|\\bstatus\\b)[\\s*_]*$",
      Pattern.CASE_INSENSITIVE);

  List<Finding> check(DocumentContext ctx) {
    List<Finding> findings = new ArrayList<>();
    if (ctx.config.statusWords().isEmpty() || ctx.isRecord()) {
      return findings;
    }
    Set<Integer> done = new HashSet<>();
    for (ProseRun run : ctx.doc.prose()) {
      if ((run.scope() != ProseRun.Scope.PARAGRAPH && run.scope() != ProseRun.Scope.TABLE)
          || done.contains(run.position().line())) {
        continue;
      }
      String word = null;
      int at = -1;
      for (String w : ctx.config.statusWords()) {
        at = statusAt(run.text(), w);
        if (at >= 0) {
          word = w;
          break;
        }
      }
      if (word == null) {
        continue;
      }
      int line = run.position().line();
      done.add(line);
      if (DONE.matcher(String.join(" ", StaleCountCheck.textsOnLine(ctx, line))).find()) {
        // "| 01_概述 | ✅ | ✅ | 🚧 | 完成 |": the review is under way, the chapter is done; no one status
        ctx.exempt("statusDone");
        continue;
      }
      if (ctx.headingsAbove(line).stream().anyMatch(h -> ctx.isPastHeading(h.text()))) {
        // "## 更新日志" > "### 计划中" > "- 🚧 02_Istio深度解析": what was planned at a release, true then
        ctx.exempt("history");
        continue;
      }
      Optional<String> exists = namedChapter(ctx, line);
      if (exists.isPresent() && CodeFolders.of(ctx.index, ctx.config.codeExtensions()).inCode(exists.get())) {
        ctx.exempt("codeFolder"); // "planned changes (grouped by repos)": a word that is only a code folder's name
        continue;
      }
      if (exists.isPresent()) {
        findings.add(ctx.finding("completeness/stale-status", run.positionAt(at),
            "marked '" + word + "', but '" + exists.get() + "' exists (" + size(ctx.index, exists.get())
                + "): update the status"));
      }
    }
    return findings;
  }

  /** The one existing document or folder with content the line (or the heading above it) names, if any. */
  private static Optional<String> namedChapter(DocumentContext ctx, int line) {
    Optional<String> own = named(ctx, line);
    if (own.isPresent()) {
      return own;
    }
    Outline.Section section = ctx.outline.sectionAt(line);
    if (section != null && line > section.firstLine() && line - section.firstLine() <= 12
        && noOtherStatusBetween(ctx, section.firstLine(), line)) {
      return named(ctx, section.firstLine());
    }
    return Optional.empty();
  }

  private static boolean noOtherStatusBetween(DocumentContext ctx, int heading, int line) {
    for (ProseRun run : ctx.doc.prose()) {
      int l = run.position().line();
      if (l > heading && l < line && Words.containsAny(run.text(), ctx.config.statusWords())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> named(DocumentContext ctx, int line) {
    // a link says which chapter outright; folder names inside its text ("部署基线") do not compete with it
    List<String> linked = new ArrayList<>();
    for (org.docgate.markdown.Link link : ctx.doc.links()) {
      if (link.position().line() == line) {
        LinkGraph.target(ctx.index, ctx.doc.path(), link.destination(), ctx.routes)
            .filter(t -> !t.equals(ctx.doc.path())).ifPresent(linked::add);
      }
    }
    if (linked.size() == 1) {
      return hasContent(ctx.index, linked.get(0)) ? Optional.of(linked.get(0)) : Optional.empty();
    }
    List<String> texts = StaleCountCheck.textsOnLine(ctx, line);
    Set<StaleCountCheck.Subject> subjects = StaleCountCheck.subjects(ctx, line, texts);
    List<String> found = new ArrayList<>();
    for (StaleCountCheck.Subject s : subjects) {
      if (!s.path().isEmpty() && !s.path().startsWith("\0") && !s.path().equals(ctx.doc.path())) {
        found.add(s.path());
      }
    }
    if (found.isEmpty() && !texts.isEmpty()) {
      labelled(ctx, texts.get(0)).ifPresent(found::add);
    }
    if (found.isEmpty()) {
      titled(ctx, texts).ifPresent(found::add);
    }
    if (found.size() != 1 || !hasContent(ctx.index, found.get(0))) {
      return Optional.empty();
    }
    return Optional.of(found.get(0));
  }

  /** "03_K3s" in a progress table: the one file or folder beside this document numbered 03 whose name holds "K3s". */
  private static Optional<String> labelled(DocumentContext ctx, String text) {
    Matcher m = LABEL.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String folder = LinkTarget.directoryOf(ctx.doc.path());
    String prefix = folder.isEmpty() ? "" : folder + "/";
    List<String> hits = new ArrayList<>();
    for (String p : ctx.index.documents().keySet()) {
      if (!p.startsWith(prefix) || p.substring(prefix.length()).contains("/")) {
        continue;
      }
      String name = CorpusIndex.baseName(p);
      if (name.matches("0*" + Integer.parseInt(m.group(1)) + "[_\\-.].*") && name.contains(m.group(2))
          && ctx.index.documents().containsKey(p)) {
        hits.add(p);
      }
    }
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  /**
   * "⏳ eBPF技术详解 (规划中, 9章)" in a folder README: the one numbered chapter beside this document (a file or
   * folder "16_eBPF技术详解") whose name without its number (and .md) the line holds. Only numbered names: that is how
   * a chapter is told apart from a topic word, and without the number the title is what readers call it.
   */
  private static Optional<String> titled(DocumentContext ctx, List<String> texts) {
    String folder = LinkTarget.directoryOf(ctx.doc.path());
    String prefix = folder.isEmpty() ? "" : folder + "/";
    Set<String> hits = new HashSet<>();
    for (String p : beside(ctx.index, prefix)) {
      Matcher m = NUMBERED.matcher(CorpusIndex.baseName(p));
      if (!m.matches() || m.group(1).codePointCount(0, m.group(1).length()) < MIN_TITLE) {
        continue;
      }
      String title = m.group(1);
      if (texts.stream().anyMatch(t -> Words.contains(t, title))) {
        hits.add(p);
      }
    }
    return hits.size() == 1 ? Optional.of(hits.iterator().next()) : Optional.empty();
  }

  /** The documents and folders right inside a folder ({@code prefix} ends in "/", or is empty for the root). */
  private static List<String> beside(CorpusIndex index, String prefix) {
    List<String> out = new ArrayList<>();
    for (String p : index.documents().keySet()) {
      if (p.startsWith(prefix) && !p.substring(prefix.length()).contains("/")) {
        out.add(p);
      }
    }
    for (String d : index.directories()) {
      if (!d.isEmpty() && d.startsWith(prefix) && !d.substring(prefix.length()).contains("/")) {
        out.add(d);
      }
    }
    return out;
  }

  private static boolean hasContent(CorpusIndex index, String path) {
    MarkdownDocument doc = index.documents().get(path);
    if (doc != null) {
      return doc.lineCount() >= MIN_LINES;
    }
    return index.isDirectory(path) && index.documents().keySet().stream()
        .anyMatch(d -> d.startsWith(path + "/") && !CorpusCounts.isLandingPage(CorpusIndex.baseName(d)));
  }

  private static String size(CorpusIndex index, String path) {
    MarkdownDocument doc = index.documents().get(path);
    if (doc != null) {
      return doc.lineCount() + " lines";
    }
    long docs = index.documents().keySet().stream().filter(d -> d.startsWith(path + "/")).count();
    return docs + " documents";
  }
}
