package org.docgate.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds attributes of start tags in raw HTML fragments, skipping comments. Pure. */
final class HtmlScanner {
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern START_TAG =
      Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

  /** One attribute of one tag; {@code valueOffset} is relative to the scanned fragment. */
  record Attribute(String tag, String name, String value, int valueOffset) {}

  private HtmlScanner() {}

  static List<Attribute> attributes(String html) {
    List<Attribute> out = new ArrayList<>();
    String text = blankComments(html);
    Matcher tag = START_TAG.matcher(text);
    while (tag.find()) {
      String tagName = tag.group(1).toLowerCase(Locale.ROOT);
      String attrs = tag.group(2);
      if (attrs == null || attrs.isBlank()) {
        continue;
      }
      int base = tag.start(2);
      Matcher attr = ATTRIBUTE.matcher(attrs);
      while (attr.find()) {
        for (int g = 2; g <= 4; g++) {
          if (attr.group(g) != null) {
            out.add(new Attribute(tagName, attr.group(1).toLowerCase(Locale.ROOT), attr.group(g), base + attr.start(g)));
            break;
          }
        }
      }
    }
    return out;
  }

  static String blankComments(String html) {
    if (!html.contains("<!--")) {
      return html;
    }
    Matcher m = COMMENT.matcher(html);
    StringBuilder sb = new StringBuilder(html);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        if (sb.charAt(i) != '\n') {
          sb.setCharAt(i, ' ');
        }
      }
    }
    return sb.toString();
  }
}
