package org.docgate.corpus;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * A rules file's list of words, lower-cased, with its {@link WordFinder} built once: Chinese words match as
 * substrings, English ones as whole Latin words ({@link CueWords#containsWord}'s boundaries), ignoring case. Every
 * sentence, heading, outline line and code line of a scan asks such lists (a search per word was 4% of a scan's CPU).
 * Equal to any list of the same words, so a record holding one compares and prints its words. Immutable,
 * thread-safe.
 */
public final class WordList extends AbstractList<String> implements RandomAccess {
  private final List<String> words;
  private final WordFinder finder;

  private WordList(List<String> words) {
    this.words = words;
    this.finder = new WordFinder(words, true);
  }

  /** The words, lower-cased, in their order (the first listed is the first answered). */
  public static WordList lowerCase(List<String> words) {
    return new WordList(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
  }

  /** The first word of the list (in its order) in {@code text}, ignoring case, or null. */
  public String firstIn(String text) {
    if (words.isEmpty()) {
      return null;
    }
    int i = finder.first(text.toLowerCase(Locale.ROOT));
    return i < 0 ? null : words.get(i);
  }

  /** Whether a word of the list is in {@code lowerCaseText} (a text already lower-cased). */
  public boolean inLowerCase(String lowerCaseText) {
    return finder.in(lowerCaseText);
  }

  @Override
  public String get(int index) {
    return words.get(index);
  }

  @Override
  public int size() {
    return words.size();
  }
}
