package org.docgate.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.corpus.LinkTarget;

/**
 * Which documents link to which corpus paths: renaming a heading or deleting a file must re-check every document that
 * links into it. Keys are lower-cased so a case-mismatch finding is re-checked when the differently-cased file comes
 * or goes. Immutable.
 */
public final class ReverseLinks {
  private final Map<String, Set<String>> linkersByTarget;

  private ReverseLinks(Map<String, Set<String>> linkersByTarget) {
    this.linkersByTarget = linkersByTarget;
  }

  public static ReverseLinks of(Collection<MarkdownDocument> documents) {
    Map<String, Set<String>> map = new HashMap<>();
    for (MarkdownDocument doc : documents) {
      for (String target : targetsOf(doc)) {
        map.computeIfAbsent(key(target), k -> new HashSet<>()).add(doc.path());
      }
    }
    return new ReverseLinks(map);
  }

  /** The corpus paths a document's internal links resolve to (files, folders, missing paths alike). */
  static Set<String> targetsOf(MarkdownDocument doc) {
    Set<String> targets = new HashSet<>();
    for (Link link : doc.links()) {
      if (link.destination() == null) {
        continue;
      }
      LinkTarget target = LinkTarget.parse(link.destination());
      if (target.kind() != LinkTarget.Kind.INTERNAL || target.path().isEmpty()) {
        continue;
      }
      // a link that climbs out of the corpus is suggested its clamped path: re-check it when that path changes too
      String resolved = LinkTarget.resolve(doc.path(), target.path())
          .orElseGet(() -> LinkTarget.resolveClamped(doc.path(), target.path()));
      targets.add(resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved);
    }
    return targets;
  }

  /**
   * Documents with a link into any of {@code paths}, or to the folder holding one: a fragment on a folder link is
   * checked against the folder's README (or index page), so editing that file must re-check the link.
   */
  public Set<String> linkersOf(Collection<String> paths) {
    Set<String> out = new HashSet<>();
    for (String p : paths) {
      for (String target : new String[] {p, LinkTarget.directoryOf(p)}) {
        Set<String> linkers = linkersByTarget.get(key(target));
        if (linkers != null) {
          out.addAll(linkers);
        }
      }
    }
    return out;
  }

  private static String key(String path) {
    return path.toLowerCase(Locale.ROOT);
  }
}
