package org.docgate.report.html;

/** Escaping for the two contexts document text reaches: HTML text/attributes and JSON inside a script element. */
public final class Html {
  private Html() {}

  /** Safe in element text and in double- or single-quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON text made safe inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} become
   * unicode escapes so no {@code </script>} or {@code <!--} can end or change the element, and U+2028/U+2029 are
   * escaped for old JavaScript parsers. These characters occur only inside JSON strings, so the JSON stays valid.
   */
  static String scriptJson(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
