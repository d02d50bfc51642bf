package org.docgate.corpus;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets of characters such that every match of a regular expression holds at least one character of each set, read
 * from the expression's text: a text missing one set cannot match, so the regex need not run (java.util.regex tries
 * every alternative at every position of the text: the cue patterns were most of a scan's CPU). For
 * {@code 于\s*(19|20)\d{2}\s*年} the sets are {@code 于}, {@code 年}, {@code 12} and the digits; for
 * {@code (集成|发布|推出)了} they are {@code 了} and {@code 集发推} (one character of each branch).
 *
 * <p>Sound by construction: whatever the reader does not know (a flag other than ignoring case, inline flags, nested
 * or intersected classes, an unknown escape) gives {@link #ANY}, which lets every text through; an element that may
 * match nothing (optional, lookaround, anchor, {@code .}, a negated class, {@code \p{..}}, a back reference) adds no
 * set. A sequence requires every set of its mandatory elements; an alternation one set: the union of the rarest set
 * of each branch. Letters are closed under case folding whatever the flags (a superset is still sound). Immutable.
 */
public final class RequiredChars {
  /** No requirement known: every text may match. */
  public static final RequiredChars ANY = new RequiredChars(null);

  /** At most this many sets are kept, the rarest: each costs a pass over a text that holds the ones before. */
  private static final int KEPT = 4;

  /** The sets, rarest first; null for {@link #ANY}. */
  private final long[][] sets;
  /** Per set: its ASCII characters (two words), and the {@link TextChars#BLOOM} bits of the others (0: none). */
  private final long[] asciiLow;
  private final long[] asciiHigh;
  private final long[][] otherBloom;

  private RequiredChars(long[][] sets) {
    this.sets = sets;
    int n = sets == null ? 0 : sets.length;
    this.asciiLow = new long[n];
    this.asciiHigh = new long[n];
    this.otherBloom = new long[n][TextChars.BLOOM / 64];
    for (int s = 0; s < n; s++) {
      long[] bits = sets[s];
      asciiLow[s] = bits.length > 0 ? bits[0] : 0;
      asciiHigh[s] = bits.length > 1 ? bits[1] : 0;
      BitSet chars = BitSet.valueOf(bits);
      for (int c = chars.nextSetBit(128); c >= 0; c = chars.nextSetBit(c + 1)) {
        TextChars.mark(otherBloom[s], (char) c);
      }
    }
  }

  /**
   * The characters of one text, read once for many {@link #mayMatch(CharSequence, TextChars)} questions: its ASCII
   * characters exactly, the others as a Bloom filter (a set none of whose bits are there is not in the text; one whose
   * bits are is looked for in the text). A sentence is asked about every cue pattern in turn, and each pattern's own
   * pass over it was 2% of a scan.
   */
  public static final class TextChars {
    static final int BLOOM = 256;
    private long low;
    private long high;
    private final long[] others = new long[BLOOM / 64];

    public TextChars(CharSequence text) {
      for (int i = 0, n = text.length(); i < n; i++) {
        char c = text.charAt(i);
        if (c < 64) {
          low |= 1L << c;
        } else if (c < 128) {
          high |= 1L << c;
        } else {
          mark(others, c);
        }
      }
    }

    static void mark(long[] bloom, char c) {
      int bit = (c * 0x9E3779B1) >>> 24;
      bloom[bit >>> 6] |= 1L << bit;
    }
  }

  /** The requirement of a compiled pattern (its flags count: anything but ignoring case gives {@link #ANY}). */
  public static RequiredChars of(Pattern pattern) {
    if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
      return ANY;
    }
    List<BitSet> all;
    try {
      all = new Reader(pattern.pattern()).whole();
    } catch (Unsupported e) {
      return ANY;
    }
    List<BitSet> kept = all.stream().filter(b -> !b.isEmpty()).distinct()
        .sorted(java.util.Comparator.comparingDouble(RequiredChars::cost)).limit(KEPT).toList();
    return kept.isEmpty() ? ANY : new RequiredChars(kept.stream().map(BitSet::toLongArray).toArray(long[][]::new));
  }

  /** Whether {@code text} may match: it holds a character of every set (always true for {@link #ANY}). */
  public boolean mayMatch(CharSequence text) {
    if (sets == null) {
      return true;
    }
    for (long[] bits : sets) {
      if (!holdsOne(text, bits)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #mayMatch(CharSequence)}, with the text's characters read beforehand. */
  public boolean mayMatch(CharSequence text, TextChars chars) {
    if (sets == null) {
      return true;
    }
    for (int s = 0; s < sets.length; s++) {
      if ((chars.low & asciiLow[s]) != 0 || (chars.high & asciiHigh[s]) != 0) {
        continue;
      }
      long[] bloom = otherBloom[s];
      boolean maybe = false;
      for (int w = 0; w < bloom.length; w++) {
        maybe |= (bloom[w] & chars.others[w]) != 0;
      }
      if (!maybe || !holdsOne(text, sets[s])) {
        return false;
      }
    }
    return true;
  }

  private static boolean holdsOne(CharSequence text, long[] bits) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      int word = c >>> 6;
      if (word < bits.length && (bits[word] & (1L << c)) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The sets' characters, rarest set first, joined by spaces, for tests ({@code null} for {@link #ANY}). */
  String chars() {
    if (sets == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (long[] bits : sets) {
      out.append(out.isEmpty() ? "" : " ");
      BitSet.valueOf(bits).stream().forEach(c -> out.append((char) c));
    }
    return out.toString();
  }

  /** Syntax the reader does not model: no requirement for the whole pattern. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * A recursive-descent reader of the regex syntax; each method returns the sets every match of what it read
   * requires (all of them), empty for none.
   */
  private static final class Reader {
    private final String re;
    private int at;

    Reader(String re) {
      this.re = re;
    }

    List<BitSet> whole() {
      List<BitSet> out = alternation();
      if (at != re.length()) {
        throw new Unsupported(); // an unbalanced ')'
      }
      return out;
    }

    private List<BitSet> alternation() {
      List<List<BitSet>> branches = new ArrayList<>();
      branches.add(sequence());
      while (at < re.length() && re.charAt(at) == '|') {
        at++;
        branches.add(sequence());
      }
      if (branches.size() == 1) {
        return branches.get(0);
      }
      BitSet union = new BitSet();
      boolean each = true;
      for (List<BitSet> b : branches) {
        if (b.isEmpty()) {
          each = false; // a branch without a requirement: the alternation has none (the rest is still read)
        } else {
          union.or(rarest(b));
        }
      }
      return each ? List.of(union) : List.of();
    }

    private List<BitSet> sequence() {
      List<BitSet> all = new ArrayList<>();
      while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
        all.addAll(quantified());
      }
      return all;
    }

    private static BitSet rarest(List<BitSet> sets) {
      BitSet best = null;
      for (BitSet b : sets) {
        if (best == null || cost(b) < cost(best)) {
          best = b;
        }
      }
      return best;
    }

    private List<BitSet> quantified() {
      List<BitSet> atom = atom();
      boolean optional = false;
      boolean quantifier = false;
      if (at < re.length()) {
        char q = re.charAt(at);
        if (q == '?' || q == '*') {
          optional = true;
          quantifier = true;
          at++;
        } else if (q == '+') {
          quantifier = true;
          at++;
        } else if (q == '{') {
          int close = re.indexOf('}', at);
          if (close < 0) {
            throw new Unsupported();
          }
          String body = re.substring(at + 1, close);
          if (!body.matches("\\d+(,\\d*)?")) {
            throw new Unsupported();
          }
          optional = Integer.parseInt(body.split(",", -1)[0]) == 0;
          quantifier = true;
          at = close + 1;
        }
      }
      if (quantifier && at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) {
        at++; // lazy or possessive: same characters
      }
      return optional ? List.of() : atom;
    }

    private List<BitSet> atom() {
      char c = re.charAt(at++);
      switch (c) {
        case '(' -> {
          return group();
        }
        case '[' -> {
          return listOf(folded(charClass()));
        }
        case '\\' -> {
          return listOf(escape());
        }
        case '.', '^', '$' -> {
          return List.of();
        }
        case '*', '+', '?', '{' -> throw new Unsupported(); // a dangling quantifier
        default -> {
          if (Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          return listOf(folded(one(c)));
        }
      }
    }

    private static List<BitSet> listOf(BitSet set) {
      return set == null ? List.of() : List.of(set);
    }

    private List<BitSet> group() {
      boolean consumes = true;
      if (re.startsWith("?", at)) {
        if (re.startsWith("?:", at) || re.startsWith("?>", at)) {
          at += 2;
        } else if (re.startsWith("?=", at) || re.startsWith("?!", at)) {
          at += 2;
          consumes = false;
        } else if (re.startsWith("?<=", at) || re.startsWith("?<!", at)) {
          at += 3;
          consumes = false;
        } else if (re.startsWith("?<", at) && at + 2 < re.length() && Character.isLetter(re.charAt(at + 2))) {
          int close = re.indexOf('>', at);
          if (close < 0) {
            throw new Unsupported();
          }
          at = close + 1; // a named group
        } else {
          throw new Unsupported(); // inline flags change what the rest matches
        }
      }
      List<BitSet> inner = alternation();
      if (at >= re.length() || re.charAt(at) != ')') {
        throw new Unsupported();
      }
      at++;
      return consumes ? inner : List.of();
    }

    /** Escapes outside a class: a set, a literal, or null for zero-width and unknown sets. */
    private BitSet escape() {
      if (at >= re.length()) {
        throw new Unsupported();
      }
      char c = re.charAt(at++);
      BitSet predefined = predefined(c);
      if (predefined != null) {
        return predefined;
      }
      switch (c) {
        case 'b', 'B', 'A', 'z', 'Z', 'G', 'D', 'S', 'W', 'h', 'H', 'v', 'V', 'R', 'X' -> {
          return null;
        }
        case 'p', 'P' -> {
          skipProperty();
          return null;
        }
        case 'k' -> {
          int close = re.indexOf('>', at);
          if (close < 0) {
            throw new Unsupported();
          }
          at = close + 1;
          return null;
        }
        case 'Q' -> {
          int end = re.indexOf("\\E", at);
          String quoted = re.substring(at, end < 0 ? re.length() : end);
          at = end < 0 ? re.length() : end + 2;
          BitSet best = null;
          for (char q : quoted.toCharArray()) {
            if (Character.isSurrogate(q)) {
              throw new Unsupported();
            }
            BitSet one = folded(one(q));
            if (best == null || cost(one) < cost(best)) {
              best = one;
            }
          }
          return best;
        }
        default -> {
          if (c >= '1' && c <= '9') {
            while (at < re.length() && Character.isDigit(re.charAt(at))) {
              at++;
            }
            return null; // a back reference
          }
          return folded(one(literalEscape(c)));
        }
      }
    }

    /** {@code \d \s \w} without UNICODE_CHARACTER_CLASS: ASCII sets. */
    private static BitSet predefined(char c) {
      BitSet out = new BitSet();
      switch (c) {
        case 'd' -> out.set('0', '9' + 1);
        case 's' -> "\t\n\u000B\f\r ".chars().forEach(out::set);
        case 'w' -> {
          out.set('a', 'z' + 1);
          out.set('A', 'Z' + 1);
          out.set('0', '9' + 1);
          out.set('_');
          return folded(out);
        }
        default -> {
          return null;
        }
      }
      return out;
    }

    /** The character a literal escape stands for ({@code \t}, {@code \x41}, {@code \.}); others are unsupported. */
    private char literalEscape(char c) {
      return switch (c) {
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 'f' -> '\f';
        case 'a' -> '\u0007';
        case 'e' -> '\u001B';
        case 'x' -> {
          if (at + 2 > re.length() || re.charAt(at) == '{') {
            throw new Unsupported();
          }
          yield hex(2);
        }
        case 'u' -> {
          if (at + 4 > re.length()) {
            throw new Unsupported();
          }
          char u = hex(4);
          if (Character.isSurrogate(u)) {
            throw new Unsupported();
          }
          yield u;
        }
        default -> {
          if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
            throw new Unsupported(); // \0oct, \cX, \N{..} and whatever a later JDK adds
          }
          yield c;
        }
      };
    }

    private char hex(int digits) {
      try {
        char v = (char) Integer.parseInt(re.substring(at, at + digits), 16);
        at += digits;
        return v;
      } catch (NumberFormatException e) {
        throw new Unsupported();
      }
    }

    private void skipProperty() {
      if (at < re.length() && re.charAt(at) == '{') {
        int close = re.indexOf('}', at);
        if (close < 0) {
          throw new Unsupported();
        }
        at = close + 1;
      } else {
        at++;
      }
    }

    /** A class after its '[': the set of its members, or null (negated, or a member of unknown extent). */
    private BitSet charClass() {
      boolean negated = at < re.length() && re.charAt(at) == '^';
      if (negated) {
        at++;
      }
      if (at < re.length() && re.charAt(at) == ']') {
        throw new Unsupported(); // a leading ']': keep away from its corner cases
      }
      BitSet out = new BitSet();
      boolean unknown = false;
      while (true) {
        if (at >= re.length()) {
          throw new Unsupported();
        }
        char c = re.charAt(at++);
        if (c == ']') {
          break;
        }
        if (c == '[' || (c == '&' && at < re.length() && re.charAt(at) == '&')) {
          throw new Unsupported(); // nested classes, intersections
        }
        char from;
        if (c == '\\') {
          if (at >= re.length()) {
            throw new Unsupported();
          }
          char e = re.charAt(at++);
          BitSet set = predefined(e);
          if (set != null) {
            out.or(set);
            if (at < re.length() && re.charAt(at) == '-' && at + 1 < re.length() && re.charAt(at + 1) != ']') {
              throw new Unsupported(); // a range from a set
            }
            continue;
          }
          if ("DSWhHvVpP".indexOf(e) >= 0) {
            if (e == 'p' || e == 'P') {
              skipProperty();
            }
            unknown = true;
            continue;
          }
          if (e == 'Q') {
            throw new Unsupported();
          }
          from = literalEscape(e);
        } else {
          if (Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          from = c;
        }
        if (at + 1 < re.length() && re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
          at++;
          char to = re.charAt(at++);
          if (to == '\\') {
            if (at >= re.length()) {
              throw new Unsupported();
            }
            to = literalEscape(re.charAt(at++));
          } else if (to == '[' || Character.isSurrogate(to)) {
            throw new Unsupported();
          }
          if (to < from) {
            throw new Unsupported();
          }
          out.set(from, to + 1);
        } else {
          out.set(from);
        }
      }
      return negated || unknown ? null : out;
    }

    private static BitSet one(char c) {
      BitSet out = new BitSet();
      out.set(c);
      return out;
    }
  }

  /**
   * For every character whose upper, lower or title case differs from itself (~2,800), all the characters linked to
   * it by those mappings, transitively: java.util.regex ignoring case matches a character against
   * {@code toLowerCase(toUpperCase(c))}, and a range against its upper and lower case, all within one such orbit.
   */
  private static final java.util.Map<Character, char[]> ORBITS = orbits();

  private static java.util.Map<Character, char[]> orbits() {
    int[] parent = new int[0x10000];
    for (int c = 0; c < parent.length; c++) {
      parent[c] = c;
    }
    for (int c = 0; c < 0x10000; c++) {
      char ch = (char) c;
      union(parent, c, Character.toUpperCase(ch));
      union(parent, c, Character.toLowerCase(ch));
      union(parent, c, Character.toTitleCase(ch));
    }
    java.util.Map<Integer, StringBuilder> byRoot = new java.util.HashMap<>();
    for (int c = 0; c < parent.length; c++) {
      int root = find(parent, c);
      if (root != c || byRoot.containsKey(root)) {
        byRoot.computeIfAbsent(root, r -> new StringBuilder().append((char) (int) r)).append((char) c);
      }
    }
    java.util.Map<Character, char[]> out = new java.util.HashMap<>();
    for (StringBuilder orbit : byRoot.values()) {
      char[] chars = orbit.toString().toCharArray();
      for (char c : chars) {
        out.put(c, chars);
      }
    }
    return out;
  }

  private static int find(int[] parent, int c) {
    while (parent[c] != c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** {@code set} with every character of its members' case orbits: whatever may match a member ignoring case. */
  static BitSet folded(BitSet set) {
    if (set == null) {
      return null;
    }
    BitSet out = (BitSet) set.clone();
    for (int m = set.nextSetBit(0); m >= 0; m = set.nextSetBit(m + 1)) {
      char[] orbit = ORBITS.get((char) m);
      if (orbit != null) {
        for (char c : orbit) {
          out.set(c);
        }
      }
    }
    return out;
  }

  /**
   * How often a set's characters turn up in prose, roughly: the rarest sets make the best filters. Only speed depends on it, never a result.
   */
  static double cost(BitSet set) {
    double sum = 0;
    for (int c = set.nextSetBit(0); c >= 0; c = set.nextSetBit(c + 1)) {
      sum += weight((char) c);
    }
    return sum;
  }

  private static final String FREQUENT = "etaoinshrdlcumwfgypbvkjxqz";

  private static double weight(char c) {
    if (c == ' ') {
      return 30;
    }
    if (c >= 'a' && c <= 'z') {
      return 13.0 - FREQUENT.indexOf(c) * 0.5;
    }
    if (c >= 'A' && c <= 'Z') {
      return 0.5;
    }
    if (c >= '0' && c <= '9') {
      return 0.6;
    }
    if (c == '.' || c == ',' || c == '-' || c == '/') {
      return 4;
    }
    if (c < 128) {
      return c < ' ' ? 0.2 : 1;
    }
    return c >= 0x4E00 && c <= 0x9FFF ? 1.5 : 0.05;
  }
}
