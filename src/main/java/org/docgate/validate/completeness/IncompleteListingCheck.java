package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.LinkTarget;
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
  /** At most this many unlisted pages are read to see whether their own text excuses them (records, stubs). */
  static final int MAX_EXCUSED = 10;
  /** A site's error page (mdBook's and Jekyll's 404.md): no table of contents lists it. */
  private static final Set<String> ERROR_PAGES = Set.of("404.md", "404.markdown");

  /**
   * @param excused filled with the pages whose own text excused them (or did not): a later edit of one of them must
   *     check the listing again ({@code CompletenessValidator}'s kept results)
   */
  List<Finding> check(DocumentContext ctx, Map<String, Boolean> excused) {
    MarkdownDocument doc = ctx.doc;
    if (ctx.index == null || doc.lists().isEmpty() || !OrphanCheck.isEntryPoint(ctx.index, ctx.config, doc)
        || ctx.isRecord()) {
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
    TreeMap<Integer, List<String>> brokenByLine = new TreeMap<>();
    Set<String> linked = new HashSet<>();
    for (Link link : doc.links()) {
      if (!NAVIGATING.contains(link.kind()) || link.destination() == null) {
        continue;
      }
      int line = link.position().line();
      Optional<String> target = LinkGraph.target(ctx.index, doc.path(), link.destination(), ctx.routes);
      if (target.isPresent()) {
        linked.add(target.get());
        targetsByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(target.get());
      } else {
        LinkTarget t = LinkTarget.parse(link.destination());
        if (t.kind() == LinkTarget.Kind.INTERNAL && !t.path().isEmpty()) {
          LinkTarget.resolve(doc.path(), t.path())
              .ifPresent(path -> brokenByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(path));
        }
      }
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
      List<String> broken = new ArrayList<>();
      brokenByLine.subMap(list.line(), list.endLine() + 1).values().forEach(broken::addAll);
      listedByFolder.forEach((folder, listed) -> {
        if (listed.size() < MIN_LISTED || listed.size() <= mostListed.getOrDefault(folder, 0)
            || !(folder.equals(scope) || scope.isEmpty() || folder.startsWith(scope + "/"))) {
          return; // a list of another part of the corpus is a list of related pages, not this folder's listing
        }
        mostListed.put(folder, listed.size());
        byFolder.remove(folder);
        Finding f = judge(ctx, folder, listed, pages.getOrDefault(folder, List.of()), linked, broken,
            firstLine.get(folder), excused);
        if (f != null) {
          byFolder.put(folder, f);
        }
      });
    }
    return List.copyOf(byFolder.values());
  }

  /**
   * The finding for one list and one folder, or null. The folder's pages that count: not the document itself, not a
   * skipped path or an error page. Of those the list itself must link three quarters (pages linked elsewhere in the
   * document count against it), and one to two, at most one in five, may be missing. A missing page is excused (no
   * omission) when the list links a missing file of a name like it (the entry is there, its path is wrong: the links
   * validator says so), when its name breaks the numbered series the list's names follow (a rule catalogue of
   * {@code md001.md}… and {@code Prettier.md}), when it is a record, or when it is a stub that only says TODO; the
   * last two read the page, so each such verdict is noted in {@code excused} for the service to check again.
   */
  private static Finding judge(DocumentContext ctx, String folder, Set<String> listed, List<String> all,
      Set<String> linked, List<String> broken, int line, Map<String, Boolean> excused) {
    String self = ctx.doc.path();
    String series = series(listed);
    int listedHere = 0;
    int elsewhere = 0;
    int pardoned = 0;
    Set<String> missing = new TreeSet<>();
    for (String page : all) {
      if (page.equals(self) || ctx.config.skips(page) || ERROR_PAGES.contains(CorpusIndex.baseName(page))) {
        continue;
      }
      if (listed.contains(page)) {
        listedHere++;
      } else if (folder.equals(org.docgate.corpus.LinkTarget.directoryOf(page)) && entryPoint(ctx, page)) {
        // the folder's own README, its licence, a code of conduct: no page of the folder's topic that a list of its
        // pages leaves out (butterfly's API list and docs/zh-CN/CODE_OF_CONDUCT.md, round 47: judged WRONG); a
        // subfolder's landing page is a chapter of it (k8s-handbook-zh's extend/dynamic-resource-allocation/)
        continue;
      } else if (linked.contains(page)) {
        elsewhere++;
      } else if (listedUnderAnotherName(page, broken) || series != null && !series.equals(seriesKey(page))) {
        pardoned++;
      } else {
        missing.add(page);
      }
    }
    if (missing.isEmpty() || missing.size() > MAX_EXCUSED) {
      return null; // many pages unlisted: no listing of this folder, whatever their own text says
    }
    // the pages' own text last, for the few candidates left
    for (java.util.Iterator<String> it = missing.iterator(); it.hasNext(); ) {
      String page = it.next();
      boolean excuse = excused(ctx, page);
      excused.put(page, excuse);
      if (excuse) {
        it.remove();
        pardoned++;
      }
    }
    int total = listedHere + elsewhere + missing.size();
    if (missing.isEmpty() || missing.size() > 2 || missing.size() * 5 > total
        || (listedHere + pardoned) * 4 < (total + pardoned) * 3) {
      return null;
    }
    return ctx.finding("completeness/incomplete-listing", new Position(line, 1),
        "this list links " + listedHere + " of the " + total + " pages of "
            + (folder.isEmpty() ? "the corpus root" : folder + "/")
            + (elsewhere > 0 ? " (" + elsewhere + " more are linked elsewhere in the document)" : "")
            + "; the document does not link " + String.join(", ", missing.stream()
                .map(IncompleteListingCheck::shown).toList())
            + ": add " + (missing.size() == 1 ? "it" : "them") + " to the list, or say why the list leaves "
            + (missing.size() == 1 ? "it" : "them") + " out");
  }

  private static boolean entryPoint(DocumentContext ctx, String page) {
    MarkdownDocument other = ctx.index.documents().get(page);
    return other != null && OrphanCheck.isEntryPoint(ctx.index, ctx.config, other);
  }

  /** Whether a page, by its own text, is none a listing must have: a record, or a stub that only says TODO. */
  static boolean excused(DocumentContext ctx, String page) {
    MarkdownDocument other = ctx.index.documents().get(page);
    if (other == null) {
      return false;
    }
    var currency = ctx.currencyOf(other);
    return currency != null && currency.isRecord() || isStub(other);
  }

  /** "06_BIOS固件配置.md" in the list, a file that does not exist, for the page "06_BIOS固件配置清单.md". */
  private static boolean listedUnderAnotherName(String page, List<String> broken) {
    String name = stem(shown(page));
    for (String b : broken) {
      String other = stem(b);
      if (!other.isEmpty() && (name.contains(other) || other.contains(name))) {
        return true;
      }
    }
    return false;
  }

  /** A page's name without folder, extension or case: "06_bios固件配置清单", a bundle's folder name. */
  private static String stem(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The numbering a series of names shares, read from the name's start up to its first run of digits and the mark
   * after it, letters as {@code a} and digits as {@code 0}: "md001" and "md058" are {@code a0}, "01_CPU选型" and
   * "12_k8s" are {@code 0_}; a name without digits has none (null).
   */
  static String seriesKey(String page) {
    String name = stem(shown(page));
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (; i < name.length() && !Character.isDigit(name.charAt(i)); i++) {
      char c = name.charAt(i);
      char k = Character.isLetter(c) ? 'a' : c;
      if (sb.isEmpty() || sb.charAt(sb.length() - 1) != k || k != 'a') {
        sb.append(k);
      }
    }
    if (i == name.length()) {
      return null;
    }
    sb.append('0');
    while (i < name.length() && Character.isDigit(name.charAt(i))) {
      i++;
    }
    if (i < name.length() && !Character.isLetterOrDigit(name.charAt(i))) {
      sb.append(name.charAt(i));
    }
    return sb.toString();
  }

  /** The numbered series three quarters of the listed names follow, or null when they follow none. */
  static String series(Set<String> listed) {
    Map<String, Integer> keys = new TreeMap<>();
    listed.forEach(p -> {
      String k = seriesKey(p);
      if (k != null) {
        keys.merge(k, 1, Integer::sum);
      }
    });
    for (Map.Entry<String, Integer> e : keys.entrySet()) {
      if (e.getValue() * 4 >= listed.size() * 3) {
        return e.getKey();
      }
    }
    return null;
  }

  /** A page whose text below its title is a few lines with a TODO or TBD: a stub (its first lines are enough). */
  private static boolean isStub(MarkdownDocument page) {
    List<String> lines = page.sourceLines();
    int body = 0;
    boolean todo = false;
    for (String raw : lines) {
      String l = raw.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (++body > 5) {
        return false;
      }
      todo |= l.contains("TODO") || l.contains("TBD");
    }
    return todo;
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
    Set<String> withLanding = new TreeSet<>();
    for (String path : index.documents().keySet()) {
      if (LANDING.contains(CorpusIndex.baseName(path))) {
        withLanding.add(parentOf(path));
      } else {
        out.computeIfAbsent(parentOf(path), f -> new ArrayList<>()).add(path);
      }
    }
    // the page a link to the subfolder lands on (a Hugo section's _index.md is none)
    withLanding.stream().filter(folder -> !folder.isEmpty()).forEach(folder -> LinkGraph.landingPage(index, folder)
        .ifPresent(page -> out.computeIfAbsent(parentOf(folder), f -> new ArrayList<>()).add(page)));
    return out;
  }
}
