package org.docgate.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.docgate.config.SiteRouteSettings;
import org.docgate.markdown.Link;
import org.docgate.markdown.LinkKind;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.text.EditDistance;

/**
 * The routes of a site built from the corpus, when its links are written for that site rather than for files:
 * {@code /using-npm/config} is the page of {@code content/using-npm/config.md} (a root folder the site serves at
 * {@code /}, a page's path without its file's extension, a folder's path showing its index page). What lychee's
 * {@code --root-dir} and {@code --fallback-extensions} configure by hand, read from the corpus's own links: used when
 * most links that are no file or folder resolve that way ({@link SiteRouteSettings}), or when configured.
 *
 * @param root the folder served at {@code /} ({@code ""}: the corpus root); null when the links are files
 * @param reason why, for {@code stats.links.siteRoutes}
 */
public record SiteRoutes(String root, List<String> extensions, List<String> indexPages, String reason,
    Map<String, String> numbered, Map<String, List<String>> locales, Links links) {
  public static final SiteRoutes NONE = new SiteRoutes(null, List.of(), List.of(), "");

  /** Kinds whose destination a reader follows to a page (a reference's is checked at its definition). */
  private static final Set<LinkKind> PAGE_LINKS =
      Set.of(LinkKind.INLINE, LinkKind.DEFINITION, LinkKind.AUTOLINK, LinkKind.HTML_HREF);
  /** Prefixes tried at most, the most promising first: a name that stands in many folders must not cost more. */
  private static final int MAX_ROOTS = 50;
  /** Counts by name, the largest first, then by name. */
  private static final Comparator<Map.Entry<String, Integer>> MOST_FIRST =
      Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  /**
   * @param numbered the corpus's paths with a number prefix on a segment, by the path without them ({@code
   *     docs/ai-sdk-core/generating-text.mdx} for {@code docs/03-ai-sdk-core/05-generating-text.mdx}): a site whose
   *     generator drops the prefixes (Docusaurus does by default) serves them there ({@link NumberPrefixes})
   * @param locales the locale suffixes of the corpus's page files ({@code .zh-CN} of {@code start.zh-CN.mdx}) by the
   *     route segment that chooses them ({@code zh}, {@code zh-cn}): a site that keeps a page's translations side by
   *     side (Nextra's i18n) serves {@code docs/start.zh-CN.mdx} at {@code /zh/docs/start}
   * @param links how the site reads a page's links beyond its routes ({@link Links})
   */
  /** How a site reads links that its routes alone do not settle. */
  public enum Links {
    /** As files, then by the routes. */
    ROUTES,
    /**
     * docsify's (its {@code index.html} sets {@code window.$docsify}, leaving {@code relativePath} off): a page's
     * relative links lead from the site's root folder ({@link #fromRoot}), a heading's {@code :id=name} is its id
     * ({@link #headingIds}).
     */
    DOCSIFY,
    /**
     * Only a link to a generated page's {@code .html} is read as the site's ({@code [fs](fs.html)} for {@code fs.md}
     * beside it: Node.js's API docs), every other link as a file.
     */
    HTML_ONLY,
    /**
     * A folder's page (an index page) is served at the folder's address without a trailing slash, so its relative
     * links lead from the folder above ({@link #fromRoot}).
     */
    FROM_FOLDER_ABOVE
  }

  public SiteRoutes {
    extensions = List.copyOf(extensions);
    indexPages = List.copyOf(indexPages);
    numbered = Map.copyOf(numbered);
    locales = Map.copyOf(locales);
  }

  public SiteRoutes(String root, List<String> extensions, List<String> indexPages, String reason) {
    this(root, extensions, indexPages, reason, Map.of(), Map.of(), Links.ROUTES);
  }

  /**
   * The routes a site generator's own page references follow whatever the links say (Hugo's {@code ref}, {@code relref}
   * and a site's own {@code docsref} shortcodes name pages by their route): from the corpus root, with the default
   * extensions and index pages.
   */
  public static final SiteRoutes PAGE_REFERENCES = new SiteRoutes("", SiteRouteSettings.DEFAULTS.extensions(),
      SiteRouteSettings.DEFAULTS.indexPages(), "page references");

  public boolean active() {
    return root != null;
  }

  /** Whether the routes were read from the corpus's links (not configured): {@link #choose}'s reason says so. */
  private boolean detected() {
    return active() && reason.startsWith(DETECTED);
  }

  private static final String DETECTED = "detected: ";

  /**
   * A link to a corpus path as a document writes it: the path it resolves to, whether it starts at the root, and the
   * path as written (null when not kept).
   */
  public record PathLink(String path, boolean rooted, String written) {
    public PathLink(String path, boolean rooted) {
      this(path, rooted, null);
    }
  }

  private record Key(SiteRouteSettings settings) {}

  private record LinksKey() {}

  private record NamesKey(List<String> extensions) {}

  /** The corpus's site routes under these settings, decided once per index. */
  public static SiteRoutes of(CorpusIndex index, SiteRouteSettings settings) {
    return index.derived(new Key(settings), i -> choose(i, settings));
  }

  /**
   * The corpus path a link that is no file or folder of the corpus reaches on the site, if any: under the root folder
   * for a root-relative link, with an extension or an index page added, {@code .html} read as the page's file.
   *
   * @param path the link's path resolved as a file path (corpus-relative, as {@link LinkTarget#resolve} gives it)
   */
  public Optional<String> route(String path, boolean rooted, Predicate<String> isFile,
      Predicate<String> isDirectory) {
    if (!active() || links == Links.HTML_ONLY && withoutHtml(path).equals(path)) {
      return Optional.empty();
    }
    Optional<String> found = find(root, extensions, indexPages, path, rooted, isFile, isDirectory);
    if (found.isEmpty() && !numbered.isEmpty()) {
      found = find(root, extensions, indexPages, path, rooted, p -> isFile.test(numberedPath(p)),
          p -> isDirectory.test(numberedPath(p))).map(this::numberedPath);
    }
    if (found.isEmpty() && rooted && !locales.isEmpty()) {
      // the locale's own page files: /zh/docs/start is docs/start.zh-CN.mdx (LobeHub's docs, round 46: 2 of 30
      // sampled links judged WRONG, 80 such links in all); a route without a locale is the page in the site's
      // default language, whose file a corpus of one translation lacks: the page is there in another
      String rest = withoutLocale(path);
      List<String> suffixes = rest != null ? locales.get(locale(path))
          : locales.values().stream().flatMap(List::stream).distinct().sorted().toList();
      for (String suffix : suffixes) {
        List<String> ext = extensions.stream().map(e -> suffix + e).toList();
        List<String> pages = indexPages.stream().map(p -> localized(p, suffix)).toList();
        found = find(root, ext, pages, rest != null ? rest : path, true, isFile, isDirectory);
        if (found.isPresent()) {
          break;
        }
      }
    }
    return found;
  }

  private record DocsifyKey() {}

  private static final String NOT_DOCSIFY = "\u0000";

  /** docsify's switch that makes a page's relative links lead from the page's folder, as files do. */
  private static final java.util.regex.Pattern RELATIVE_PATH =
      java.util.regex.Pattern.compile("relativePath\\s*:\\s*true");

  /**
   * The folder of a docsify site's {@code index.html} (the shallowest whose script sets {@code window.$docsify} and
   * leaves {@code relativePath} off), or {@link #NOT_DOCSIFY}.
   */
  private static String docsifyRoot(CorpusIndex index) {
    return index.files().stream()
        .filter(f -> CorpusIndex.baseName(f).equalsIgnoreCase("index.html"))
        .sorted(Comparator.comparingInt((String f) -> f.split("/").length).thenComparing(Comparator.naturalOrder()))
        .filter(f -> {
          String html = index.configText(f);
          return html.contains("$docsify") && !RELATIVE_PATH.matcher(html).find();
        })
        .map(LinkTarget::directoryOf)
        .findFirst().orElse(NOT_DOCSIFY);
  }

  /**
   * A relative link of a page under a docsify site's root as docsify follows it: from the root folder, not the page's
   * ({@code [插件](advanced/plugin)} in {@code docs/changelog/changelog.md} is {@code docs/advanced/plugin.md}; mp-html's
   * docs: 267 links reported missing before); or a folder page's link where the site serves it at the folder's address
   * ({@link Links#FROM_FOLDER_ABOVE}): from the folder above. With the site's routes (an extension added, a folder's page).
   *
   * @param from the linking document
   * @param written the link's path as written
   */
  public Optional<String> fromRoot(String from, String written, CorpusIndex index) {
    if (written == null || written.startsWith("/")) {
      return Optional.empty();
    }
    String base;
    if (links == Links.DOCSIFY && (root.isEmpty() || from.startsWith(root + "/"))) {
      base = root;
    } else if (links == Links.FROM_FOLDER_ABOVE && isIndexPage(indexPages, from) && from.contains("/")) {
      base = LinkTarget.directoryOf(LinkTarget.directoryOf(from)); // a folder page's links, from the folder above
    } else {
      return Optional.empty();
    }
    return LinkTarget.resolve(join(base, "index.md"), written)
        .flatMap(p -> index.isFile(p) || index.isDirectory(p) ? Optional.of(p) : route(p, false, index));
  }

  /** docsify's heading id setting: {@code ## 小程序方式 :id=mp}. */
  private static final java.util.regex.Pattern DOCSIFY_ID =
      java.util.regex.Pattern.compile("\\s:id=([^\\s:]+)\\s*$");

  /**
   * The ids a page's headings set themselves where its site honours them: docsify's {@code :id=name} at a heading's
   * end (mp-html's docs: 63 headings, their links reported as missing anchors before), for a page under the site's
   * root; an MDX page's {@code {#id}} (MDX sites such as Docusaurus take it as the heading's id, whatever renders the
   * rest of the corpus).
   */
  public Set<String> headingIds(MarkdownDocument doc) {
    boolean mdx = doc.path().toLowerCase(Locale.ROOT).endsWith(".mdx");
    boolean ours = links == Links.DOCSIFY && (root.isEmpty() || doc.path().startsWith(root + "/"));
    if (!mdx && !ours) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (org.docgate.markdown.Heading h : doc.headings()) {
      java.util.regex.Matcher m = DOCSIFY_ID.matcher(h.text());
      if (ours && m.find()) {
        out.add(m.group(1));
      }
      String id = mdx ? org.docgate.markdown.HeadingAttributes.of(h.text()).id() : null;
      if (id != null) {
        out.add(id); // an MDX site's "## Service config {#serviceconfig}" (Docusaurus; round 48: 6 of 30 WRONG)
      }
    }
    return out;
  }

  /** A rooted route's first segment, lower-cased: a locale when {@link #locales} has it. */
  private static String locale(String path) {
    return path.split("/", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** The route after its locale segment ({@code docs/start} of {@code zh/docs/start}), or null without one. */
  private String withoutLocale(String path) {
    if (locales.isEmpty() || !locales.containsKey(locale(path))) {
      return null;
    }
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(slash + 1);
  }

  /** A page file's name with a locale suffix before its extension: index.mdx, .zh-CN: index.zh-CN.mdx. */
  private static String localized(String page, String suffix) {
    int dot = page.lastIndexOf('.');
    return dot < 0 ? page + suffix : page.substring(0, dot) + suffix + page.substring(dot);
  }

  /** Whether a document is a folder's page: an index page, or one in a locale ({@code README.en-US.md}). */
  private static boolean isIndexPage(List<String> indexPages, String path) {
    String name = CorpusIndex.baseName(path);
    java.util.regex.Matcher m = LOCALE_FILE.matcher(name);
    return indexPages.contains(name)
        || m.find() && m.start() > 0 && indexPages.contains(name.substring(0, m.start()) + name.substring(m.end(1)));
  }

  /** A page file named with a locale: start.zh-CN.mdx, README.en.md (group 1 the locale, group 2 its language). */
  private static final java.util.regex.Pattern LOCALE_FILE =
      java.util.regex.Pattern.compile("\\.(([a-z]{2})(?:-[A-Za-z]{2,4})?)\\.(?:md|mdx|markdown)$");

  private record LocalesKey() {}

  /** {@link #locales}: each locale suffix of the page files, by its language and by itself lower-cased. */
  private static Map<String, List<String>> localeSuffixes(CorpusIndex index) {
    Map<String, java.util.TreeSet<String>> out = new HashMap<>();
    for (String file : index.files()) {
      java.util.regex.Matcher m = LOCALE_FILE.matcher(CorpusIndex.baseName(file));
      if (m.find() && m.start() > 0) {
        String suffix = "." + m.group(1);
        out.computeIfAbsent(m.group(2), k -> new java.util.TreeSet<>()).add(suffix);
        out.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new java.util.TreeSet<>()).add(suffix);
      }
    }
    Map<String, List<String>> lists = new HashMap<>();
    out.forEach((k, v) -> lists.put(k, List.copyOf(v)));
    return lists;
  }

  /**
   * As {@link #route(String, boolean, Predicate, Predicate)}, or a page's route continued by its headings' slugs
   * ({@link #headingRoute}).
   */
  public Optional<String> route(String path, boolean rooted, CorpusIndex index) {
    Optional<String> page = route(path, rooted, index::isFile, index::isDirectory);
    return page.isPresent() ? page : headingRoute(path, rooted, index);
  }

  /** Segments after a page that can name its headings: a section, a subsection and one below. */
  private static final int MAX_HEADING_SEGMENTS = 3;

  /**
   * The page of a route that goes on past it with the anchors of its headings, section by section, as some sites serve
   * a heading (WorkOS's docs: {@code /authkit/sessions/configuring-sessions/sign-out-redirect} is the "Sign-out
   * redirect" heading under "Configuring sessions" of {@code authkit/sessions.mdx}, {@code /glossary/bearer-token} a
   * term of {@code glossary.mdx}; round 46 judged 13 of 30 sampled links WRONG there). Only when every further
   * segment is an anchor of the page: a segment that names no heading leaves the link to be reported.
   */
  public Optional<String> headingRoute(String path, boolean rooted, CorpusIndex index) {
    if (!active()) {
      return Optional.empty();
    }
    String[] segments = path.split("/", -1);
    for (int keep = segments.length - 1; keep >= Math.max(1, segments.length - MAX_HEADING_SEGMENTS); keep--) {
      String prefix = String.join("/", java.util.Arrays.asList(segments).subList(0, keep));
      Optional<String> page = route(prefix, rooted, index::isFile, index::isDirectory);
      Set<String> anchors = page.map(index::anchorsOf).orElse(null);
      if (anchors != null && java.util.Arrays.stream(segments, keep, segments.length).allMatch(anchors::contains)) {
        return page;
      }
    }
    return Optional.empty();
  }

  /** The corpus path a route without number prefixes stands for (a relative link keeps its page's folder's prefix). */
  private String numberedPath(String path) {
    return numbered.getOrDefault(NumberPrefixes.without(path), path);
  }

  static Optional<String> find(String root, List<String> extensions, List<String> indexPages, String path,
      boolean rooted, Predicate<String> isFile, Predicate<String> isDirectory) {
    String base = rooted ? join(root, path) : path;
    boolean moved = !base.equals(path);
    if (moved && isFile.test(base)) {
      return Optional.of(base);
    }
    String stem = withoutHtml(base);
    if (!stem.equals(base) || !hasExtension(base)) {
      // a page's "pretty" URL ends in a slash: /docs/ is docs.md (Hugo, Jekyll, MkDocs' directory URLs)
      String page = stem.endsWith("/") ? stem.substring(0, stem.length() - 1) : stem;
      for (String ext : extensions) {
        if (!page.isEmpty() && isFile.test(page + ext)) {
          return Optional.of(page + ext);
        }
      }
    }
    if (base.isEmpty() || isDirectory.test(base)) {
      for (String page : indexPages) {
        if (isFile.test(join(base, page))) {
          return Optional.of(join(base, page));
        }
      }
      // a page named as its folder is the folder's page (Docusaurus: build/build.mdx is /build; ServiceTitan's docs,
      // round 48: a link and five orphans judged WRONG)
      String own = base.isEmpty() ? "" : base + "/" + CorpusIndex.baseName(base);
      for (String ext : extensions) {
        if (!own.isEmpty() && isFile.test(own + ext)) {
          return Optional.of(own + ext);
        }
      }
      if (moved) {
        return Optional.of(base);
      }
    }
    return Optional.empty();
  }

  static SiteRoutes choose(CorpusIndex index, SiteRouteSettings s) {
    if (s.root().equals(SiteRouteSettings.NONE)) {
      return NONE;
    }
    Map<String, String> numbered = index.ofPaths(new NumberedKey(), SiteRoutes::numberedPaths);
    Map<String, List<String>> locales = index.ofPaths(new LocalesKey(), SiteRoutes::localeSuffixes);
    String configured = s.configuredFolder();
    if (configured != null) {
      return new SiteRoutes(configured, s.extensions(), s.indexPages(), "configured (links.siteRoutes.root)",
          numbered, locales, Links.ROUTES);
    }
    String docsify = index.derived(new DocsifyKey(), SiteRoutes::docsifyRoot);
    if (!docsify.equals(NOT_DOCSIFY)) {
      return new SiteRoutes(docsify, s.extensions(), s.indexPages(), DETECTED + "a docsify site ("
          + (docsify.isEmpty() ? "" : docsify + "/") + "index.html sets window.$docsify): a page's links lead from "
          + (docsify.isEmpty() ? "the corpus root" : docsify + "/") + ", as docsify resolves them", numbered, locales,
          Links.DOCSIFY);
    }
    int total = 0;
    List<PathLink> unresolved = new ArrayList<>();
    Map<String, List<String>> names = index.ofPaths(new NamesKey(s.extensions()), i -> parentsByName(i, s));
    for (MarkdownDocument doc : index.documents().values()) {
      for (PathLink l : index.ofDocument(new LinksKey(), doc, SiteRoutes::pathLinks)) {
        total++;
        if (!index.isFile(l.path()) && !index.isDirectory(l.path()) && (l.rooted() || mayBePage(l.path()))
            && (!l.rooted() || l.path().isEmpty() || names.containsKey(withoutHtml(firstSegment(l.path(), locales))))) {
          // a root-relative link whose first segment names nothing in the corpus leads to a part of the site the
          // corpus does not hold (VoltAgent's /observability-docs/ beside its /docs/): no evidence either way
          unresolved.add(l);
        }
      }
    }
    long need = Math.max(s.minLinks(), ceilPercent(total, s.minPercentOfLinks()));
    if (unresolved.size() < need) {
      // too few to be a site's way of linking, whatever they resolve to: unless its .html links or its folder
      // pages' links are (otherWays)
      return otherWays(index, s, unresolved, numbered, locales);
    }
    int relative = 0;
    List<PathLink> rooted = new ArrayList<>();
    SiteRoutes atRoot = new SiteRoutes("", s.extensions(), s.indexPages(), "", numbered, locales,
        Links.ROUTES);
    for (PathLink l : unresolved) {
      if (!l.rooted()) {
        relative += atRoot.route(l.path(), false, index).isPresent() ? 1 : 0;
      } else {
        rooted.add(l);
      }
    }
    String best = "";
    int bestCount = -1;
    int bestHeld = 0;
    for (String root : candidateRoots(index, s, rooted)) {
      SiteRoutes candidate = new SiteRoutes(root, s.extensions(), s.indexPages(), "", numbered, locales,
          Links.ROUTES);
      int n = 0;
      int held = 0;
      for (PathLink l : rooted) {
        boolean routes = candidate.route(l.path(), true, index).isPresent();
        n += routes ? 1 : 0;
        // a link into a section the corpus does not hold under this root (WorkOS's /reference/... beside its
        // /authkit/...: round 46) says nothing about the root either way
        held += routes || holds(index, root, s.extensions(), locales, l.path()) ? 1 : 0;
      }
      if (n > bestCount) {
        best = root;
        bestCount = n;
        bestHeld = held;
      }
    }
    int routed = relative + Math.max(bestCount, 0);
    int considered = unresolved.size() - rooted.size() + bestHeld;
    if (routed < need || routed < ceilPercent(considered, s.minPercentOfUnresolved())) {
      return otherWays(index, s, unresolved, numbered, locales);
    }
    String at = best.isEmpty() ? "the corpus root" : best + "/";
    int outside = unresolved.size() - considered;
    return new SiteRoutes(best, s.extensions(), s.indexPages(), DETECTED + routed + " of the " + considered
        + " links that are no file or folder resolve as site pages under " + at + " (page paths without "
        + String.join(", ", s.extensions()) + ", folders showing " + String.join(", ", s.indexPages())
        + (numbered.isEmpty() ? "" : ", number prefixes such as 03- left out")
        + (locales.isEmpty() ? "" : ", a locale's pages by its segment such as /" + locales.keySet().stream().sorted()
            .findFirst().orElseThrow() + "/") + "); "
        + (outside == 0 ? "" : outside + " more lead to sections of the site the corpus does not hold; ") + total
        + " links to corpus paths in all", numbered, locales, Links.ROUTES);
  }

  /** No site routes by the links at large: perhaps links to built pages ({@link #htmlPages}) or from folder pages. */
  private static SiteRoutes otherWays(CorpusIndex index, SiteRouteSettings s, List<PathLink> unresolved,
      Map<String, String> numbered, Map<String, List<String>> locales) {
    SiteRoutes html = htmlPages(index, s, unresolved, numbered, locales);
    return html.active() ? html : landingPages(index, s, numbered, locales);
  }

  /**
   * The routes of a site that serves each folder's page at the folder's address without a trailing slash
   * ({@code /components/overlay} for {@code overlay/README.md}), whose relative links therefore lead from the folder
   * above: {@code [Popup](./popup?tab=api)} in {@code overlay/README.md} is {@code popup/README.md} (TDesign's uni-app
   * pages: 26 of their 29 links; round 48 judged 5 of 30 sampled WRONG). When at least {@code minLinks} of the
   * relative links of the corpus's folder pages that are no file or folder, and {@code minPercentOfUnresolved} of
   * them, lead to a page so; else {@link #NONE}.
   */
  private static SiteRoutes landingPages(CorpusIndex index, SiteRouteSettings s, Map<String, String> numbered,
      Map<String, List<String>> locales) {
    SiteRoutes parent = new SiteRoutes("", s.extensions(), s.indexPages(), "", numbered, locales,
        Links.FROM_FOLDER_ABOVE);
    int links = 0;
    int led = 0;
    for (MarkdownDocument doc : index.documents().values()) {
      if (!isIndexPage(s.indexPages(), doc.path())) {
        continue;
      }
      for (PathLink l : index.ofDocument(new LinksKey(), doc, SiteRoutes::pathLinks)) {
        if (!l.rooted() && !index.isFile(l.path()) && !index.isDirectory(l.path())) {
          links++;
          led += parent.fromRoot(doc.path(), l.written(), index).isPresent() ? 1 : 0;
        }
      }
    }
    if (led < s.minLinks() || led < ceilPercent(links, s.minPercentOfUnresolved())) {
      return NONE;
    }
    return new SiteRoutes("", s.extensions(), s.indexPages(), DETECTED + led + " of the " + links + " relative links "
        + "of folder pages that are no file or folder lead to a page from the folder above, as a site that serves a "
        + "folder's page at the folder's address (no trailing slash) resolves them", numbered, locales,
        Links.FROM_FOLDER_ABOVE);
  }

  /**
   * The routes of a corpus that links its pages as the site built from it serves them, {@code .html} for each page
   * ({@code [fs](fs.html)} for {@code fs.md} beside it: Node.js's API index, 50 links of 64 findings in round 47's
   * nodejs-api, judged WRONG), among links that are otherwise files: at least {@code minLinks} of them and
   * {@code minPercentOfUnresolved} of the {@code .html} links that are no file lead to the page they are built from;
   * only those are read so ({@link Links#HTML_ONLY}). Else {@link #NONE}.
   */
  private static SiteRoutes htmlPages(CorpusIndex index, SiteRouteSettings s, List<PathLink> unresolved,
      Map<String, String> numbered, Map<String, List<String>> locales) {
    SiteRoutes html = new SiteRoutes("", s.extensions(), s.indexPages(), "", numbered, locales, Links.HTML_ONLY);
    int links = 0;
    int built = 0;
    for (PathLink l : unresolved) {
      if (!withoutHtml(l.path()).equals(l.path())) {
        links++;
        built += html.route(l.path(), l.rooted(), index::isFile, index::isDirectory).isPresent() ? 1 : 0;
      }
    }
    if (built < s.minLinks() || built < ceilPercent(links, s.minPercentOfUnresolved())) {
      return NONE;
    }
    return new SiteRoutes("", s.extensions(), s.indexPages(), DETECTED + built + " of the " + links + " links to "
        + ".html pages that are no file lead to the Markdown page they are built from (only such links are read as "
        + "the site's; every other link as a file)", numbered, locales, Links.HTML_ONLY);
  }

  private record SectionsKey(List<String> extensions) {}

  /**
   * Whether a root-relative link enters a section of the site the corpus holds: its first segment names a page or
   * folder under the root or at the corpus root (as the site serves the name), or comes within an edit or two of one,
   * so that a typo stays reported. A site's other sections, served from elsewhere (the Vercel AI SDK's
   * {@code /providers/...} beside its {@code /docs/...}, npm's {@code /about-access-tokens}: a page docs.npmjs.com
   * serves from another repository), cannot be checked from the corpus. True for routes configured or not in use: a
   * configured root is the operator's word that every link under it is the corpus's.
   *
   * @param path the link's path resolved as a file path (corpus-relative)
   */
  public boolean holdsSection(CorpusIndex index, String path) {
    if (!detected() || links == Links.HTML_ONLY && withoutHtml(path).equals(path)) {
      return true; // a link the routes do not read is a file's
    }
    return holds(index, root, extensions, locales, path);
  }

  /** Whether a rooted link's first segment is a section under {@code root} (or a typo of one): see holdsSection. */
  private static boolean holds(CorpusIndex index, String root, List<String> extensions,
      Map<String, List<String>> locales, String path) {
    String first = withoutHtml(firstSegment(path, locales));
    return first.isEmpty()
        || index.ofPaths(new SectionsKey(extensions), i -> new Sections(i, extensions)).holds(root, first);
  }

  /** A rooted route's first segment, or its second after a locale's ({@code docs} of {@code zh/docs/start}). */
  private static String firstSegment(String path, Map<String, List<String>> locales) {
    String[] parts = path.split("/", 3);
    return parts.length > 1 && locales.containsKey(parts[0].toLowerCase(Locale.ROOT)) ? parts[1] : parts[0];
  }

  private record OtherSectionsKey(SiteRoutes routes) {}

  /**
   * The sections of the site outside the corpus that its root-relative links lead to ({@link #holdsSection}), each
   * with its number of links, most first ({@code /providers/ (265)}): they are not checked, so a folder renamed with
   * every link into it left behind shows here rather than nowhere. Empty unless the routes were detected.
   */
  public Map<String, Integer> otherSections(CorpusIndex index) {
    if (!detected()) {
      return Map.of();
    }
    return index.derived(new OtherSectionsKey(this), i -> {
      Map<String, Integer> counts = new HashMap<>();
      for (MarkdownDocument doc : i.documents().values()) {
        for (PathLink l : i.ofDocument(new LinksKey(), doc, SiteRoutes::pathLinks)) {
          if (l.rooted() && !i.isFile(l.path()) && !i.isDirectory(l.path())
              && route(l.path(), true, i).isEmpty() && !holdsSection(i, l.path())) {
            counts.merge("/" + l.path().split("/", 2)[0] + (l.path().contains("/") ? "/" : ""), 1, Integer::sum);
          }
        }
      }
      Map<String, Integer> sorted = new java.util.LinkedHashMap<>();
      counts.entrySet().stream().sorted(MOST_FIRST).forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return java.util.Collections.unmodifiableMap(sorted);
    });
  }

  /**
   * The names the site serves each folder's entries under (a page without its extension, a folder or page without its
   * number prefix), made in one pass over the corpus's paths; and, per root and first segment, whether that segment
   * is one of the root's or the corpus root's names or an edit or two from one (asked for every rooted link, by every
   * candidate root: remembered).
   */
  private static final class Sections {
    private final Map<String, Set<String>> byFolder = new HashMap<>();
    private final Map<String, Boolean> answers = new java.util.concurrent.ConcurrentHashMap<>();

    Sections(CorpusIndex index, List<String> extensions) {
      for (String p : filesAndFolders(index)) {
        if (p.isEmpty()) {
          continue;
        }
        Set<String> names = byFolder.computeIfAbsent(LinkTarget.directoryOf(p), k -> new HashSet<>());
        String name = CorpusIndex.baseName(p);
        names.addAll(servedNames(name));
        names.addAll(pageNames(name, extensions));
      }
    }

    boolean holds(String root, String first) {
      return answers.computeIfAbsent(root + "\n" + first, k -> {
        Set<String> names = new HashSet<>(byFolder.getOrDefault(root, Set.of()));
        names.addAll(byFolder.getOrDefault("", Set.of()));
        if (names.contains(first)) {
          return true;
        }
        int limit = first.length() <= 4 ? 1 : 2;
        return names.stream().anyMatch(n -> EditDistance.between(n, first, limit) <= limit);
      });
    }
  }

  private record NumberedKey() {}

  /** The corpus's files and folders with number prefixes, by their paths without them ({@link NumberPrefixes}). */
  private static Map<String, String> numberedPaths(CorpusIndex index) {
    return NumberPrefixes.byRoute(filesAndFolders(index));
  }

  private static List<String> filesAndFolders(CorpusIndex index) {
    List<String> all = new ArrayList<>(index.files());
    all.addAll(index.directories());
    return all;
  }

  /**
   * The folders a root-relative link's first segment stands in, most links first (the corpus root always): where a
   * site's root folder can be.
   */
  private static List<String> candidateRoots(CorpusIndex index, SiteRouteSettings s, List<PathLink> rooted) {
    Map<String, List<String>> parents = index.ofPaths(new NamesKey(s.extensions()), i -> parentsByName(i, s));
    Map<String, Integer> hits = new HashMap<>();
    hits.put("", Integer.MAX_VALUE);
    for (PathLink l : rooted) {
      String first = l.path().isEmpty() ? "" : l.path().split("/", 2)[0];
      for (String parent : parents.getOrDefault(withoutHtml(first), List.of())) {
        hits.merge(parent, 1, (a, b) -> a == Integer.MAX_VALUE ? a : a + b);
      }
    }
    return hits.entrySet().stream()
        .sorted(MOST_FIRST)
        .limit(MAX_ROOTS)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Each folder's and page's name (a page without its extension) to the folders it stands in. */
  private static Map<String, List<String>> parentsByName(CorpusIndex index, SiteRouteSettings s) {
    Map<String, List<String>> out = new HashMap<>();
    for (String dir : index.directories()) {
      if (!dir.isEmpty()) {
        for (String n : servedNames(CorpusIndex.baseName(dir))) {
          out.computeIfAbsent(n, k -> new ArrayList<>()).add(LinkTarget.directoryOf(dir));
        }
      }
    }
    for (String file : index.files()) {
      for (String n : pageNames(CorpusIndex.baseName(file), s.extensions())) {
        out.computeIfAbsent(n, k -> new ArrayList<>()).add(LinkTarget.directoryOf(file));
      }
    }
    out.replaceAll((k, v) -> v.stream().distinct().sorted(Comparator.naturalOrder()).toList());
    return out;
  }

  /** The names a site serves a file under as a page: without each page extension it ends in ({@link #servedNames}). */
  private static List<String> pageNames(String fileName, List<String> extensions) {
    List<String> out = new ArrayList<>();
    for (String ext : extensions) {
      if (fileName.toLowerCase(Locale.ROOT).endsWith(ext) && fileName.length() > ext.length()) {
        out.addAll(servedNames(fileName.substring(0, fileName.length() - ext.length())));
      }
    }
    return out;
  }

  /** A name and, when it has a number prefix, the name a site serves it under ({@code 03-ai-sdk-core}: ai-sdk-core). */
  private static List<String> servedNames(String name) {
    String served = NumberPrefixes.without(name);
    return served.equals(name) ? List.of(name) : List.of(name, served);
  }

  /** A document's links to corpus paths (not images: a site serves them as files). */
  static List<PathLink> pathLinks(MarkdownDocument doc) {
    List<PathLink> out = new ArrayList<>();
    for (Link link : doc.links()) {
      if (!PAGE_LINKS.contains(link.kind()) || link.destination() == null) {
        continue;
      }
      LinkTarget t = LinkTarget.parse(link.destination());
      if (t.kind() != LinkTarget.Kind.INTERNAL || t.path().isEmpty()) {
        continue;
      }
      boolean rooted = t.path().startsWith("/");
      LinkTarget.resolve(doc.path(), t.path()).ifPresent(p -> out.add(new PathLink(p, rooted, t.path())));
    }
    return List.copyOf(out);
  }

  /** A relative link that can be a page's route: no extension, or a generated page's {@code .html}. */
  private static boolean mayBePage(String path) {
    return !hasExtension(path) || !withoutHtml(path).equals(path);
  }

  /**
   * Whether a link as written can lead to a page by some site's routes: root-relative, without an extension, or a
   * generated page's {@code .html} (what {@link #route} may resolve; the service re-checks such links by page name).
   */
  public static boolean mayBeRoute(String linkPath) {
    return linkPath.startsWith("/") || mayBePage(linkPath);
  }

  private static boolean hasExtension(String path) {
    String name = CorpusIndex.baseName(path);
    return name.lastIndexOf('.') > 0;
  }

  private static String withoutHtml(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".html", ".htm"}) {
      if (lower.endsWith(ext) && path.length() > ext.length() && path.charAt(path.length() - ext.length() - 1) != '/') {
        return path.substring(0, path.length() - ext.length());
      }
    }
    return path;
  }

  private static String join(String folder, String path) {
    return folder.isEmpty() ? path : path.isEmpty() ? folder : folder + "/" + path;
  }

  private static long ceilPercent(int of, int percent) {
    return ((long) of * percent + 99) / 100;
  }
}
