package org.docgate.validate.links;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.docgate.markdown.Heading;
import org.docgate.markdown.HeadingAttributes;
import org.docgate.markdown.MarkdownDocument;

/** The fragments that land in a document as a renderer renders it. Pure. */
final class ProfileAnchors {
  private ProfileAnchors() {}

  /** Whether the document model's own anchors (GitHub's) are this profile's. */
  static boolean sameAsGithub(RendererProfile p) {
    return p.slugs() == SlugStyle.GITHUB && !p.headingAttributes() && p.htmlHeadings();
  }

  /**
   * Heading ids by the profile's slugs (or a heading's {@code {#id}} where the profile honours them), in document
   * order (raw HTML headings among them where the profile names those), then every other anchor of the model (HTML
   * ids and names, and whatever else the parser gives anchors).
   */
  static Set<String> of(MarkdownDocument doc, RendererProfile p) {
    if (sameAsGithub(p)) {
      return doc.anchors();
    }
    Set<String> out = new LinkedHashSet<>();
    Set<String> given = new HashSet<>();
    for (Heading h : p.htmlHeadings() ? doc.allHeadings() : doc.headings()) {
      String text = h.text();
      if (p.headingAttributes()) {
        HeadingAttributes a = HeadingAttributes.of(text);
        if (a.id() != null) {
          given.add(a.id());
          out.add(a.id());
          continue;
        }
        text = a.text();
      }
      out.add(p.slugs().unique(p.slugs().slugOf(text), given));
    }
    Set<String> others = new LinkedHashSet<>(doc.anchors());
    doc.headings().forEach(h -> others.remove(h.anchor()));
    doc.htmlHeadings().forEach(h -> others.remove(h.anchor()));
    doc.htmlAnchors().forEach(a -> others.add(a.id()));
    out.addAll(others);
    return out;
  }
}
