package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.List;

import org.docgate.corpus.CueWords;

/**
 * Script-aware character classes. Java's {@code \b} and {@code \w} count Han characters as word characters, so
 * "Kubernetes" inside "使用Kubernetes部署" has no word boundary; here a Latin letter or digit next to Han (or any
 * non-Latin script) is a boundary. Pure.
 */
final class Scripts {
  private Scripts() {}

  /** A character that continues a Latin word or number: ASCII letters and digits, {@code _}, Latin letters. */
  static boolean isLatinWord(char c) {
    return CueWords.isLatinWord(c);
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Characters that end a token around a mention: white space and CJK or ASCII sentence punctuation. */
  static boolean endsToken(char c) {
    return Character.isWhitespace(c) || c == '\u0000' || "，。；：！？、（）()《》【】「」“”‘’,;!?|<>\"'".indexOf(c) >= 0;
  }

  /**
   * Where each sentence of a text ends ({@link #endsSentence}), exclusive, in order; the last ends at the text's end.
   * A sentence starts where the one before it ends.
   */
  static List<Integer> sentenceEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (i + 1 >= text.length() || endsSentence(text, i)) {
        ends.add(i + 1);
      }
    }
    return ends;
  }

  /** Sentence ends: CJK full stops and marks, and ASCII ones (the ASCII full stop only before a space or end). */
  static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if ("。！？；!?;".indexOf(c) >= 0 || c == '\u0000') {
      return true;
    }
    return c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }
}
