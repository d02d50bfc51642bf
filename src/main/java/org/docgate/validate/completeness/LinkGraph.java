package org.docgate.validate.completeness;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.Link;
import org.docgate.markdown.LinkKind;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.corpus.LinkTarget;

/**
 * Which documents link to which, built once per scan in the validator's corpus step and shared by every validator
 * thread: the inbound links of each document, and the documents reachable from the roots.
 *
 * <p>Links are resolved exactly as the link validator resolves them ({@link LinkTarget}); a link to a folder
 * lands on the folder's README (what GitHub shows). Images are not links to read; self-links do not count.
 */
record LinkGraph(Map<String, Set<String>> inbound, Set<String> reachable, List<String> roots) {

  private static final Set<LinkKind> NAVIGATING =
      Set.of(LinkKind.INLINE, LinkKind.REFERENCE, LinkKind.DEFINITION, LinkKind.HTML_HREF, LinkKind.AUTOLINK);
  private static final List<String> LANDING_PAGES = List.of("README.md", "readme.md", "Readme.md", "index.md");

  LinkGraph {
    inbound = Collections.unmodifiableMap(inbound);
    reachable = Collections.unmodifiableSet(reachable);
    roots = List.copyOf(roots);
  }

  static LinkGraph build(CorpusIndex index, List<String> roots) {
    Map<String, Set<String>> outbound = new HashMap<>();
    Map<String, Set<String>> inbound = new HashMap<>();
    for (MarkdownDocument doc : index.documents().values()) {
      Set<String> targets = new TreeSet<>();
      // the paths its links resolve to are the document's own; which documents they land on is the corpus's
      for (String path : index.ofDocument(RESOLVED, doc, LinkGraph::resolvedLinks)) {
        landsOn(index, path).filter(t -> !t.equals(doc.path())).ifPresent(targets::add);
      }
      outbound.put(doc.path(), targets);
      for (String t : targets) {
        inbound.computeIfAbsent(t, k -> new TreeSet<>()).add(doc.path());
      }
    }
    Set<String> reachable = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    // roots are globs ("README.md", "**/SUMMARY.md", "TOC*.md"), matched as written and lower-cased, once per
    // document (the path alone decides): matching every path on every index was half of building the graph
    List<org.docgate.corpus.Glob> globs = roots.stream().map(org.docgate.corpus.Glob::of).toList();
    RootKey rootKey = new RootKey(roots);
    for (String doc : new TreeSet<>(index.documents().keySet())) {
      boolean root = index.ofDocument(rootKey, index.documents().get(doc), d -> {
        String lower = d.path().toLowerCase(java.util.Locale.ROOT);
        return globs.stream().anyMatch(g -> g.matches(d.path()) || g.matches(lower));
      });
      if (root && reachable.add(doc)) {
        queue.add(doc);
      }
    }
    while (!queue.isEmpty()) {
      for (String next : outbound.getOrDefault(queue.poll(), Set.of())) {
        if (reachable.add(next)) {
          queue.add(next);
        }
      }
    }
    return new LinkGraph(inbound, reachable, roots);
  }

  Set<String> inboundOf(String path) {
    return inbound.getOrDefault(path, Set.of());
  }

  /** The key of a document's verdict "is one of these roots" among the index's per-document values. */
  private record RootKey(List<String> roots) {}

  /** The key of a document's resolved link paths among the index's per-document values. */
  private static final Object RESOLVED = new Object();

  /** The corpus paths a document's navigating links resolve to, in link order. */
  private static List<String> resolvedLinks(MarkdownDocument doc) {
    List<String> out = new java.util.ArrayList<>();
    for (Link link : doc.links()) {
      if (NAVIGATING.contains(link.kind()) && link.defined()) {
        resolved(doc.path(), link.destination()).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** The document a link written in {@code from} leads to, if it leads to a parsed document of the corpus. */
  static Optional<String> target(CorpusIndex index, String from, String destination) {
    return resolved(from, destination).flatMap(path -> landsOn(index, path));
  }

  /** The corpus path an internal link resolves to, or empty (external, a fragment alone, out of the corpus). */
  private static Optional<String> resolved(String from, String destination) {
    LinkTarget t = LinkTarget.parse(destination);
    if (t.kind() != LinkTarget.Kind.INTERNAL || t.path().isEmpty()) {
      return Optional.empty();
    }
    return LinkTarget.resolve(from, t.path());
  }

  /** The parsed document a resolved path lands on: itself, a folder's landing page, or one differing in case. */
  private static Optional<String> landsOn(CorpusIndex index, String path) {
    if (index.documents().containsKey(path)) {
      return Optional.of(path);
    }
    if (index.isDirectory(path)) {
      return landingPage(index, path);
    }
    for (String other : index.withPathIgnoringCase(path)) {
      if (index.documents().containsKey(other)) {
        return Optional.of(other); // broken on GitHub (the link validator says so), but the author meant it
      }
      if (index.isDirectory(other)) {
        return landingPage(index, other);
      }
    }
    return Optional.empty();
  }

  /** The page GitHub renders for a folder: its README (or index.md). */
  static Optional<String> landingPage(CorpusIndex index, String folder) {
    for (String name : LANDING_PAGES) {
      String candidate = folder.isEmpty() ? name : folder + "/" + name;
      if (index.documents().containsKey(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
