package org.docgate.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.LinkTarget;
import org.docgate.corpus.SiteRoutes;

/**
 * Which documents link to which corpus paths: renaming a heading or deleting a file must re-check every document that
 * links into it. Keys are lower-cased so a case-mismatch finding is re-checked when the differently-cased file comes
 * or goes. Immutable.
 */
public final class ReverseLinks {
  /** The prefix of a page key ({@link #pageKey}); no corpus path starts with NUL. */
  private static final String PAGE = "\0page:";
  private static final Set<String> INDEX_STEMS = Set.of("index", "readme", "_index");
  private final Map<String, Set<String>> linkersByTarget;
  /** Each document's object and its targets' keys: the next generation reuses them for the same object. */
  private final Map<String, Targets> byDocument;
  /** How many documents' targets this generation resolved (not taken over): for tests. */
  private final int resolved;

  private record Targets(MarkdownDocument doc, Set<String> keys) {}

  private ReverseLinks(Map<String, Set<String>> linkersByTarget, Map<String, Targets> byDocument, int resolved) {
    this.linkersByTarget = linkersByTarget;
    this.byDocument = byDocument;
    this.resolved = resolved;
  }

  public static ReverseLinks of(Collection<MarkdownDocument> documents) {
    return of(documents, null);
  }

  /**
   * The reverse links of {@code documents}, taking over the targets {@code previous} resolved for the documents it
   * held as the same object (the service keeps unchanged documents' objects): an edit resolves the edited document's
   * links only. Parsing and resolving every link of the corpus after every edit was 40 of an edit's ~440 samples on
   * k8s-enhancements (issue 21.3).
   */
  public static ReverseLinks of(Collection<MarkdownDocument> documents, ReverseLinks previous) {
    Map<String, Set<String>> map = new HashMap<>();
    Map<String, Targets> byDocument = new HashMap<>();
    int resolved = 0;
    for (MarkdownDocument doc : documents) {
      Targets before = previous == null ? null : previous.byDocument.get(doc.path());
      Targets targets = before != null && before.doc() == doc ? before : new Targets(doc, keysOf(doc));
      if (targets != before) {
        resolved++;
      }
      byDocument.put(doc.path(), targets);
      for (String key : targets.keys()) {
        map.computeIfAbsent(key, k -> new HashSet<>()).add(doc.path());
      }
    }
    return new ReverseLinks(map, byDocument, resolved);
  }

  /** How many documents' links this generation resolved rather than took over. */
  int resolved() {
    return resolved;
  }

  private static Set<String> keysOf(MarkdownDocument doc) {
    Set<String> keys = new HashSet<>();
    targetsOf(doc).forEach(t -> keys.add(key(t)));
    return Set.copyOf(keys);
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
      if (SiteRoutes.mayBeRoute(target.path())) {
        targets.add(pageKey(CorpusIndex.baseName(resolved)));
      }
    }
    return targets;
  }

  /**
   * A link that can be a site's route ({@link SiteRoutes#mayBeRoute}) is also kept under its last segment's name,
   * whatever folder and extension the site adds: a file of that name (or a folder's index page) coming, going or
   * changing re-checks it. More than needed, never less.
   */
  private static String pageKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return PAGE + (dot > 0 ? lower.substring(0, dot) : lower);
  }

  /** The page keys a touched file can be reached by as a site page: its name, and its folder's for an index page. */
  private static Set<String> pageKeysOf(String path) {
    String stem = pageKey(CorpusIndex.baseName(path));
    String folder = LinkTarget.directoryOf(path);
    Set<String> keys = new HashSet<>();
    keys.add(stem);
    keys.add(pageKey(CorpusIndex.baseName(folder)));
    if (INDEX_STEMS.contains(stem.substring(PAGE.length()))) {
      keys.add(PAGE); // "/" and "" lead to an index page
    }
    return keys;
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
      for (String page : pageKeysOf(p)) {
        out.addAll(linkersByTarget.getOrDefault(page, Set.of()));
      }
    }
    return out;
  }

  private static String key(String path) {
    return path.toLowerCase(Locale.ROOT);
  }
}
