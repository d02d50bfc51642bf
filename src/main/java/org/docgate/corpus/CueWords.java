package org.docgate.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One list of cue words and patterns: Chinese words match as substrings once the exception words are blanked out
 * ("最新特性" is not "新特性"), English words as whole Latin words ignoring case (a Han character next to a Latin word
 * is a boundary, unlike regex {@code \b}), patterns as regular expressions ignoring case. Immutable; pure.
 *
 * <p>The words are found in one pass each ({@link WordFinder}), and a pattern runs only on a text holding one of the
 * characters every match of it needs ({@link RequiredChars}): a scan asks this for every sentence of the corpus.
 */
public final class CueWords {
  private final List<String> zh;
  private final List<String> en;
  private final List<Pattern> patterns;
  private final List<String> exceptions;
  private final WordFinder zhWords;
  private final WordFinder enWords;
  private final List<RequiredChars> needs;
  private final Exceptions blank;

  public CueWords(List<String> zh, List<String> en, List<Pattern> patterns, List<String> exceptions) {
    this.zh = List.copyOf(zh);
    this.en = en.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    this.patterns = List.copyOf(patterns);
    this.exceptions = List.copyOf(exceptions);
    this.zhWords = new WordFinder(this.zh, false);
    this.enWords = new WordFinder(this.en, true);
    this.needs = this.patterns.stream().map(RequiredChars::of).toList();
    this.blank = new Exceptions(this.exceptions);
  }

  List<String> zh() {
    return zh;
  }

  List<String> en() {
    return en;
  }

  List<Pattern> patterns() {
    return patterns;
  }

  List<String> exceptions() {
    return exceptions;
  }

  public static CueWords none() {
    return new CueWords(List.of(), List.of(), List.of(), List.of());
  }

  /** The first cue found in {@code text} (the word, or the text a pattern matched), or null. */
  public String firstIn(String text) {
    String masked = blank.apply(text);
    int z = zhWords.first(masked);
    if (z >= 0) {
      return zh.get(z);
    }
    if (enWords.size() > 0) {
      int e = enWords.first(masked.toLowerCase(Locale.ROOT));
      if (e >= 0) {
        return en.get(e);
      }
    }
    RequiredChars.TextChars chars = patterns.isEmpty() ? null : new RequiredChars.TextChars(masked);
    for (int i = 0; i < patterns.size(); i++) {
      String found = find(i, masked, chars);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** What pattern {@code i} matches first in {@code masked}, or null. */
  private String find(int i, String masked) {
    return find(i, masked, null);
  }

  /** {@link #find(int, String)} with the text's characters read beforehand (or null: read them here). */
  private String find(int i, String masked, RequiredChars.TextChars chars) {
    if (chars == null ? !needs.get(i).mayMatch(masked) : !needs.get(i).mayMatch(masked, chars)) {
      return null;
    }
    Matcher m = patterns.get(i).matcher(masked);
    return m.find() ? m.group() : null;
  }

  /**
   * The first cue of several lists read in order ({@link CurrencyRules#sentence}: plan, history, dated...): which
   * list and the cue, as asking each list's {@link #firstIn} in turn would answer, with one blanking, one lower-case
   * copy and one pass per script for all of them. The lists must share their exception words.
   */
  static final class InOrder {
    private final List<CueWords> lists;
    private final Exceptions blank;
    /** Every word and pattern numbered in the order they are tried: list by list, zh, en, then patterns. */
    private final WordFinder zhWords;
    private final WordFinder enWords;
    private final int[] zhRank;
    private final int[] enRank;
    /** Per rank: the list, and the index of its word or pattern. */
    private final int[] listOf;
    private final int[] indexOf;
    private final int[] kindOf; // 0 zh, 1 en, 2 pattern

    /** The answer: the list's position and the cue. */
    record Hit(int list, String cue) {}

    InOrder(List<CueWords> lists) {
      this.lists = List.copyOf(lists);
      List<String> exceptions = lists.isEmpty() ? List.of() : lists.get(0).exceptions;
      for (CueWords c : lists) {
        if (!c.exceptions.equals(exceptions)) {
          throw new IllegalArgumentException("cue lists with different exception words");
        }
      }
      this.blank = new Exceptions(exceptions);
      List<String> zhAll = new ArrayList<>();
      List<String> enAll = new ArrayList<>();
      List<Integer> zhRanks = new ArrayList<>();
      List<Integer> enRanks = new ArrayList<>();
      List<int[]> ranks = new ArrayList<>();
      for (int l = 0; l < lists.size(); l++) {
        CueWords c = lists.get(l);
        for (int i = 0; i < c.zh.size(); i++) {
          zhRanks.add(ranks.size());
          zhAll.add(c.zh.get(i));
          ranks.add(new int[] {l, i, 0});
        }
        for (int i = 0; i < c.en.size(); i++) {
          enRanks.add(ranks.size());
          enAll.add(c.en.get(i));
          ranks.add(new int[] {l, i, 1});
        }
        for (int i = 0; i < c.patterns.size(); i++) {
          ranks.add(new int[] {l, i, 2});
        }
      }
      // the finders number words by their place in their own list: ranks are ascending in it, so the smallest
      // index found is the smallest rank found
      this.zhWords = new WordFinder(zhAll, false);
      this.enWords = new WordFinder(enAll, true);
      this.zhRank = zhRanks.stream().mapToInt(Integer::intValue).toArray();
      this.enRank = enRanks.stream().mapToInt(Integer::intValue).toArray();
      this.listOf = ranks.stream().mapToInt(r -> r[0]).toArray();
      this.indexOf = ranks.stream().mapToInt(r -> r[1]).toArray();
      this.kindOf = ranks.stream().mapToInt(r -> r[2]).toArray();
    }

    /** The first list (in order) with a cue in {@code text}, and its cue; or null. */
    Hit first(String text) {
      String masked = blank.apply(text);
      int best = Integer.MAX_VALUE;
      int z = zhWords.first(masked);
      if (z >= 0) {
        best = zhRank[z];
      }
      // only English words ranked before the best Chinese one can change the answer
      int enLimit = 0;
      while (enLimit < enRank.length && enRank[enLimit] < best) {
        enLimit++;
      }
      if (enLimit > 0) {
        int e = enWords.first(masked.toLowerCase(Locale.ROOT), enLimit);
        if (e >= 0) {
          best = enRank[e];
        }
      }
      int limit = Math.min(best, listOf.length);
      RequiredChars.TextChars chars = null;
      for (int r = 0; r < limit; r++) {
        if (kindOf[r] == 2) {
          if (chars == null) {
            chars = new RequiredChars.TextChars(masked);
          }
          String found = lists.get(listOf[r]).find(indexOf[r], masked, chars);
          if (found != null) {
            return new Hit(listOf[r], found);
          }
        }
      }
      if (best == Integer.MAX_VALUE) {
        return null;
      }
      CueWords c = lists.get(listOf[best]);
      return new Hit(listOf[best], kindOf[best] == 0 ? c.zh.get(indexOf[best]) : c.en.get(indexOf[best]));
    }
  }

  /**
   * Exception words blanked out as {@link #blankExceptions} does, with one pass to see whether any is there at all
   * (in most texts none is). Blanking only writes spaces, so a word without one that is not in the text cannot
   * appear in it after others are blanked.
   */
  static final class Exceptions {
    private final List<String> words;
    private final WordFinder finder;
    private final boolean withSpaces;

    Exceptions(List<String> words) {
      this.words = List.copyOf(words);
      this.finder = new WordFinder(words.stream().filter(w -> !w.isEmpty()).toList(), false);
      this.withSpaces = words.stream().anyMatch(w -> w.indexOf(' ') >= 0);
    }

    String apply(String text) {
      if (!withSpaces && finder.first(text) < 0) {
        return text;
      }
      return blankExceptions(text, words);
    }
  }

  /** Every exception word replaced by spaces of its length, so offsets stay where they were. */
  public static String blankExceptions(String text, List<String> exceptions) {
    String out = text;
    for (String e : exceptions) {
      if (!e.isEmpty() && out.contains(e)) {
        out = out.replace(e, " ".repeat(e.length()));
      }
    }
    return out;
  }

  /** Whether {@code word} occurs in {@code text} with no Latin word character glued to either end. */
  public static boolean containsWord(String text, String word) {
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

  /** A character that continues a Latin word or number: ASCII letters and digits, {@code _}, Latin letters. */
  public static boolean isLatinWord(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }

  /** Compiles patterns for a list, ignoring case; a bad one is reported by the caller with its line. */
  static List<Pattern> compile(List<String> regexes) {
    List<Pattern> out = new ArrayList<>();
    for (String r : regexes) {
      out.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    return out;
  }
}
