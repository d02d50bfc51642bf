package org.docgate.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * The text a browser shows for a heading (its {@code textContent}), which is what GitHub slugs: escapes resolved,
 * inline code and link text kept, emphasis markers, HTML tags and images dropped.
 */
final class HeadingText {
  private HeadingText() {}

  static String of(Node heading) {
    StringBuilder out = new StringBuilder();
    append(heading, out);
    return out.toString().strip();
  }

  private static void append(Node parent, StringBuilder out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text || node instanceof HtmlEntity) {
        out.append(Escaping.unescapeString(node.getChars()));
      } else if (node instanceof Code code) {
        out.append(code.getText());
      } else if (node instanceof AutoLink auto) {
        out.append(auto.getText());
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        out.append('\n');
      } else if (node instanceof Image || node instanceof ImageRef
          || node instanceof HtmlInline || node instanceof HtmlInlineComment) {
        // an <img> or a tag has no text content
      } else if (node instanceof LinkRef ref && !ref.isDefined()) {
        out.append(Escaping.unescapeString(ref.getChars())); // rendered literally
      } else {
        append(node, out);
      }
    }
  }
}
