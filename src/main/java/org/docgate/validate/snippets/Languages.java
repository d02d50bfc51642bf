package org.docgate.validate.snippets;

import java.util.Locale;
import java.util.Map;

/** Info-string first words to languages; unknown words are their own, unverifiable language. */
final class Languages {
  private final Map<String, Language> byWord;

  Languages(Map<String, Language> byWord) {
    this.byWord = Map.copyOf(byWord);
  }

  /** The language of a fence's first info word (already lower-case); never null. */
  Language of(String firstWord) {
    String word = firstWord.toLowerCase(Locale.ROOT);
    Language known = byWord.get(word);
    if (known != null) {
      return known;
    }
    return new Language(counterSafe(word), Language.NONE);
  }

  /** Stats nest on dots: a language name in a counter key holds none (nor spaces or slashes). */
  static String counterSafe(String word) {
    String safe = word.replaceAll("[^\\p{L}\\p{N}+#_-]", "_");
    return safe.isEmpty() ? "_" : safe;
  }
}
