package org.docgate.validate.weblinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.docgate.markdown.Link;
import org.docgate.markdown.LinkKind;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.corpus.LinkTarget;

/** The external (http, https, //host) links of a document, each with its normalised URL. Pure. */
final class ExternalLinks {
  private ExternalLinks() {}

  /**
   * One external link as written.
   *
   * @param url the normalised URL, or null when the target cannot be requested
   * @param ignored matched a {@code links.ignore} pattern of docgate.yaml (as written) or an exclude of links.yaml
   */
  record Occurrence(Link link, UrlNormalizer.Normalized url, boolean ignored) {}

  static List<Occurrence> in(MarkdownDocument doc, List<Pattern> ignores, WebLinkConfig config) {
    List<Occurrence> out = new ArrayList<>();
    for (Link link : doc.links()) {
      if (link.kind() == LinkKind.REFERENCE || (link.kind() == LinkKind.IMAGE && link.label() != null)) {
        continue; // checked once, at the definition
      }
      if (LinkTarget.parse(link.destination()).kind() != LinkTarget.Kind.EXTERNAL) {
        continue;
      }
      Optional<UrlNormalizer.Normalized> n = UrlNormalizer.normalize(link.destination());
      boolean ignored = ignores.stream().anyMatch(p -> p.matcher(link.target()).find())
          || n.map(u -> config.excludes(u.key())).orElse(false);
      out.add(new Occurrence(link, n.orElse(null), ignored));
    }
    return out;
  }
}
