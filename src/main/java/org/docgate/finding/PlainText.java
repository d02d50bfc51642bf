package org.docgate.finding;

/**
 * Text from documents made safe for a terminal or a log line: every control character is written as a visible escape,
 * so a decoded link target like {@code %0A::error file=README.md::forged} stays on its finding's line (no forged GitHub
 * Actions annotation, no forged finding line) and {@code %1B[2J} never reaches the terminal as an escape sequence.
 * Escaped: C0 ({@code \n}, {@code \r}, {@code \t}, others {@code \x1b}), DEL and C1 ({@code \x7f}, {@code \x85}), the
 * line and paragraph separators ({@code \u2028}, {@code \u2029}), and the bidirectional controls that reorder what a
 * line shows ({@code \u202e}...). A backslash is left as it is: it forges nothing, and paths and regexes keep theirs.
 */
public final class PlainText {
  private PlainText() {}

  /** {@code s} with its control characters escaped; null stays null. */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s; // the common case: nothing to escape, no copy
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x100) {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** Whether {@code c} is a character that {@link #escape} writes as an escape. */
  public static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028' || c == '\u2029'
        || c == '\u061c' || c == '\u200e' || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
