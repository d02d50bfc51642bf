package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Finds placeholder markers in a piece of text, script-aware. Pure and immutable.
 *
 * <p>A marker ending in a letter must not continue into another letter or digit of any script: "TODO状态" and
 * "TODOs" use the word as a noun (a to-do list), "TODO: 补充示例" and "（TODO）" mark a gap. Chinese markers have no
 * word boundaries, so longer words that merely contain one ({@code 占位符}) are listed as not-markers instead.
 */
final class PlaceholderMarkers {
  /** One marker found at a 0-based offset (UTF-16) of the searched text. */
  record Match(String marker, int offset, int length) {}

  private final List<String> markers;
  private final List<String> notMarkers;
  private final int longest;
  /** Per marker: whether its letters are compared ignoring case (a marker written in upper case is compared as is). */
  private final boolean[] ignoreCase;
  /** Per marker: the characters a match of it can start with. */
  private final BitSet[] starts;
  /** The characters any marker's match can start with: a text is searched in one pass, not one per marker. */
  private final BitSet anyStart = new BitSet(Character.MAX_VALUE + 1);

  PlaceholderMarkers(List<String> markers, List<String> notMarkers) {
    this.markers = List.copyOf(markers);
    this.notMarkers = List.copyOf(notMarkers);
    this.longest = markers.stream().mapToInt(String::length).max().orElse(0);
    this.ignoreCase = new boolean[this.markers.size()];
    this.starts = new BitSet[this.markers.size()];
    for (int k = 0; k < this.markers.size(); k++) {
      String marker = this.markers.get(k);
      ignoreCase[k] = !marker.equals(marker.toUpperCase(java.util.Locale.ROOT));
      starts[k] = startsOf(marker.charAt(0), ignoreCase[k]);
      anyStart.or(starts[k]);
    }
  }

  /** The characters a match can start with: {@code first}, and ignoring case every one whose lower case is its own. */
  private static BitSet startsOf(char first, boolean ignoreCase) {
    BitSet out = new BitSet(Character.MAX_VALUE + 1);
    out.set(first);
    if (ignoreCase) {
      char lower = Character.toLowerCase(first);
      out.set(lower);
      out.set(Character.toUpperCase(first));
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        if (Character.toLowerCase((char) c) == lower) {
          out.set(c);
        }
      }
    }
    return out;
  }

  boolean isEmpty() {
    return markers.isEmpty();
  }

  /** Every marker occurrence in {@code text}, by offset, without overlaps (the longer marker wins). */
  List<Match> find(String text) {
    List<Match> found = new ArrayList<>();
    // by offset, then in the markers' order, as one pass per marker added them before the (stable) sort below
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!anyStart.get(c)) {
        continue; // the cheap test of the first character before the region comparison
      }
      for (int k = 0; k < markers.size(); k++) {
        String marker = markers.get(k);
        if (starts[k].get(c) && i + marker.length() <= text.length()
            && text.regionMatches(ignoreCase[k], i, marker, 0, marker.length())
            && isWholeWord(text, i, marker.length(), marker)
            && !insideNotMarker(text, i, marker)) {
          found.add(new Match(marker, i, marker.length()));
        }
      }
    }
    found.sort(Comparator.comparingInt(Match::offset).thenComparing(m -> -m.length()));
    List<Match> out = new ArrayList<>();
    int end = -1;
    for (Match m : found) {
      if (m.offset() >= end) {
        out.add(m);
        end = m.offset() + m.length();
      }
    }
    return out;
  }

  /** Whether the whole text, without bullets, brackets and punctuation, is one marker ("- TODO", "（待补充）"). */
  boolean isLoneMarker(String text) {
    if (wordChars(text) > longest) {
      return false; // the core below keeps every such character, and a lone marker is no longer than a marker
    }
    String core = core(text);
    if (core.isEmpty()) {
      return false;
    }
    List<Match> matches = find(core);
    return matches.size() == 1 && matches.get(0).offset() == 0 && matches.get(0).length() == core.length();
  }

  /**
   * The text without leading bullets, quote and heading marks, with each run of punctuation, symbols and ASCII white
   * space made one space, stripped: "- （待补充）" is "待补充".
   */
  static String core(String text) {
    String s = text.strip();
    int i = 0;
    while (i < s.length() && ("-*+>#".indexOf(s.charAt(i)) >= 0 || isAsciiSpace(s.charAt(i)))) {
      i++;
    }
    StringBuilder core = new StringBuilder(s.length() - i);
    boolean gap = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isAsciiSpace(c) || isPunctuationOrSymbol(c)) {
        gap = true;
      } else {
        if (gap && !core.isEmpty()) {
          core.append(' ');
        }
        gap = false;
        core.append(c);
      }
    }
    return core.toString().strip();
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Characters that are not punctuation, symbols or white space. */
  private static int wordChars(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isPunctuationOrSymbol(c)) {
        n++;
      }
    }
    return n;
  }

  private static boolean isPunctuationOrSymbol(char c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  private static boolean isWholeWord(String text, int start, int length, String marker) {
    if (isWordChar(marker.codePointAt(0)) && isAsciiLetterOrDigit(marker.charAt(0)) && start > 0
        && isWordChar(text.codePointBefore(start))) {
      return false;
    }
    int end = start + length;
    char last = marker.charAt(marker.length() - 1);
    return !(isAsciiLetterOrDigit(last) && end < text.length() && isWordChar(text.codePointAt(end)));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }

  private boolean insideNotMarker(String text, int at, String marker) {
    for (String word : notMarkers) {
      for (int k = word.indexOf(marker); k >= 0; k = word.indexOf(marker, k + 1)) {
        int start = at - k;
        if (start >= 0 && start + word.length() <= text.length() && text.regionMatches(true, start, word, 0,
            word.length())) {
          return true;
        }
      }
    }
    return false;
  }
}
