package org.docgate.validate.completeness;

import java.util.List;

/**
 * Finding configured words in text, script-aware: a Latin word must stand alone ("new" is not in "renewal"),
 * a Chinese word has no boundaries to respect (新增 in "本周新增6篇"). Pure.
 */
final class Words {
  private Words() {}

  static boolean containsAny(String text, List<String> words) {
    return words.stream().anyMatch(w -> contains(text, w));
  }

  static boolean contains(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      boolean startOk = !isAsciiLetter(word.charAt(0)) || at == 0 || !isAsciiLetter(text.charAt(at - 1));
      int end = at + word.length();
      boolean endOk = !isAsciiLetter(word.charAt(word.length() - 1)) || end == text.length()
          || !isAsciiLetter(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return c < 128 && Character.isLetter(c);
  }
}
