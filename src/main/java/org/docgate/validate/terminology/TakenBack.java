package org.docgate.validate.terminology;

import java.util.List;
import java.util.Locale;

/**
 * An existence rule's word whose claim the sentence takes back right before it: "an evolution of the existing
 * approach rather than a revolutionary new one", "并非业界领先". The phrases are the rule's {@code exceptAfter}. Pure.
 */
final class TakenBack {
  private TakenBack() {}

  private static final List<String> ARTICLES = List.of("a", "an", "the", "一个", "一种");

  /** Whether one of {@code phrases} ends the text before {@code start} (an article between them allowed). */
  static boolean before(String text, int start, List<String> phrases) {
    if (phrases.isEmpty()) {
      return false;
    }
    String before = text.substring(Math.max(0, start - 60), start).toLowerCase(Locale.ROOT).stripTrailing();
    for (String article : ARTICLES) {
      if (endsWithWord(before, article)) {
        before = before.substring(0, before.length() - article.length()).stripTrailing();
        break;
      }
    }
    for (String p : phrases) {
      if (endsWithWord(before, p.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} ends with {@code word}, not inside a longer Latin word ("cannot" does not end with "not"). */
  private static boolean endsWithWord(String text, String word) {
    if (!text.endsWith(word)) {
      return false;
    }
    int at = text.length() - word.length();
    return at == 0 || !TextForms.isLatinWord(word.charAt(0)) || !TextForms.isLatinWord(text.charAt(at - 1));
  }
}
