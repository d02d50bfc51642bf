package org.docgate.validate.versions;

/**
 * Script-aware character classes. Java's {@code \b} and {@code \w} count Han characters as word characters, so
 * "Kubernetes" inside "使用Kubernetes部署" has no word boundary; here a Latin letter or digit next to Han (or any
 * non-Latin script) is a boundary. Pure.
 */
final class Scripts {
  private Scripts() {}

  /** A character that continues a Latin word or number: ASCII letters and digits, {@code _}, Latin letters. */
  static boolean isLatinWord(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Character.isLetterOrDigit(c)
        && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Characters that end a token around a mention: white space and CJK or ASCII sentence punctuation. */
  static boolean endsToken(char c) {
    return Character.isWhitespace(c) || c == '\u0000' || "，。；：！？、（）()《》【】「」“”‘’,;!?|<>\"'".indexOf(c) >= 0;
  }

  /** Sentence ends: CJK full stops and marks, and ASCII ones (the ASCII full stop only before a space or end). */
  static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if ("。！？；!?;".indexOf(c) >= 0 || c == '\u0000') {
      return true;
    }
    return c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }

  /** Whether {@code word} occurs in {@code text} with no Latin word character glued to either end. */
  static boolean containsWord(String text, String word) {
    if (word.isEmpty()) {
      return false;
    }
    boolean latinStart = isLatinWord(word.charAt(0));
    boolean latinEnd = isLatinWord(word.charAt(word.length() - 1));
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      int end = i + word.length();
      boolean before = !latinStart || i == 0 || !isLatinWord(text.charAt(i - 1));
      boolean after = !latinEnd || end >= text.length() || !isLatinWord(text.charAt(end));
      if (before && after) {
        return true;
      }
    }
    return false;
  }
}
