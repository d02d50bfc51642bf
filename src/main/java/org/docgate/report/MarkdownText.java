package org.docgate.report;

import java.nio.charset.StandardCharsets;

/**
 * Makes text from documents (file names, messages, link targets) inert in a GitHub comment, inside a table cell or
 * a {@code <summary>}. Pure.
 *
 * <p>Every ASCII character that Markdown, GFM tables or HTML give a meaning to becomes a numeric character
 * reference, so it shows as itself and never opens a link, an emphasis, a code span, a tag or a cell: {@code |}
 * cannot split a cell, {@code </details>} cannot close the block, {@code [a](javascript:...)} is not a link.
 * GitHub finds mentions ({@code @team}) and issue references ({@code #123}) in the rendered text, after entities are
 * decoded, so those get a zero-width joiner after the sign instead. Line breaks and other control characters become
 * spaces. Plain {@code http(s)} URLs may still be auto-linked by GitHub: harmless, and the only schemes it
 * auto-links.
 */
public final class MarkdownText {
  private static final String SPECIALS = "\\`*_[]()<>|~&\"$";

  private MarkdownText() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n' || cp == '\r' || cp == '\t' || Character.getType(cp) == Character.CONTROL
          || cp == 0x2028 || cp == 0x2029) {
        out.append(' ');
      } else if (cp == '@') {
        out.append("&#64;&#8205;");
      } else if (cp == '#' && i < text.length() && Character.isDigit(text.codePointAt(i))) {
        out.append("&#35;&#8205;");
      } else if (cp < 128 && SPECIALS.indexOf(cp) >= 0) {
        out.append("&#").append(cp).append(';');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** {@code text} shortened to at most {@code max} characters (a code point is never split), with an ellipsis. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** A path for a URL: every byte but unreserved ones and {@code /} percent-encoded (so no {@code )} or space). */
  public static String urlPath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~' || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
