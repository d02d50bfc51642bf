package org.docgate.markdown;

/** White space as a regular expression's {@code \s} reads it (ASCII only, Java's default). Pure. */
public final class Whitespace {
  private Whitespace() {}

  /** Whether {@code c} is one of {@code \s}'s characters: space, tab, line feed, vertical tab, form feed, return. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The first character of {@code line} that is no {@code \s}, or {@code '\0'} when there is none. */
  public static char firstVisible(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!isSpace(line.charAt(i))) {
        return line.charAt(i);
      }
    }
    return '\0';
  }
}
