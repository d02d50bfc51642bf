package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric self-descriptions in a piece of text: "60篇", "7个文档", "60+ 个文件", "1,236行", "42 documents". Pure.
 *
 * <p>Not claims: "第3行" (a line number), "500+行Go代码" and "300行生产级配置" (lines of some code, not of the
 * documents), "3.5篇", "v1.2 docs", and units glued to a following word ("6篇幅").
 */
final class CountClaims {
  enum Unit {
    DOCUMENTS("documents"),
    FILES("files"),
    LINES("lines");

    final String label;

    Unit(String label) {
      this.label = label;
    }
  }

  /**
   * @param atLeast written with {@code +} ("60+"): a lower bound
   * @param approximate written "约120", "~3,600", "about 40": twice the tolerance applies
   * @param offset 0-based offset of the number in the text
   */
  record Claim(long value, boolean atLeast, boolean approximate, Unit unit, int offset, int length) {}

  private static final Pattern APPROXIMATELY =
      Pattern.compile("(?i)(约|大约|近|~|～|about|around|approximately|roughly|nearly)\\s*$");

  private static final Pattern CLAIM = Pattern.compile(
      "(?<![A-Za-z0-9_.,/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\+?)\\s?(篇文档|篇文章|个文档|份文档|个文件|个Markdown文件|篇|文档"
          + "|(?i:documents|document|docs|files|lines))");

  private CountClaims() {}

  static List<Claim> in(String text) {
    List<Claim> claims = new ArrayList<>();
    Matcher m = CLAIM.matcher(text);
    while (m.find()) {
      String unitText = m.group(3);
      int end = m.end();
      if (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
        continue; // 6篇幅, 3文档类型, 500+行Go代码
      }
      if (isOrdinal(text, m.start())) {
        continue;
      }
      long value;
      try {
        value = Long.parseLong(m.group(1).replace(",", ""));
      } catch (NumberFormatException e) {
        continue;
      }
      claims.add(new Claim(value, !m.group(2).isEmpty(), isApproximate(text, m.start()), unitOf(unitText), m.start(),
          m.end() - m.start()));
    }
    Matcher lines = LINES.matcher(text);
    while (lines.find()) {
      int end = lines.end();
      if (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
        continue;
      }
      if (isOrdinal(text, lines.start())) {
        continue;
      }
      claims.add(new Claim(Long.parseLong(lines.group(1).replace(",", "")), !lines.group(2).isEmpty(),
          isApproximate(text, lines.start()), Unit.LINES, lines.start(), lines.end() - lines.start()));
    }
    claims.sort(java.util.Comparator.comparingInt(Claim::offset));
    return claims;
  }

  private static final Pattern LINES =
      Pattern.compile("(?<![A-Za-z0-9_.,/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\+?)\\s?行");

  private static boolean isApproximate(String text, int numberStart) {
    return APPROXIMATELY.matcher(text.substring(Math.max(0, numberStart - 16), numberStart)).find();
  }

  /** "第3篇", "第 12 行": an ordinal, not a count. */
  private static boolean isOrdinal(String text, int numberStart) {
    int i = numberStart - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && text.charAt(i) == '第';
  }

  private static Unit unitOf(String unit) {
    String u = unit.toLowerCase(java.util.Locale.ROOT);
    if (u.equals("lines")) {
      return Unit.LINES;
    }
    if (u.contains("文件") || u.equals("files")) {
      return Unit.FILES;
    }
    return Unit.DOCUMENTS;
  }
}
