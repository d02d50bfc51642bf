package org.docgate.validate.snippets;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditional-compilation lines of multi-platform examples: {@code #if ALIPAY} … {@code #endif} (Ant Design Mini's
 * component pages), {@code // #ifdef H5} … {@code // #endif} and {@code <!-- #ifdef MP-WEIXIN -->} (uni-app). A build
 * tool keeps one platform's branch and drops the directives; JSON, XML and JavaScript parsers see them as broken text
 * (round 39: 12 of 30 snippets findings on such blocks, judged NOFIX). {@link #variants} gives each platform's text,
 * line for line (directives and the other platforms' lines become empty lines, so a problem's line is the
 * snippet's). Pure.
 */
final class ConditionalLines {
  private ConditionalLines() {}

  /** A directive, bare or inside a line or block comment: group 1 the directive, group 2 its condition. */
  private static final Pattern DIRECTIVE = Pattern.compile(
      "^[ \\t]*(?:(?://|/\\*|<!--)[ \\t]*)?#(ifdef|ifndef|if|elif|else|endif)\\b[ \\t]*(.*?)[ \\t]*(?:\\*/|-->)?[ \\t]*$");

  /** Whether the text has a balanced {@code #if…}/{@code #endif} pair on lines of their own. */
  static boolean present(String text) {
    if (text.indexOf("#if") < 0 || text.indexOf("#endif") < 0) {
      return false;
    }
    int depth = 0;
    boolean any = false;
    for (String line : text.split("\n", -1)) {
      Matcher m = DIRECTIVE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      switch (m.group(1)) {
        case "if", "ifdef", "ifndef" -> {
          depth++;
          any = true;
        }
        case "endif" -> {
          if (--depth < 0) {
            return false;
          }
        }
        default -> {
          if (depth == 0) {
            return false;
          }
        }
      }
    }
    return any && depth == 0;
  }

  /**
   * The text as built for each condition it names, in the order they first appear ({@code #if ALIPAY} then
   * {@code #if WECHAT}: two texts): a branch of one platform may be broken while the other's parses. One text, as
   * written, when it has no balanced directives.
   */
  static java.util.List<String> variants(String text) {
    if (!present(text)) {
      return java.util.List.of(text);
    }
    java.util.LinkedHashSet<String> conditions = new java.util.LinkedHashSet<>();
    for (String line : text.split("\n", -1)) {
      Matcher m = DIRECTIVE.matcher(line);
      if (m.matches() && !m.group(1).equals("else") && !m.group(1).equals("endif")) {
        conditions.add(m.group(2));
      }
    }
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (String c : conditions) {
      texts.add(variant(text, c));
    }
    java.util.List<String[]> lines = texts.stream().map(t -> t.split("\n", -1)).toList();
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int v = 0; v < texts.size(); v++) {
      if (!onlyProseOfItsOwn(lines, v)) {
        out.add(texts.get(v));
      }
    }
    return out.isEmpty() ? java.util.List.of(texts.get(0)) : out;
  }

  /**
   * Whether the lines only variant {@code v} keeps are a note in words ("由于微信小程序平台的限制, Collapse 在微信暂时不
   * 支持 Slot" under {@code #if WECHAT}: a platform's note, judged NOFIX as XML in round 39), not code.
   */
  private static boolean onlyProseOfItsOwn(java.util.List<String[]> variants, int v) {
    String[] mine = variants.get(v);
    boolean any = false;
    for (int i = 0; i < mine.length; i++) {
      if (mine[i].isBlank()) {
        continue;
      }
      boolean own = true;
      for (int k = 0; k < variants.size() && own; k++) {
        own = k == v || i >= variants.get(k).length || variants.get(k)[i].isEmpty();
      }
      if (!own) {
        continue;
      }
      any = true;
      if (!PROSE.matcher(mine[i]).find() || CODE.matcher(mine[i]).find()) {
        return false;
      }
    }
    return any;
  }

  /** Words: Han characters, or four Latin words in a row. */
  private static final Pattern PROSE = Pattern.compile("\\p{IsHan}|(?:\\b[A-Za-z]+\\b[ ,]+){3}\\b[A-Za-z]+");
  /** Characters of code or markup. */
  private static final Pattern CODE = Pattern.compile("[<>{}();=\\[\\]`]");

  /** The text as built with {@code chosen} defined. */
  private static String variant(String text, String chosen) {
    String[] lines = text.split("\n", -1);
    Deque<boolean[]> stack = new ArrayDeque<>(); // {active, taken} per open #if
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      Matcher m = DIRECTIVE.matcher(lines[i]);
      boolean parentActive = stack.isEmpty() || stack.peek()[0];
      if (m.matches()) {
        String condition = m.group(2);
        switch (m.group(1)) {
          case "if", "ifdef", "ifndef" -> {
            boolean holds = condition.equals(chosen) != m.group(1).equals("ifndef");
            stack.push(new boolean[] {parentActive && holds, holds});
          }
          case "elif" -> {
            boolean[] top = stack.pop();
            boolean outer = stack.isEmpty() || stack.peek()[0];
            boolean holds = !top[1] && condition.equals(chosen);
            stack.push(new boolean[] {outer && holds, top[1] || holds});
          }
          case "else" -> {
            boolean[] top = stack.pop();
            boolean outer = stack.isEmpty() || stack.peek()[0];
            stack.push(new boolean[] {outer && !top[1], true});
          }
          default -> stack.pop();
        }
      } else if (parentActive) {
        out.append(lines[i]);
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
