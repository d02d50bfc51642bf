package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.Glob;
import org.docgate.corpus.LinkTarget;
import org.docgate.corpus.SiteRoutes;
import org.docgate.markdown.MarkdownDocument;

/**
 * A site generator's navigation, kept outside Markdown ({@code orphans.navigation}: an MkDocs {@code nav:}, a
 * Docusaurus sidebar, date-fns's {@code docs/config.js}): the documents a navigation file names are on the site's menu,
 * so they are no orphans. Eight date-fns pages listed only in {@code docs/config.js} were judged NOFIX as orphans in
 * round 23 ("reachable through the site generator"). A name is read as a path from the file's folder, from the corpus
 * root, or from a {@code docs/} folder beside the file (MkDocs's default {@code docs_dir}).
 */
final class NavigationFiles {
  /** A Markdown file's name or path as a navigation file writes it. */
  private static final Pattern PAGE = Pattern.compile("[\\w@~./-]*[\\w-]\\.(?:md|markdown|mdx|html)(?![\\w.])",
      Pattern.CASE_INSENSITIVE);

  private NavigationFiles() {}

  /** The key of the corpus's navigation files among the values an index derives from its paths alone. */
  private record PathsKey(List<Glob> navigation) {}

  /**
   * Each navigation file of the corpus and the documents it names (corpus paths), sorted.
   *
   * @param site the corpus's site routes: a menu's root-relative route is the page the site serves there
   */
  static Map<String, List<String>> of(CorpusIndex index, List<Glob> navigation, SiteRoutes site) {
    Map<String, List<String>> out = new HashMap<>();
    if (navigation.isEmpty()) {
      return out;
    }
    // which files are navigation files follows from the paths: matched once, kept while no file comes or goes (an
    // edit in the service reads the few files again, not every path against every glob)
    List<String> files = index.ofPaths(new PathsKey(navigation), i -> navigationFiles(i, navigation));
    RouteSuffixes suffixes = new RouteSuffixes(index); // made once, and only if some route needs it
    for (MarkdownDocument doc : index.documents().values()) {
      String menu = frontMatterMenu(doc);
      if (menu != null && !files.contains(doc.path())) {
        // a page whose front matter is a menu of routes (WorkOS's _navigation.mdx: "- title: Sessions / url:
        // /authkit/sessions", one per section; 139 pages on it reported as orphans before, round 46's corpus)
        TreeSet<String> named = new TreeSet<>();
        routes(index, doc.path(), quoted(YAML_VALUE, menu), named, suffixes, site);
        named.remove(doc.path());
        if (!named.isEmpty()) {
          out.put(doc.path(), List.copyOf(named));
        }
      }
    }
    for (String file : files) {
      TreeSet<String> named = new TreeSet<>();
      String text = index.configText(file);
      Matcher m = PAGE.matcher(text);
      while (m.find()) {
        landsOn(index, file, m.group()).ifPresent(named::add);
      }
      if (SCRIPT.matcher(file).find()) {
        // a Nextra _meta file's keys are its folder's page names, quoted or not (`overview: 'Overview'` for
        // overview.md: Qwen Code's docs, round 45, judged WRONG as an orphan)
        routes(index, file, CorpusIndex.baseName(file).startsWith("_meta.") ? text + quoted(META_KEY, text) : text,
            named, suffixes, site);
      } else if (DATA.matcher(file).find()) {
        // a menu kept as data, pages by route: serverless's docs/menu.json ("providers/aws/guide/deploying"), a
        // Jekyll site's _data/menu.yml ('Upgrading': '/2.1/upgrading/'), Docusaurus v1's sidebars.json (round 35: 11
        // of its 13 WRONG orphans were named there)
        routes(index, file, text + quoted(YAML_VALUE, text), named, suffixes, site);
      } else if (index.documents().containsKey(file)) {
        // a docsify sidebar (_sidebar.md): Markdown links by route from the site's folder ("zh-cn/base/amap" for
        // zh-cn/base/amap.md: vue-amap's pages, judged WRONG as orphans in round 28)
        routes(index, file, quoted(MARKDOWN_LINK, text), named, suffixes, site);
      }
      if (!named.isEmpty()) {
        out.put(file, List.copyOf(named));
      }
    }
    return out;
  }

  /** A menu entry's route in front matter: {@code url: /authkit/sessions}, {@code - href: "/guide/setup"}. */
  private static final Pattern MENU_ENTRY = Pattern.compile(
      "(?m)^[ \\t]*(?:-[ \\t]+)?(?:url|href|link|path|to)[ \\t]*:[ \\t]*['\"]?/?[\\w@~.-][\\w@~./-]*['\"]?[ \\t]*$");
  /** Entries that make a front matter a menu rather than a page's own settings. */
  private static final int MENU_ENTRIES = 2;

  /** The document's front matter when it is a menu of routes ({@link #MENU_ENTRIES} entries or more), else null. */
  private static String frontMatterMenu(MarkdownDocument doc) {
    int end = doc.frontMatterEnd();
    if (end == 0) {
      return null;
    }
    String front = String.join("\n", doc.sourceLines().subList(0, Math.min(end, doc.sourceLines().size())));
    Matcher m = MENU_ENTRY.matcher(front);
    int entries = 0;
    while (entries < MENU_ENTRIES && m.find()) {
      entries++;
    }
    return entries >= MENU_ENTRIES ? front : null;
  }

  /** An object key of a Nextra {@code _meta} file, quoted or not: {@code overview: 'Overview'}. */
  private static final Pattern META_KEY = Pattern.compile("(?m)^\\s*['\"]?([\\w.-]+)['\"]?\\s*:");

  /** Each match's first group quoted on a line of its own, for {@link #routes}, which reads quoted strings. */
  private static String quoted(Pattern pattern, String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.append('\n').append('\'').append(m.group(1)).append('\'');
    }
    return out.toString();
  }

  /** A site's config or sidebar in JavaScript or TypeScript, whose pages are routes: {@code 'bar/border-radius'}. */
  private static final Pattern SCRIPT = Pattern.compile("\\.(?:[cm]?js|ts)$");
  /** A menu or sidebar kept as data (JSON, YAML), whose pages are routes too. */
  private static final Pattern DATA = Pattern.compile("\\.(?:json|ya?ml)$", Pattern.CASE_INSENSITIVE);
  /** An unquoted YAML value or list item that may be a route: {@code Overview: /2.3/}, {@code - guide/intro}. */
  private static final Pattern YAML_VALUE =
      Pattern.compile("(?m)(?::|^\\s*-)[ \\t]+(/?[\\w@~.-][\\w@~./-]*)[ \\t]*(?:#.*)?$");
  /** A Markdown link's destination without a fragment or title: {@code [地图](zh-cn/base/amap)}. */
  private static final Pattern MARKDOWN_LINK = Pattern.compile("]\\(\\s*<?([^)\\s#>]+)");

  /** A quoted string that may be a route: letters, digits and path characters, no scheme, no space. */
  private static final Pattern QUOTED = Pattern.compile("['\"`](/?[\\w@~.-][\\w@~./-]*)['\"`]");

  /**
   * The pages a VuePress, VitePress or Docusaurus sidebar names by route, without an extension ({@code '/samples/'}
   * then {@code 'bar/border-radius'} for {@code docs/samples/bar/border-radius.md}, Chart.js's
   * {@code docs/.vuepress/config.js}: four of its pages judged WRONG as orphans in round 27): each quoted string,
   * from the site's docs folder (the folder holding the config's dot folder, else the config's own) and under each
   * quoted route base ({@code '/samples/'}), with {@code .md}, {@code /README.md} or {@code /index.md} added, when
   * that is a document of the corpus.
   */
  private static void routes(CorpusIndex index, String file, String text, TreeSet<String> named,
      RouteSuffixes byRoute, SiteRoutes site) {
    String dir = LinkTarget.directoryOf(file);
    String docs = dir;
    int dot = dir.lastIndexOf('/') + 1;
    // the generator's own folder (.vuepress, Jekyll's _data): the site is the folder holding it
    if (dir.length() > dot && (dir.charAt(dot) == '.' || dir.charAt(dot) == '_')) {
      docs = dot == 0 ? "" : dir.substring(0, dot - 1);
    }
    List<String> strings = new java.util.ArrayList<>();
    TreeSet<String> bases = new TreeSet<>(List.of(""));
    Matcher q = QUOTED.matcher(text);
    while (q.find()) {
      String route = q.group(1);
      strings.add(route);
      if (route.startsWith("/") && route.endsWith("/")) {
        bases.add(route.substring(1));
      }
    }
    List<String> prefixes = new java.util.ArrayList<>();
    prefixes.add(docs.isEmpty() ? "" : docs + "/");
    for (String folder : siteDocsFolders(index, dir)) {
      prefixes.add(folder.isEmpty() ? "" : folder + "/");
    }
    for (String route : strings) {
      String r = route.startsWith("/") ? route.substring(1) : route;
      boolean found = false;
      if (route.startsWith("/") && site.active()) {
        Optional<String> page = site.route(r.endsWith("/") ? r.substring(0, r.length() - 1) : r, true, index)
            .flatMap(p -> index.documents().containsKey(p) ? Optional.of(p) : nameFolder(index, p));
        page.ifPresent(named::add);
        found = page.isPresent();
      }
      for (String prefix : prefixes) {
        for (String base : route.startsWith("/") ? List.of("") : bases) {
          found |= nameRoute(index, prefix + base, r, named);
        }
      }
      String trimmed = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
      if (!found && trimmed.indexOf('/') > 0) {
        // a route under a docs folder and a locale the config sets in code (Rspress's root 'docs' and lang 'zh':
        // '/api/config-tools' for docs/zh/api/config-tools.mdx, Modern.js Builder's sidebar; 5 orphans judged WRONG in
        // round 43): the one document whose path ends so
        List<String> matches = byRoute.get().getOrDefault(trimmed, List.of());
        if (matches.size() == 1) {
          named.add(matches.get(0));
        }
      }
    }
  }

  /**
   * Adds the documents a route names under a folder ({@code under}: "" or ending in a slash) and says whether there
   * were any: "a/" (or "") is a folder's page, "a" a page or a folder's; "a/" is also a's pretty URL (Jekyll's
   * permalink /2.1/upgrading/ for 2.1/upgrading.md).
   */
  private static boolean nameRoute(CorpusIndex index, String under, String r, TreeSet<String> named) {
    boolean found = false;
    List<String> suffixes = r.isEmpty() || r.endsWith("/") ? List.of("README.md", "index.md", "index.mdx")
        : List.of(".md", ".mdx", "/README.md", "/index.md", "/index.mdx");
    for (String suffix : suffixes) {
      String path = under + r + suffix;
      if (index.documents().containsKey(path)) {
        named.add(path);
        found = true;
      }
    }
    String pretty = r.endsWith("/") && r.length() > 1 ? under + r.substring(0, r.length() - 1) + ".md" : null;
    if (pretty != null && index.documents().containsKey(pretty)) {
      named.add(pretty);
      found = true;
    }
    return found;
  }

  /** A folder's page as a menu route shows it ({@code README.md}, {@code index.md}, {@code index.mdx}). */
  private static Optional<String> nameFolder(CorpusIndex index, String folder) {
    TreeSet<String> named = new TreeSet<>();
    return index.isDirectory(folder) && nameRoute(index, folder.isEmpty() ? "" : folder + "/", "", named)
        ? Optional.of(named.first()) : Optional.empty();
  }

  /** A Docusaurus config, whose docs plugin names the folder its sidebar's ids are read from. */
  private static final List<String> DOCUSAURUS_CONFIGS =
      List.of("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs");
  /** A {@code path: '../md'} setting of a config. */
  private static final Pattern PATH_SETTING = Pattern.compile("[\"']?\\bpath[\"']?\\s*:\\s*[\"'`]([\\w@~./-]+)[\"'`]");

  /**
   * The folders a Docusaurus site in {@code dir} serves docs from, besides {@code dir} itself: its default {@code
   * docs/} and each folder a {@code path:} of its config names (ent's {@code docs: { path: "../md" }}: its sidebar's
   * ids, {@code 'aggregate'}, are pages of {@code doc/md/}; 14 orphans in round 44's comparison set).
   */
  private static List<String> siteDocsFolders(CorpusIndex index, String dir) {
    String at = dir.isEmpty() ? "" : dir + "/";
    List<String> out = new java.util.ArrayList<>();
    for (String name : DOCUSAURUS_CONFIGS) {
      if (!index.isFile(at + name)) {
        continue;
      }
      if (index.isDirectory(at + "docs")) {
        out.add(at + "docs");
      }
      Matcher m = PATH_SETTING.matcher(index.configText(at + name));
      while (m.find()) {
        LinkTarget.resolve(at + name, m.group(1)).filter(index::isDirectory).filter(f -> !out.contains(f))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * Each document under every route suffix of two or more segments its path gives ({@code docs/zh/api/x.mdx}:
   * {@code api/x}, {@code zh/api/x}, {@code docs/zh/api/x}; an index page also under its folder's), made on first use
   * for all of a corpus's navigation files.
   */
  private static final class RouteSuffixes {
    private final CorpusIndex index;
    private Map<String, List<String>> byRoute;

    RouteSuffixes(CorpusIndex index) {
      this.index = index;
    }

    Map<String, List<String>> get() {
      if (byRoute == null) {
        byRoute = routeSuffixes(index);
      }
      return byRoute;
    }
  }

  private static Map<String, List<String>> routeSuffixes(CorpusIndex index) {
    Map<String, List<String>> out = new HashMap<>();
    for (String path : index.documents().keySet()) {
      String route = path.replaceFirst("\\.(?:md|markdown|mdx)$", "");
      if (route.endsWith("/index") || route.endsWith("/README")) {
        route = route.substring(0, route.lastIndexOf('/'));
      }
      for (int slash = route.lastIndexOf('/'); slash > 0; slash = route.lastIndexOf('/', slash - 1)) {
        String suffix = route.substring(route.lastIndexOf('/', slash - 1) + 1);
        out.computeIfAbsent(suffix, k -> new java.util.ArrayList<>()).add(path);
      }
    }
    return out;
  }

  private static List<String> navigationFiles(CorpusIndex index, List<Glob> navigation) {
    List<String> out = new java.util.ArrayList<>();
    for (String file : new TreeSet<>(index.files())) {
      String lower = file.toLowerCase(Locale.ROOT);
      if (navigation.stream().anyMatch(g -> g.matches(file) || g.matches(lower))) {
        out.add(file);
      }
    }
    return List.copyOf(out);
  }

  private static Optional<String> landsOn(CorpusIndex index, String file, String written0) {
    // a generated page's .html names its Markdown source (the Rails guides' documents.yaml: "url: command_line.html")
    String written = written0.toLowerCase(Locale.ROOT).endsWith(".html")
        ? written0.substring(0, written0.length() - 5) + ".md" : written0;
    String dir = LinkTarget.directoryOf(file);
    String[] froms = {file, "", (dir.isEmpty() ? "" : dir + "/") + "docs/_"};
    for (String from : froms) {
      Optional<String> path = from.isEmpty() ? LinkTarget.resolve("", written.startsWith("/") ? written : "/" + written)
          : LinkTarget.resolve(from, written);
      if (path.isPresent() && index.documents().containsKey(path.get())) {
        return path;
      }
    }
    return Optional.empty();
  }
}
