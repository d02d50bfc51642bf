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
    while (end > 0 && ".,:;!?'\"".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }
}
