package org.docgate.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading's trailing attribute block, {@code ## 部署 {#deploy .note}}: Pandoc, kramdown, Hugo (goldmark's
 * attribute parser), Docusaurus, VitePress (markdown-it-attrs) and MkDocs' attr_list take the {@code #id} as the
 * heading's id and do not show the block; GitHub shows it as text. Pure: whether it counts is the renderer's call.
 *
 * @param text the heading text without the block
 * @param id the {@code #id} of the block, or null when the block gives none (or there is no block)
 */
public record HeadingAttributes(String text, String id) {
  // One block at the very end; its content is #id, .class or key=value items separated by spaces.
  private static final Pattern BLOCK =
      Pattern.compile("^(.*?)\\s*\\{\\s*((?:[#.][^\\s{}#.]+|[A-Za-z_:][\\w:.-]*=(?:\"[^\"]*\"|'[^']*'|[^\\s{}]+))"
          + "(?:\\s+(?:[#.][^\\s{}#.]+|[A-Za-z_:][\\w:.-]*=(?:\"[^\"]*\"|'[^']*'|[^\\s{}]+)))*)\\s*}\\s*$",
          Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("(?:^|\\s)#([^\\s{}#.]+)");

  /** The rendered heading text split into text and attribute id; without a block, the text as it is. */
  public static HeadingAttributes of(String renderedText) {
    Matcher m = BLOCK.matcher(renderedText);
    if (!m.matches()) {
      return new HeadingAttributes(renderedText, null);
    }
    Matcher id = ID.matcher(m.group(2));
    String found = null;
    while (id.find()) {
      found = id.group(1); // the last #id wins, as in goldmark and markdown-it-attrs
    }
    return new HeadingAttributes(m.group(1).strip(), found);
  }
}
