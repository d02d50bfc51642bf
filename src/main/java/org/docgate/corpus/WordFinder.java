package org.docgate.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Which of a list of words occurs in a text, found in one pass over the text instead of one search per word. A word's
 * index in the list is its priority: {@link #first} answers the smallest index that occurs anywhere, as a loop over
 * the list calling {@code contains} (or {@link CueWords#containsWord}) would, and {@link #at} the smallest index
 * starting at one position, as a regex alternation of the words in list order would. Case-sensitive: callers give
 * lower-case words and text where case must not count.
 *
 * <p>Each position of the text is looked up in a bit set of the words' first characters; only there are the words
 * starting with that character compared (in index order, so the first that fits is the answer). With
 * {@code wholeLatinWords}, a word whose first (last) character is a Latin word character must not have one glued
 * before (after) it: {@link CueWords#containsWord}'s boundaries. An empty word is in every text as a substring and in
 * none as a whole word, as {@code String.contains} and {@code containsWord} have it. Immutable, thread-safe.
 */
public final class WordFinder {
  private final String[] words;
  private final boolean wholeLatinWords;
  /** The smallest index of an empty substring word (found in every text), or {@link Integer#MAX_VALUE}. */
  private final int always;
  private final long[] firstChars = new long[1024];
  /** Sorted distinct first characters, and for each the indices of the words starting with it, ascending. */
  private final char[] keys;
  private final int[][] byKey;
  /** For an ASCII first character, its place in {@link #keys} (-1: none), without the binary search. */
  private final int[] asciiKey = new int[128];
  private final boolean[] latinStart;
  private final boolean[] latinEnd;
  /**
   * Each word's second character, or -1 for a one-character word: a candidate whose second character is not the
   * text's is passed over without comparing it (a first character starts dozens of product aliases).
   */
  private final int[] second;

  public WordFinder(List<String> words, boolean wholeLatinWords) {
    this.words = words.toArray(String[]::new);
    this.wholeLatinWords = wholeLatinWords;
    this.latinStart = new boolean[this.words.length];
    this.latinEnd = new boolean[this.words.length];
    this.second = new int[this.words.length];
    int empty = Integer.MAX_VALUE;
    TreeMap<Character, List<Integer>> starts = new TreeMap<>();
    for (int i = 0; i < this.words.length; i++) {
      String w = this.words[i];
      if (w.isEmpty()) {
        if (!wholeLatinWords) {
          empty = Math.min(empty, i);
        }
        continue;
      }
      char c = w.charAt(0);
      firstChars[c >>> 6] |= 1L << c;
      starts.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
      latinStart[i] = CueWords.isLatinWord(c);
      latinEnd[i] = CueWords.isLatinWord(w.charAt(w.length() - 1));
      second[i] = w.length() > 1 ? w.charAt(1) : -1;
    }
    this.always = empty;
    this.keys = new char[starts.size()];
    this.byKey = new int[starts.size()][];
    Arrays.fill(asciiKey, -1);
    int k = 0;
    for (var e : starts.entrySet()) {
      keys[k] = e.getKey();
      if (keys[k] < 128) {
        asciiKey[keys[k]] = k;
      }
      byKey[k++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The number of words. */
  public int size() {
    return words.length;
  }

  /** The smallest index of a word occurring in {@code text}, or -1. */
  public int first(String text) {
    return first(text, Integer.MAX_VALUE);
  }

  /** The smallest index below {@code limit} of a word occurring in {@code text}, or -1. */
  public int first(String text, int limit) {
    int best = Math.min(limit, always);
    for (int i = 0, n = text.length(); i < n && best > 0; i++) {
      int w = at(text, i, best);
      if (w >= 0) {
        best = w;
      }
    }
    return best < limit ? best : -1;
  }

  /** Whether any word occurs in {@code text}: {@link #first} {@code >= 0}, without looking for a smaller index. */
  public boolean in(String text) {
    if (always != Integer.MAX_VALUE) {
      return true;
    }
    for (int i = 0, n = text.length(); i < n; i++) {
      if (at(text, i, Integer.MAX_VALUE) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The smallest index of a word starting at {@code i} in {@code text} (empty words aside), or -1. */
  public int at(String text, int i) {
    return at(text, i, Integer.MAX_VALUE);
  }

  private int at(String text, int i, int below) {
    char c = text.charAt(i);
    if ((firstChars[c >>> 6] & (1L << c)) == 0) {
      return -1;
    }
    int[] candidates = byKey[c < 128 ? asciiKey[c] : Arrays.binarySearch(keys, c)];
    int next = i + 1 < text.length() ? text.charAt(i + 1) : -1;
    for (int w : candidates) {
      if (w >= below) {
        return -1;
      }
      if (second[w] != next && second[w] >= 0) {
        continue;
      }
      String word = words[w];
      if (text.startsWith(word, i) && (!wholeLatinWords || bounded(text, i, w))) {
        return w;
      }
    }
    return -1;
  }

  private boolean bounded(String text, int i, int w) {
    int end = i + words[w].length();
    return (!latinStart[w] || i == 0 || !CueWords.isLatinWord(text.charAt(i - 1)))
        && (!latinEnd[w] || end >= text.length() || !CueWords.isLatinWord(text.charAt(end)));
  }
}
