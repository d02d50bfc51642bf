package org.docgate.markdown;

/** Where a URL in running text ends when Chinese, Japanese or Korean text follows it without a space. */
public final class BareUrls {
  private BareUrls() {}

  /**
   * Cuts a bare URL before the first CJK character or full-width punctuation: GitHub ends
   * {@code 见https://a.example/x。后面} at {@code https://a.example/x}. Pure.
   */
  public static String trimAtCjk(String url) {
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      if (isCjkOrFullWidth(cp)) {
        return stripTrailingPunctuation(url.substring(0, i));
      }
      i += Character.charCount(cp);
    }
    return url;
  }

  /**
   * The destination GitHub's autolinker (cmark-gfm's autolink extension) gives a URL that flexmark found in running
   * text, or null when GitHub shows it as plain text. GitHub links only {@code http://}, {@code https://} and
   * {@code ftp://} URLs whose scheme is not glued to letters ({@code foohttps://} is text), and {@code www.} names
   * (linked to {@code http://www...}) at the start of a line or after white space or one of {@code *_~(}. Trailing
   * {@code ?!.,:*_~'";} are not part of the link. Pure.
   *
   * @param before the character before the URL in the source, or -1 at the start of the text
   */
  public static String githubDestination(String url, int before) {
    String trimmed = stripTrailingPunctuation(trimAtCjk(url));
    if (trimmed.startsWith("www.")) {
      boolean delimited = before < 0 || Character.isWhitespace(before) || "*_~(".indexOf(before) >= 0;
      return delimited && trimmed.length() > 4 ? "http://" + trimmed : null;
    }
    String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
    boolean webScheme = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://");
    boolean gluedToLetters = before >= 0 && before < 128 && Character.isLetter(before);
    return webScheme && !gluedToLetters ? trimmed : null;
  }

  /**
   * The address GitHub's autolinker links in an e-mail address flexmark found in running text, or null when GitHub
   * shows it as text: the local part is the ASCII letters, digits and {@code .+-_} right before the {@code @}
   * ({@code 订阅（a@b.com）} links {@code a@b.com}); the domain needs a dot and must end in a letter
   * ({@code v1alpha1@0.1.0} is text). Pure.
   */
  public static String githubEmail(String text) {
    int at = text.indexOf('@');
    int start = at;
    while (start > 0 && (isAsciiLetterOrDigit(text.charAt(start - 1)) || ".+-_".indexOf(text.charAt(start - 1)) >= 0)) {
      start--;
    }
    if (at < 0 || start == at) {
      return null;
    }
    int end = at + 1;
    while (end < text.length() && (isAsciiLetterOrDigit(text.charAt(end)) || ".-_".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    while (end > at + 1 && text.charAt(end - 1) == '.') {
      end--;
    }
    String domain = text.substring(at + 1, end);
    boolean endsInLetter = !domain.isEmpty() && Character.isLetter(domain.charAt(domain.length() - 1));
    return domain.indexOf('.') > 0 && endsInLetter ? text.substring(start, end) : null;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  static boolean isCjkOrFullWidth(int cp) {
    if ((cp >= 0x3000 && cp <= 0x303F) // CJK symbols and punctuation, ideographic space
        || (cp >= 0xFF00 && cp <= 0xFFEF) // half-width and full-width forms
        || (cp >= 0x2E80 && cp <= 0x2FDF) // radicals
        || (cp >= 0xFE30 && cp <= 0xFE4F)) { // CJK compatibility forms
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  private static String stripTrailingPunctuation(String url) {
    int end = url.length();
    while (end > 0 && ".,:;!?'\"*_~".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }
}
