package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.Link;
import org.docgate.markdown.LinkKind;
import org.docgate.markdown.ListBlock;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Position;

/**
 * {@code completeness/incomplete-listing}: a list whose links name most pages of one folder leaves one or two of
 * them out, and nothing else in the document links them ("本章…建议阅读顺序如下" over eleven of a chapter's twelve
 * pages, the twelfth added later: a probe missed in round 38). A chapter's table of contents that forgets a page hides
 * it from the readers who follow it.
 *
 * <p>A folder's pages are its documents (its own landing page, {@code README.md}, {@code index.md} or
 * {@code _index.md}, left out) and its subfolders' landing pages (a Hugo page bundle, a chapter folder). The list
 * must link four or more of them and at least three quarters; at most one page in five (and never more than two) may
 * be missing, so a list of a few picks ("推荐阅读") is no listing. Only in a page that lists by convention (an entry
 * point of {@code orphans.entryPoints}: a README, an index, a SUMMARY) and only for its own folder or one below it
 * (a page bundle's folder is its parent's page):
 * a page's "相关文档" over five of its six neighbours, or a README's list of another part of the corpus, is a
 * selection (vshpere-1019, tried before this rule was kept). Per folder, the list linking most of its pages is the
 * one judged. Not in a record (a dated report lists what it lists), and a missing page that is a record, or that the
 * config skips, is no omission.
 */
final class IncompleteListingCheck {
  private static final Set<String> LANDING = Set.of("README.md", "readme.md", "Readme.md", "index.md", "_index.md");
  private static final Set<LinkKind> NAVIGATING = Set.of(LinkKind.INLINE, LinkKind.REFERENCE, LinkKind.HTML_HREF);
  static final int MIN_LISTED = 4;
  /** A site's error page (mdBook's and Jekyll's 404.md): no table of contents lists it. */
  private static final Set<String> ERROR_PAGES = Set.of("404.md", "404.markdown");

  List<Finding> check(DocumentContext ctx) {
    MarkdownDocument doc = ctx.doc;
    if (ctx.index == null || doc.lists().isEmpty() || !isEntryPoint(ctx.config, doc.path())
        || ctx.currency() != null && ctx.currency().isRecord()) {
      return List.of();
    }
    Map<String, List<String>> pages = ctx.index.ofDocumentPaths(IncompleteListingCheck.class,
        IncompleteListingCheck::pagesByFolder);
    // the folder the page lists by convention: its own, or for a page bundle (a folder holding nothing but its
    // index.md: Hugo's extend/overview/index.md) the folder the bundle is a page of
    String own = parentOf(doc.path());
    if (LANDING.contains(CorpusIndex.baseName(doc.path())) && !pages.containsKey(own)) {
      own = parentOf(own);
    }
    String scope = own;
    // every page the document links, wherever: a page linked outside the list is not hidden
    TreeMap<Integer, List<String>> targetsByLine = new TreeMap<>();
    Set<String> linked = new HashSet<>();
    for (Link link : doc.links()) {
      if (!NAVIGATING.contains(link.kind()) || link.destination() == null) {
        continue;
      }
      LinkGraph.target(ctx.index, doc.path(), link.destination(), ctx.routes).ifPresent(t -> {
        linked.add(t);
        targetsByLine.computeIfAbsent(link.position().line(), l -> new ArrayList<>()).add(t);
      });
    }
    if (linked.size() < MIN_LISTED) {
      return List.of();
    }
    // per folder, the list linking most of its pages: a short "core documents" list before the full table of
    // contents is not the listing (fastify's Reference/Index.md)
    Map<String, Finding> byFolder = new LinkedHashMap<>();
    Map<String, Integer> mostListed = new TreeMap<>();
    for (ListBlock list : doc.lists()) {
      Map<String, Set<String>> listedByFolder = new TreeMap<>();
      Map<String, Integer> firstLine = new TreeMap<>();
      targetsByLine.subMap(list.line(), list.endLine() + 1).forEach((line, ts) -> ts.forEach(t -> {
        listedByFolder.computeIfAbsent(folderOfPage(t), f -> new LinkedHashSet<>()).add(t);
        firstLine.putIfAbsent(folderOfPage(t), line);
      }));
      listedByFolder.forEach((folder, listed) -> {
        if (listed.size() < MIN_LISTED || listed.size() <= mostListed.getOrDefault(folder, 0)
            || !(folder.equals(scope) || scope.isEmpty() || folder.startsWith(scope + "/"))) {
          return; // a list of another part of the corpus is a list of related pages, not this folder's listing
        }
        mostListed.put(folder, listed.size());
        byFolder.remove(folder);
        List<String> all = pages.getOrDefault(folder, List.of());
        Set<String> missing = new TreeSet<>();
        for (String page : all) {
          if (!page.equals(doc.path()) && !linked.contains(page) && !ctx.config.skips(page) && !isRecord(ctx, page)
              && !ERROR_PAGES.contains(CorpusIndex.baseName(page))) {
            missing.add(page);
          }
        }
        int listedHere = (int) listed.stream().filter(all::contains).count();
        if (missing.isEmpty() || missing.size() > 2 || missing.size() * 5 > listedHere + missing.size()
            || listedHere * 4 < (listedHere + missing.size()) * 3) {
          return;
        }
        int total = (int) all.stream().filter(p -> !p.equals(doc.path())).count();
        int elsewhere = total - listedHere - missing.size();
        byFolder.put(folder, ctx.finding("completeness/incomplete-listing", new Position(firstLine.get(folder), 1),
            "this list links " + listedHere + " of the " + total + " pages of "
                + (folder.isEmpty() ? "the corpus root" : folder + "/")
                + (elsewhere > 0 ? " (" + elsewhere + " more are linked elsewhere in the document)" : "")
                + "; the document does not link " + String.join(", ", missing.stream()
                    .map(IncompleteListingCheck::shown).toList())
                + ": add " + (missing.size() == 1 ? "it" : "them") + " to the list, or say why the list leaves "
                + (missing.size() == 1 ? "it" : "them") + " out"));
      });
    }
    return List.copyOf(byFolder.values());
  }

  /**
   * A page that lists its folder by convention: a landing page, an index or a table of contents
   * ({@code orphans.entryPoints}); another page's list of its neighbours is a selection ("相关文档").
   */
  private static boolean isEntryPoint(CompletenessConfig config, String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return config.entryPoints().stream().anyMatch(g -> g.matches(path) || g.matches(lower));
  }

  private static boolean isRecord(DocumentContext ctx, String page) {
    MarkdownDocument other = ctx.index.documents().get(page);
    var currency = other == null ? null : ctx.currencyOf(other);
    return currency != null && currency.isRecord();
  }

  /** A page as a reader knows it: a landing page by its folder ("extend/dynamic-resource-allocation/"). */
  private static String shown(String page) {
    return LANDING.contains(CorpusIndex.baseName(page)) ? page.substring(0, page.lastIndexOf('/') + 1) : page;
  }

  /** The folder a page belongs to: a landing page's folder's parent (a chapter folder is a page), else its own. */
  static String folderOfPage(String path) {
    String folder = parentOf(path);
    return LANDING.contains(CorpusIndex.baseName(path)) ? parentOf(folder) : folder;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * Each folder's pages: its documents other than its own landing pages, and the landing page of each subfolder
   * (the first of README.md, readme.md, Readme.md, index.md it has, as {@link LinkGraph#landingPage}).
   */
  static Map<String, List<String>> pagesByFolder(CorpusIndex index) {
    Map<String, List<String>> out = new TreeMap<>();
    Map<String, String> landingOf = new TreeMap<>();
    for (String path : index.documents().keySet()) {
      String name = CorpusIndex.baseName(path);
      if (!LANDING.contains(name)) {
        out.computeIfAbsent(parentOf(path), f -> new ArrayList<>()).add(path);
        continue;
      }
      String folder = parentOf(path);
      if (folder.isEmpty() || name.equals("_index.md")) {
        // a Hugo section's _index.md is no page a link to its folder lands on (LinkGraph.landingPage)
        continue;
      }
      String kept = landingOf.get(folder);
      if (kept == null || rank(name) < rank(CorpusIndex.baseName(kept))) {
        landingOf.put(folder, path);
      }
    }
    landingOf.forEach((folder, page) -> out.computeIfAbsent(parentOf(folder), f -> new ArrayList<>()).add(page));
    return out;
  }

  private static int rank(String landingName) {
    return List.of("README.md", "readme.md", "Readme.md", "index.md").indexOf(landingName);
  }
}
