package org.docgate.validate.terminology;

import java.util.List;
import java.util.Locale;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;

/**
 * Where the first use of a glossary term is not a place to teach it: navigation and "related documents" lists, index
 * keyword lists and enumerations of topics, titles and labels. And whether the English form was given a few lines
 * before, in a diagram, a table header or a sentence. Pure.
 */
final class FirstUsePlaces {
  /** Why a use is no place for a gloss; the name is the counter's ({@code terms.exempt.<reason>}). */
  enum Reason {
    /** A list under a "相关文档" / "See also" heading, or a list item that starts with a link. */
    NAVIGATION("navigation"),
    /** {@code **关键词**: 服务网格、可观测性}, or an enumeration of three or more short topics. */
    KEYWORDS("keywords"),
    /** {@code 《边缘计算指南》}, or a label such as {@code - **边缘计算**: …} and {@code 1. ✅ **边缘计算专题** (8章)}. */
    TITLE("title");

    final String counter;

    Reason(String counter) {
      this.counter = counter;
    }
  }

  private FirstUsePlaces() {}

  /** Why the use [start, end) of a run is no place for a gloss, or null. */
  static Reason of(MarkdownDocument doc, int runIndex, int start, int end, TermRule.Options options,
      String sectionHeading) {
    ProseRun run = doc.prose().get(runIndex);
    if (sectionHeading != null && containsAny(sectionHeading, options.skipHeadings())) {
      return Reason.NAVIGATION;
    }
    int line = run.positionAt(start).line();
    ProseRun first = firstRunOfLine(doc, runIndex, line);
    if (first.scope() == ProseRun.Scope.LINK_TEXT) {
      return Reason.NAVIGATION;
    }
    if (startsWithLabel(doc, first, options.skipLabels())) {
      return Reason.KEYWORDS;
    }
    if (inEnumeration(run.text(), start, end) || inTopicList(doc, runIndex)) {
      return Reason.KEYWORDS;
    }
    if (quotedTitle(run.text(), start, end) || isLabel(doc, runIndex)) {
      return Reason.TITLE;
    }
    return null;
  }

  private static boolean containsAny(String text, List<String> parts) {
    String lower = text.toLowerCase(Locale.ROOT);
    return parts.stream().anyMatch(p -> lower.contains(p.toLowerCase(Locale.ROOT)));
  }

  private static ProseRun firstRunOfLine(MarkdownDocument doc, int runIndex, int line) {
    int i = runIndex;
    while (i > 0 && doc.prose().get(i - 1).position().line() == line) {
      i--;
    }
    ProseRun r = doc.prose().get(i);
    // a run that starts on an earlier line and wraps onto this one: the line starts inside it
    return r;
  }

  /** {@code 关键词：…}, {@code **Keywords**: …}: the line's first run is a label, then a colon. */
  private static boolean startsWithLabel(MarkdownDocument doc, ProseRun first, List<String> labels) {
    String text = first.text().strip();
    for (String label : labels) {
      if (text.regionMatches(true, 0, label, 0, label.length())) {
        String rest = text.substring(label.length()).strip();
        if (rest.startsWith(":") || rest.startsWith("：")) {
          return true;
        }
        if (rest.isEmpty()) {
          int i = doc.prose().indexOf(first);
          if (i >= 0 && i + 1 < doc.prose().size()) {
            String next = doc.prose().get(i + 1).text().strip();
            return next.startsWith(":") || next.startsWith("：");
          }
        }
      }
    }
    return false;
  }

  private static final String ITEM_SEPARATORS = "、,，";
  private static final int SHORT_ITEM = 10;

  /**
   * {@code 涵盖Istio, Linkerd, 安全, 可观测性, 多集群}, {@code （AI/ML、科学计算、边缘计算）}: the use is an item of a list
   * of three or more short items; a list of topics names them, it does not teach them.
   */
  static boolean inEnumeration(String text, int start, int end) {
    int from = start;
    while (from > 0 && !isBoundary(text.charAt(from - 1))) {
      from--;
    }
    int to = end;
    while (to < text.length() && !isBoundary(text.charAt(to))) {
      to++;
    }
    if (to - from > SHORT_ITEM) {
      return false;
    }
    int items = 1;
    int i = from;
    while (i > 0 && ITEM_SEPARATORS.indexOf(text.charAt(i - 1)) >= 0) {
      int j = i - 1;
      while (j > 0 && !isBoundary(text.charAt(j - 1))) {
        j--;
      }
      if (i - 1 - j == 0 || i - 1 - j > SHORT_ITEM) {
        break;
      }
      items++;
      i = j;
    }
    i = to;
    while (i < text.length() && ITEM_SEPARATORS.indexOf(text.charAt(i)) >= 0) {
      int j = i + 1;
      while (j < text.length() && !isBoundary(text.charAt(j))) {
        j++;
      }
      if (j - i - 1 == 0 || j - i - 1 > SHORT_ITEM) {
        break;
      }
      items++;
      i = j;
    }
    return items >= 3;
  }

  /** Ends an enumeration item: a separator, sentence punctuation, a bracket or a colon. */
  private static boolean isBoundary(char c) {
    return ITEM_SEPARATORS.indexOf(c) >= 0 || "。；;：:（）()《》【】！？!?\n".indexOf(c) >= 0;
  }

  /**
   * {@code - 服务网格} / {@code - 无服务器计算} / {@code - 可观测性标准}: one short item per line, and so the line before or
   * after: a list of topics, not sentences.
   */
  static boolean inTopicList(MarkdownDocument doc, int runIndex) {
    if (!isShortLine(doc, runIndex)) {
      return false;
    }
    int line = doc.prose().get(runIndex).position().line();
    return (runIndex > 0 && doc.prose().get(runIndex - 1).position().line() == line - 1
        && isShortLine(doc, runIndex - 1))
        || (runIndex + 1 < doc.prose().size() && doc.prose().get(runIndex + 1).position().line() == line + 1
        && isShortLine(doc, runIndex + 1));
  }

  /** A run alone on its line, short, without sentence punctuation. */
  private static boolean isShortLine(MarkdownDocument doc, int i) {
    List<ProseRun> prose = doc.prose();
    ProseRun r = prose.get(i);
    int line = r.position().line();
    String text = r.text().strip();
    return text.length() <= SHORT_ITEM + 2 && !text.isEmpty() && text.indexOf('\n') < 0
        && text.chars().noneMatch(c -> "，。；！？,;!?：:".indexOf(c) >= 0)
        && (i == 0 || prose.get(i - 1).position().line() != line)
        && (i + 1 >= prose.size() || prose.get(i + 1).position().line() != line);
  }

  /** {@code 《边缘计算实践指南》}: the name of a book or document. */
  private static boolean quotedTitle(String text, int start, int end) {
    int open = text.lastIndexOf('《', start);
    int close = text.indexOf('》', end);
    return open >= 0 && close >= 0 && text.lastIndexOf('》', start) < open && close - open < 60;
  }

  /**
   * {@code - **边缘计算**: 边缘容器部署}, {@code 1. ✅ **边缘计算技术详解** (8章, …)}: a short run without sentence
   * punctuation, followed on its line by a colon or a parenthesis: the run is a label or a title (in bold, the only
   * way the source splits it from what follows), not a sentence.
   */
  private static boolean isLabel(MarkdownDocument doc, int runIndex) {
    ProseRun run = doc.prose().get(runIndex);
    String text = run.text().strip();
    if (text.length() > 20 || text.chars().anyMatch(c -> "，。；！？,;!?".indexOf(c) >= 0)
        || runIndex + 1 >= doc.prose().size()) {
      return false;
    }
    ProseRun next = doc.prose().get(runIndex + 1);
    if (next.position().line() != run.position().line()) {
      return false;
    }
    String after = next.text().stripLeading();
    return after.startsWith(":") || after.startsWith("：") || after.startsWith("(") || after.startsWith("（")
        || after.startsWith("- ") || after.startsWith("—");
  }

  /**
   * Whether an English form of the pair appears in the {@code within} lines before {@code line} (or earlier on it):
   * in any text, a heading, a table header or a code block (a diagram's node labels).
   */
  static boolean englishBefore(MarkdownDocument doc, int line, int within, Gloss g) {
    if (within <= 0) {
      return false;
    }
    int from = Math.max(1, line - within);
    for (ProseRun r : doc.prose()) {
      int l = r.position().line();
      if (l > line) {
        break;
      }
      if (l >= from && GlossCheck.mentionsEnglish(r.text(), g)) {
        return true;
      }
    }
    for (Heading h : doc.headings()) {
      int l = h.position().line();
      if (l >= from && l <= line && GlossCheck.mentionsEnglish(h.text(), g)) {
        return true;
      }
    }
    for (CodeBlock b : doc.codeBlocks()) {
      if (b.startLine() <= line && b.endLine() >= from && GlossCheck.mentionsEnglish(b.body(), g)) {
        return true;
      }
    }
    return false;
  }
}
