package org.docgate.validate.terminology;

import java.util.List;
import java.util.Locale;
import org.docgate.markdown.ProseRun;

/**
 * Whether a use of a Chinese glossary term carries its English gloss: {@code 容器编排（Container Orchestration）} or
 * {@code 容器编排 (Container Orchestration)}, the English first ({@code Container Orchestration（容器编排）}), or an
 * accepted alternative such as an abbreviation ({@code 虚拟机（VM）}). Full-width and ASCII parentheses are the same.
 * Emphasis or a link inside the parentheses splits the text into several runs, so the following runs are read too.
 *
 * <p>Precision first: a use whose English is already in plain sight also counts as explained, though not as a
 * parenthesised gloss (so it never counts as a repeated gloss either): the English right before it
 * ({@code **SDN**: 软件定义网络}, {@code Service Mesh 服务网格}), right after it ({@code 服务网格 / Service Mesh}), or in
 * the heading of its section ({@code ### Confidential Computing} then {@code - **中文**: 机密计算}). Pure.
 */
final class GlossCheck {
  /**
   * A gloss found: whether it is a parenthesised gloss (only those count as repeats), and where its closing
   * parenthesis ends when it lies in the same run as the term.
   */
  record Found(boolean paren, boolean sameRun, int end) {}

  private static final int MAX_GLOSS = 120;

  private GlossCheck() {}

  /** {@code text} is the run's text folded with {@link TextForms#fold}. */
  static Found find(List<ProseRun> prose, int runIndex, String text, int start, int end, Gloss g,
      String sectionHeading) {
    Found after = after(prose, runIndex, text, end, g);
    if (after != null) {
      return after;
    }
    if (englishBefore(text, start, g)) {
      return new Found(true, false, end);
    }
    boolean inSight = adjacentBefore(prose, runIndex, text, start, g) || adjacentAfter(text, end, g)
        || (sectionHeading != null && mentionsEnglish(sectionHeading, g));
    return inSight ? new Found(false, false, end) : null;
  }

  private static final String SEPARATORS = " :-—=/*|>";

  /** {@code **SDN**: 软件定义网络}: the English, then only separators, then the term (the run before counts too). */
  private static boolean adjacentBefore(List<ProseRun> prose, int runIndex, String text, int start, Gloss g) {
    int i = start;
    while (i > 0 && SEPARATORS.indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    if (i > 0) {
      return formEndsAt(text, i, g);
    }
    if (runIndex == 0 || prose.get(runIndex - 1).position().line() != prose.get(runIndex).position().line()) {
      return false;
    }
    String previous = TextForms.fold(prose.get(runIndex - 1).text());
    int j = previous.length();
    while (j > 0 && SEPARATORS.indexOf(previous.charAt(j - 1)) >= 0) {
      j--;
    }
    return formEndsAt(previous, j, g);
  }

  /** Whether an English form ends at {@code at} in {@code text}, not glued to a longer Latin word. */
  private static boolean formEndsAt(String text, int at, Gloss g) {
    for (String form : g.forms()) {
      int from = at - form.length();
      if (from >= 0 && text.regionMatches(true, from, form, 0, form.length())
          && (from == 0 || !TextForms.isLatinWord(text.charAt(from - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** {@code 服务网格 / Service Mesh}, {@code 服务网格 Service Mesh}. */
  private static boolean adjacentAfter(String text, int end, Gloss g) {
    int i = end;
    while (i < text.length() && SEPARATORS.indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    for (String form : g.forms()) {
      int to = i + form.length();
      if (text.regionMatches(true, i, form, 0, form.length())
          && (to >= text.length() || !TextForms.isLatinWord(text.charAt(to)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithForm(String lowerText, Gloss g) {
    for (String form : g.forms()) {
      String f = TextForms.foldLower(form);
      if (lowerText.endsWith(f) && (lowerText.length() == f.length()
          || !TextForms.isLatinWord(lowerText.charAt(lowerText.length() - f.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static Found after(List<ProseRun> prose, int runIndex, String text, int end,
      Gloss g) {
    int i = end;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '(') {
      return null;
    }
    int close = text.indexOf(')', i);
    String inside;
    boolean sameRun = close >= 0 && close - i <= MAX_GLOSS;
    if (sameRun) {
      inside = text.substring(i + 1, close);
    } else {
      StringBuilder sb = new StringBuilder(text.substring(i + 1));
      for (int r = runIndex + 1; r < prose.size() && r <= runIndex + 3 && sb.indexOf(")") < 0; r++) {
        sb.append(TextForms.fold(prose.get(r).text()));
      }
      int c = sb.indexOf(")");
      if (c < 0 || c > MAX_GLOSS) {
        return null;
      }
      inside = sb.substring(0, c);
    }
    return mentionsEnglish(inside, g) ? new Found(true, sameRun, sameRun ? close + 1 : end) : null;
  }

  /** {@code Container Orchestration（容器编排）}: the term is the gloss of the English before it. */
  private static boolean englishBefore(String text, int start, Gloss g) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || text.charAt(i) != '(') {
      return false;
    }
    return endsWithForm(text.substring(Math.max(0, i - MAX_GLOSS), i).stripTrailing().toLowerCase(Locale.ROOT), g);
  }

  /** Whether a text has one of the gloss's English forms as a whole word (any case). */
  static boolean mentionsEnglish(String inside, Gloss g) {
    String lower = TextForms.foldLower(inside);
    for (String form : g.forms()) {
      String f = TextForms.foldLower(form);
      for (int at = lower.indexOf(f); at >= 0; at = lower.indexOf(f, at + 1)) {
        int e = at + f.length();
        boolean left = at == 0 || !TextForms.isLatinWord(lower.charAt(at - 1));
        boolean right = e >= lower.length() || !TextForms.isLatinWord(lower.charAt(e));
        if (left && right) {
          return true;
        }
      }
    }
    return false;
  }
}
