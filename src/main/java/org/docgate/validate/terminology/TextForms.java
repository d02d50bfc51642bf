package org.docgate.validate.terminology;

/**
 * Script-aware character classes and width folding for term matching. Pure.
 *
 * <p>Folding maps one char to one char (full-width ASCII U+FF01..U+FF5E to ASCII, the ideographic space to a space,
 * then lower case for case-insensitive keys), so an offset in folded text is the same offset in the original: positions
 * and the matched text always come from the source as written.
 */
final class TextForms {
  private TextForms() {}

  /**
   * Full-width forms to half-width; every other char unchanged. Same length as the input. A string that folds to
   * itself (most prose) is returned as it is: the copies, and their compression back to Latin-1, were 2% of a scan.
   */
  static String fold(CharSequence text) {
    return mapped(text, false);
  }

  static char fold(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    return c == '\u3000' ? ' ' : c;
  }

  /** {@link #fold} then lower case, char by char (never changes the length, unlike {@code String.toLowerCase}). */
  static String foldLower(CharSequence text) {
    return mapped(text, true);
  }

  /**
   * Each char folded (and lower-cased when {@code lower}); a string that maps to itself is returned as it is, a copy
   * made only from the first char that changes.
   */
  private static String mapped(CharSequence text, boolean lower) {
    int i = 0;
    int n = text.length();
    if (text instanceof String s) {
      while (i < n && map(s.charAt(i), lower) == s.charAt(i)) {
        i++;
      }
      if (i == n) {
        return s;
      }
    }
    char[] out = new char[n];
    for (int k = 0; k < i; k++) {
      out[k] = text.charAt(k);
    }
    for (; i < n; i++) {
      out[i] = map(text.charAt(i), lower);
    }
    return new String(out);
  }

  private static char map(char c, boolean lower) {
    char folded = fold(c);
    return lower ? Character.toLowerCase(folded) : folded;
  }

  /**
   * A char that continues a Latin word or number: ASCII letters and digits, {@code _}, other Latin letters. Java's
   * {@code \b} counts Han as word characters too, which is why Vale misses "Kubernetes" in "使用Kubernetes部署".
   */
  static boolean isLatinWord(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }

  static boolean isHan(char c) {
    return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /**
   * Chars that hold a path, URL, domain, flag or identifier together ({@code vShpere_VMware/}, {@code k8s.io},
   * {@code kubernetes-sigs}): a term glued to one of these is part of a name, not prose.
   */
  static boolean isNameGlue(char c) {
    return c == '_' || c == '/' || c == '\\' || c == '.' || c == '-' || c == '@' || c == ':' || c == '=' || c == '~'
        || c == '#' || c == '%' || c == '+' || c == '$' || c == '*' || c == '<' || c == '>' || c == '{' || c == '}';
  }

  /** Text that cannot be part of a token: white space, CJK and ASCII punctuation other than {@link #isNameGlue}. */
  static boolean isTokenChar(char c) {
    c = fold(c);
    return c < 128 ? !Character.isWhitespace(c) && (isLatinWord(c) || isNameGlue(c)) : isLatinWord(c);
  }
}
