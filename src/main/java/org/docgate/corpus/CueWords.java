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
 */
public final class CueWords {
  private final List<String> zh;
  private final List<String> en;
  private final List<Pattern> patterns;
  private final List<String> exceptions;

  public CueWords(List<String> zh, List<String> en, List<Pattern> patterns, List<String> exceptions) {
    this.zh = List.copyOf(zh);
    this.en = en.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    this.patterns = List.copyOf(patterns);
    this.exceptions = List.copyOf(exceptions);
  }

  public static CueWords none() {
    return new CueWords(List.of(), List.of(), List.of(), List.of());
  }

  /** The first cue found in {@code text} (the word, or the text a pattern matched), or null. */
  public String firstIn(String text) {
    String masked = blankExceptions(text, exceptions);
    for (String w : zh) {
      if (masked.contains(w)) {
        return w;
      }
    }
    String lower = masked.toLowerCase(Locale.ROOT);
    for (String w : en) {
      if (containsWord(lower, w)) {
        return w;
      }
    }
    for (Pattern p : patterns) {
      Matcher m = p.matcher(masked);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
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
