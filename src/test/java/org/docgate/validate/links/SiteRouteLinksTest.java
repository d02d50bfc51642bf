package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.docgate.FileEdits;
import org.docgate.config.DocgateConfig;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus published as a site links its pages by their routes (npm's docs: {@code [config](/using-npm/config)} for
 * {@code content/using-npm/config.md}, docs.npmjs.com's layout): detected from the corpus's own links, the links are
 * checked (and orphans counted) where the site serves them; a corpus written for GitHub keeps its extension-less links
 * reported.
 */
class SiteRouteLinksTest {
  @TempDir Path corpus;

  private void write(String path, String text) throws IOException {
    FileEdits.write(corpus, path, text);
  }

  /** npm's layout: every page links its siblings by route, as docs.npmjs.com serves them. */
  private void npmLike() throws IOException {
    String[] commands = {"npm-ls", "npm-install", "npm-config", "npm-publish", "npm-team", "npm-access"};
    for (String c : commands) {
      StringBuilder page = new StringBuilder("# " + c + "\n\n## Description\n\nText.\n\n### See Also\n\n");
      for (String other : commands) {
        if (!other.equals(c)) {
          page.append("* [").append(other).append("](/commands/").append(other).append(")\n");
        }
      }
      page.append("* [config](/using-npm/config)\n");
      write("content/commands/" + c + ".md", page.toString());
    }
    write("content/using-npm/config.md", "# config\n\n## Shorthands\n\nSee [npm ls](/commands/npm-ls#description) and "
        + "[install](../commands/npm-install).\n");
  }

  /**
   * {@code docs/<page>.md} for each page, linking every other page by route ({@code routePrefix + page}) and five
   * pages of another section ({@code otherPrefix + 0..4}).
   */
  private void linkedPages(String routePrefix, String otherPrefix, String... pages) throws IOException {
    for (String p : pages) {
      StringBuilder page = new StringBuilder("# " + p + "\n\nText.\n\n");
      for (String other : pages) {
        if (!other.equals(p)) {
          page.append("* [").append(other).append("](").append(routePrefix).append(other).append(")\n");
        }
      }
      for (int i = 0; i < 5; i++) {
        page.append("* [other ").append(i).append("](").append(otherPrefix).append(i).append(")\n");
      }
      write("docs/" + p + ".md", page.toString());
    }
  }

  /** The report's {@code stats.links.siteRoutes}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> siteRoutes(ScanReport report) {
    return (Map<String, Object>) ((Map<String, Object>) report.stats().get("links")).get("siteRoutes");
  }

  /** The targets of the report's link findings, in report order. */
  private static java.util.List<String> linkTargets(ScanReport report) {
    return report.findings().stream().filter(f -> f.rule().startsWith("links/")).map(Finding::target).toList();
  }

  private static long count(ScanReport report, String rule) {
    return report.findings().stream().filter(f -> f.rule().equals(rule)).count();
  }

  @Test
  void linksWrittenAsTheSitesRoutesResolveWhereTheSiteServesThem() throws IOException {
    npmLike();
    write("content/using-npm/scope.md", "# scope\n\nSee [tokens](/about-access-tokens), [a shorthand]"
        + "(/using-npm/config#no-such-heading) and [ls](/commands/npm-ls#description).\n\n"
        + "A typo of a section the corpus holds: [config](/using-nmp/config).\n");
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat(routes).containsEntry("root", "content/");
    assertThat((String) routes.get("reason")).startsWith("detected: 40 of the 40 links that are no file or folder "
        + "resolve as site pages under content/");
    assertThat(report.findings()).filteredOn(f -> f.rule().startsWith("links/"))
        .extracting(Finding::line, Finding::rule, Finding::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(5, "links/missing-file", "'using-nmp/config' does not exist, as a "
                + "file or as a site page under 'content/'"),
            org.assertj.core.groups.Tuple.tuple(3, "links/missing-anchor", "no heading or HTML anchor "
                + "'#no-such-heading' in 'content/using-npm/config.md'"));
    assertThat(Scans.stat(report, "links.internal.siteRoute")).isEqualTo(40);
    // docs.npmjs.com serves /about-access-tokens from another repository: a section the corpus does not hold
    assertThat(Scans.stat(report, "links.internal.otherSection")).isEqualTo(1);
    assertThat(new org.docgate.report.TextReportWriter().write(report, false, true)).contains("site routes: content/ (detected: 40 of the 40 links");
    // every command page is linked by route: none is an orphan (scope.md, linked by nothing, is)
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("completeness/orphan"))
        .extracting(Finding::path).containsExactly("content/using-npm/scope.md");
  }

  /**
   * VoltAgent's docs (round 43): pages link each other as the site serves them ({@code /docs/rag/qdrant}) and link
   * the same site's other doc sets ({@code /observability-docs/...}), which the corpus does not hold. Those name
   * nothing in the corpus: they neither count for nor against its routes (4 WRONG orphans before).
   */
  @Test
  void linksToPartsOfTheSiteTheCorpusDoesNotHoldDoNotHideItsRoutes() throws IOException {
    linkedPages("/docs/", "/observability-docs/tracing-", "rag/qdrant", "rag/chroma", "agents/middleware",
        "agents/overview", "utils/helpers");
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat(routes).containsEntry("root", "/");
    // the other doc sets cannot be checked from this corpus: counted, not reported (round 44: judged NOFIX)
    assertThat(count(report, "links/missing-file")).isZero();
    assertThat(Scans.stat(report, "links.internal.otherSection")).isEqualTo(25);
    // not checked, but not hidden either: a folder renamed with its links left behind shows in the summary
    assertThat(routes).containsEntry("otherSections", "/observability-docs/ (25)");
    assertThat(new org.docgate.report.TextReportWriter().write(report, false, true))
        .contains("site sections the corpus does not hold (their links not checked): /observability-docs/ (25)");
    assertThat(count(report, "completeness/orphan")).isZero();
  }

  /**
   * A section of the site the corpus does not hold whose name stands deeper in the corpus ({@code /reference/...}
   * beside a nested {@code guide/reference/} folder, as in WorkOS's docs, round 46): it counts against no root, so
   * the pages' own routes are still found, and its links are counted, not reported.
   */
  @Test
  void linksToAnotherSectionDoNotCountAgainstTheRoot() throws IOException {
    linkedPages("/", "/reference/api-", "guide/install", "guide/setup", "guide/upgrade", "sso/index", "sso/domains");
    write("docs/guide/reference/notes.md", "# Notes\n\nSee [install](/guide/install).\n");
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat(routes).containsEntry("root", "docs/");
    assertThat((String) routes.get("reason")).startsWith("detected: 21 of the 21 links").contains("25 more lead to "
        + "sections of the site the corpus does not hold");
    assertThat(count(report, "links/missing-file")).isZero();
    assertThat(Scans.stat(report, "links.internal.otherSection")).isEqualTo(25);
  }

  /**
   * The Vercel AI SDK's docs (round 44: 10 of 20 sampled links judged WRONG): number prefixes order the generated menu
   * and Docusaurus leaves them out of the routes; every numbered page is on that menu, so none is an orphan.
   */
  @Test
  void routesWithoutTheNumberPrefixesLeadToTheNumberedPages() throws IOException {
    String[][] pages = {{"03-ai-sdk-core", "05-generating-text"}, {"03-ai-sdk-core", "10-structured-data"},
        {"03-ai-sdk-core", "15-tools"}, {"04-ai-sdk-ui", "01-overview"}, {"04-ai-sdk-ui", "02-chatbot"},
        {"02-foundations", "03-prompts"}};
    for (String[] p : pages) {
      StringBuilder page = new StringBuilder("# " + p[1] + "\n\nText.\n\n");
      for (String[] other : pages) {
        if (other != p) {
          page.append("* [").append(other[1]).append("](/docs/").append(other[0].substring(3)).append('/')
              .append(other[1].substring(3)).append(")\n");
        }
      }
      write("docs/" + p[0] + "/" + p[1] + ".mdx", page.toString());
    }
    write("docs/02-foundations/04-unlinked.mdx", "# Unlinked\n\nSee [prompts](./prompts) and [none](/docs/ai-sdk-core/none).\n");
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat((String) routes.get("reason")).contains("number prefixes such as 03- left out");
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("links/missing-file"))
        .extracting(Finding::target).containsExactly("/docs/ai-sdk-core/none");
    assertThat(count(report, "completeness/orphan")).isZero();
  }

  /**
   * WorkOS's docs (round 46: 13 of 30 sampled links judged WRONG): a route goes on past its page with the slugs of the
   * page's headings, section by section ({@code /authkit/sessions/configuring-sessions/sign-out-redirect}), and a
   * glossary's terms are routes of their own ({@code /glossary/bearer-token}); a segment that names no heading of the
   * page is still reported.
   */
  @Test
  void aRouteMayGoOnWithThePagesHeadings() throws IOException {
    linkedPages("/", "/reference/api-", "authkit/index", "authkit/branding", "sso/index", "sso/domains",
        "fga/assignments");
    write("docs/authkit/sessions.mdx", "# Sessions\n\n## Configuring sessions\n\n### Sign-out redirect\n\nText.\n");
    write("docs/glossary.mdx", "# Glossary\n\n## Bearer Token\n\nA token.\n");
    write("docs/guide.mdx", "# Guide\n\nSee [redirect](/authkit/sessions/configuring-sessions/sign-out-redirect), "
        + "[token](/glossary/bearer-token), [a section](/authkit/sessions/configuring-sessions#sign-out-redirect) "
        + "and [no such](/authkit/sessions/configuring-sessions/no-such-heading).\n\n[Glossary](/glossary)\n");
    ScanReport report = Scans.run(corpus);
    assertThat(linkTargets(report)).containsExactly("/authkit/sessions/configuring-sessions/no-such-heading");
    assertThat(Scans.stat(report, "links.internal.headingRoute")).isEqualTo(3);
    // the pages a heading route lands on are linked: no orphans
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("completeness/orphan"))
        .extracting(Finding::path).containsExactly("docs/guide.mdx");
  }

  /**
   * LobeHub's docs (round 46: 2 of 30 sampled links judged WRONG, 80 such links): each page's translations lie side by
   * side ({@code start.zh-CN.mdx}), and the site serves a locale's page under its segment ({@code /zh/docs/start});
   * a route without one is the page in the site's default language, here only in its Chinese file.
   */
  @Test
  void aLocalesRouteLeadsToThePageInThatLocale() throws IOException {
    String[] pages = {"usage/start", "usage/help", "usage/agent/notebook", "self-hosting/auth", "self-hosting/faq"};
    for (String p : pages) {
      StringBuilder page = new StringBuilder("# " + p + "\n\n## 介绍\n\n");
      for (String other : pages) {
        if (!other.equals(p)) {
          page.append("* [").append(other).append("](/zh/docs/").append(other).append(")\n");
        }
      }
      write("docs/" + p + ".zh-CN.mdx", page.toString());
    }
    write("docs/self-hosting/auth/index.zh-CN.mdx", "# 认证\n\n[开始](/docs/usage/start#介绍)\n");
    write("docs/usage/typo.zh-CN.mdx", "# 错误\n\n[笔记本](/zh/docs/usage/agents/notebook)\n");
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat((String) routes.get("reason")).contains("a locale's pages by its segment such as /zh/");
    // the typo (agents for agent) stays reported; everything else lands
    assertThat(linkTargets(report)).containsExactly("/zh/docs/usage/agents/notebook");
  }

  /**
   * WorkOS's docs (round 46's corpus): each section's menu is a page whose front matter lists the routes
   * ({@code _navigation.mdx}: "- title: Sessions / url: /authkit/sessions"), and a route to a folder with no page of its
   * own is a listing the site generates ({@code /integrations}): the pages on either are no orphans, nor is the menu.
   */
  @Test
  void aFrontMatterMenuAndAGeneratedFolderListingLinkTheirPages() throws IOException {
    linkedPages("/", "/reference/api-", "authkit/index", "authkit/branding", "sso/index", "sso/domains",
        "fga/assignments");
    write("docs/authkit/_navigation.mdx", "---\ntitle: AuthKit\nlinks:\n  - title: Quick Start\n    url: /authkit\n"
        + "  - title: Sessions\n    url: /authkit/sessions\n---\n");
    write("docs/authkit/sessions.mdx", "# Sessions\n\nText.\n");
    write("docs/integrations/okta.mdx", "---\nbreadcrumb:\n  url: /integrations\n---\n\n# Okta\n\nText.\n");
    write("docs/integrations/google.mdx", "# Google\n\nText.\n");
    write("docs/sso/guide.mdx", "# Guide\n\nSee [the integrations](/integrations).\n");
    write("docs/fga/lonely.mdx", "# Lonely\n\nNobody links here.\n");
    ScanReport report = Scans.run(corpus);
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("completeness/orphan"))
        .extracting(Finding::path).containsExactlyInAnyOrder("docs/fga/lonely.mdx", "docs/sso/guide.mdx");
  }

  /**
   * A site (its links follow routes) whose menu the corpus does not hold and whose pages mostly nobody links: the
   * site builds its menu elsewhere, so the orphans are counted once, not reported one by one (LobeHub: 149 of 214).
   */
  @Test
  void aSiteWithoutItsMenuAndMostPagesUnlinkedReportsNoOrphans() throws IOException {
    linkedPages("/", "/reference/api-", "a/one", "a/two", "a/three", "b/four", "b/five");
    for (int i = 0; i < 12; i++) {
      write("docs/c/page" + i + ".md", "# Page " + i + "\n\nText.\n");
    }
    ScanReport report = Scans.run(corpus);
    assertThat(count(report, "completeness/orphan")).isZero();
    assertThat(Scans.stat(report, "completeness.orphans.notLinkedCorpus")).isEqualTo(12);
  }

  /**
   * mp-html's docs (round 47: 24 of 30 sampled links judged WRONG): a docsify site resolves a page's relative links
   * from the site's root folder, not the page's ({@code [插件](advanced/plugin)} in {@code changelog/changelog.md}), and
   * a heading's {@code :id=name} is its id; with {@code relativePath: true} the links are files again.
   */
  @Test
  void aDocsifySiteLeadsRelativeLinksFromItsRoot() throws IOException {
    write("docs/index.html", "<script>\n  window.$docsify = {\n    loadSidebar: true\n  }\n</script>\n");
    write("docs/README.md", "# mp-html\n\n[开始](overview/quickstart)\n");
    write("docs/overview/quickstart.md", "# 快速开始\n\n## 小程序方式 :id=mp\n\nText. See [插件](advanced/plugin#use).\n");
    write("docs/advanced/plugin.md", "# 插件\n\n## 使用 :id=use\n\nSee [方式](overview/quickstart#mp), [更新](changelog/changelog) "
        + "and [none](advanced/none).\n");
    write("docs/changelog/changelog.md", "# 更新日志\n\n[插件](advanced/plugin), [快速](/overview/quickstart#no-such).\n");
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat((String) routes.get("reason")).startsWith("detected: a docsify site (docs/index.html");
    assertThat(report.findings()).filteredOn(f -> f.rule().startsWith("links/"))
        .extracting(Finding::rule, Finding::target).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("links/missing-file", "advanced/none"),
            org.assertj.core.groups.Tuple.tuple("links/missing-anchor", "/overview/quickstart#no-such"));
    assertThat(count(report, "completeness/orphan")).isZero();

    write("docs/index.html", "<script>\n  window.$docsify = {\n    relativePath: true\n  }\n</script>\n");
    assertThat(count(Scans.run(corpus), "links/missing-file")).isEqualTo(7); // from each page's folder, as files
  }

  /**
   * Node.js's API docs (round 47: 50 of nodejs-api's 64 findings): the index links each page as the site built from
   * it serves it ({@code [File system](fs.html)} for {@code fs.md}) among links that are files; only those are read
   * as the site's: an extension-less link stays a file's, and an .html with no page behind it stays broken.
   */
  @Test
  void aCorpusThatLinksItsBuiltPagesHasOnlyThoseReadAsTheSites() throws IOException {
    StringBuilder index = new StringBuilder("# Index\n\n");
    for (int i = 0; i < 12; i++) {
      index.append("* [Module ").append(i).append("](m").append(i).append(".html)\n");
      StringBuilder page = new StringBuilder("# Module " + i + "\n\n");
      for (int j = 0; j < 12; j++) {
        page.append("* [Module ").append(j).append("](m").append(j).append(".md#module-").append(j).append(")\n");
      }
      write("api/m" + i + ".md", page.toString()); // links to files, most of the corpus's: no site's way of linking

    }
    index.append("* [Gone](gone.html)\n* [Typo](m1)\n");
    write("api/index.md", index.toString());
    ScanReport report = Scans.run(corpus);
    Map<String, Object> routes = siteRoutes(report);
    assertThat((String) routes.get("reason")).startsWith("detected: 12 of the 13 links to .html pages");
    assertThat(linkTargets(report)).containsExactlyInAnyOrder("gone.html", "m1");
  }

  /**
   * ServiceTitan's Docusaurus docs (round 48: 6 anchors, a link and 5 orphans judged WRONG): a page named as its folder
   * is the folder's page ({@code ../build} is {@code build/build.mdx}), and an MDX page's {@code {#id}} is its heading's
   * id.
   */
  @Test
  void aFolderNamedPageAndAnMdxHeadingsIdAreTheSites() throws IOException {
    linkedPages("/", "/reference/api-", "guide/install", "guide/setup", "guide/upgrade", "sso/index", "sso/domains");
    write("docs/startup/startup.mdx", "# Startup\n\nSee [build steps](./build#build-steps), [the config](./build#"
        + "serviceconfig) and [none](./build#no-such).\n");
    write("docs/startup/build/build.mdx", "# Build\n\n## Build Steps\n\nText.\n\n## Service config {#serviceconfig}\n\n"
        + "Text.\n");
    write("docs/guide/more.mdx", "# More\n\n[Startup](../startup/) and [its options](../startup/options.mdx#"
        + "provider-options)\n");
    // the AI SDK's reference pages: a component renders the properties, each with its own id
    write("docs/startup/options.mdx", "# Options\n\n<PropertiesTable\n  content={[{ name: 'providerOptions' }]}\n/>\n");
    ScanReport report = Scans.run(corpus);
    assertThat(linkTargets(report)).containsExactly("./build#no-such");
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("completeness/orphan"))
        .extracting(Finding::path).containsExactly("docs/guide/more.mdx");
  }

  /**
   * TDesign's uni-app pages (round 48: 5 of 30 sampled links judged WRONG): the site serves each folder's page at the
   * folder's address without a trailing slash, so {@code ./popup?tab=api} in {@code overlay/README.md} is the popup
   * page; a link to a component that is not there stays reported.
   */
  @Test
  void aFolderPageServedWithoutATrailingSlashLinksFromTheFolderAbove() throws IOException {
    String[] components = {"overlay", "popup", "button", "badge", "image", "loading"};
    for (String c : components) {
      StringBuilder page = new StringBuilder("# " + c + "\n\n## API\n\n");
      for (String other : components) {
        if (!other.equals(c)) {
          page.append("* [").append(other).append("](./").append(other).append("?tab=api)\n");
        }
      }
      write(c + "/README.md", page.toString());
    }
    write("swiper/README.md", "# swiper\n\n[nav](./swiper-nav?tab=api)\n");
    write("overlay/README.en-US.md", "# overlay\n\n[Popup](./popup?tab=api)\n"); // a folder page in a locale too
    ScanReport report = Scans.run(corpus);
    assertThat(linkTargets(report)).containsExactly("./swiper-nav?tab=api");
    assertThat(Scans.stat(report, "links.internal.fromSiteRoot")).isEqualTo(31);
  }

  /**
   * Chart.js's docs (VuePress, markdown-it-include): the axes page pastes in {@code _common.md}, whose heading is an
   * anchor of the page as the site shows it; an anchor neither has stays missing.
   */
  @Test
  void anAnchorOfAPieceThePagePastesInIsThePages() throws IOException {
    write("docs/axes/index.md", "# Axes\n\n## Common Configuration\n\n!!!include(axes/_common.md)!!!\n");
    write("docs/axes/_common.md", "### Common options to all axes\n\nText.\n");
    write("docs/samples/line.md", "# Line\n\nSee [the options](../axes/index.md#common-options-to-all-axes) and "
        + "[none](../axes/index.md#nope).\n");
    ScanReport report = Scans.run(corpus);
    assertThat(linkTargets(report)).containsExactly("../axes/index.md#nope");
    assertThat(Scans.stat(report, "links.internal.includedAnchor")).isEqualTo(1);
  }

  @Test
  void configuredNoneReadsTheLinksAsFilesAsGitHubDoes() throws IOException {
    npmLike();
    DocgateConfig config = DocgateConfig.parse("docgate.yaml", "links:\n  siteRoutes:\n    root: none\n");
    ScanReport report = Scans.run(corpus, config);
    assertThat(count(report, "links/missing-file")).isEqualTo(38);
    assertThat(((Map<?, ?>) report.stats().get("links")).containsKey("siteRoutes")).isFalse();
  }

  @Test
  void aCorpusWrittenForGitHubKeepsItsExtensionlessLinksReported() throws IOException {
    // 12 links without .md that a site would serve, among 150 that work on GitHub: under a tenth, not a site's way
    StringBuilder index = new StringBuilder("# Index\n\n");
    for (int i = 0; i < 150; i++) {
      index.append("* [page ").append(i).append("](pages/p").append(i % 15).append(".md)\n");
    }
    for (int i = 0; i < 12; i++) {
      index.append("* [page ").append(i).append("](pages/p").append(i).append(")\n");
    }
    write("README.md", index.toString());
    for (int i = 0; i < 15; i++) {
      write("pages/p" + i + ".md", "# Page " + i + "\n\nText.\n");
    }
    ScanReport report = Scans.run(corpus);
    assertThat(count(report, "links/missing-file")).isEqualTo(12);
    assertThat(((Map<?, ?>) report.stats().get("links")).containsKey("siteRoutes")).isFalse();
  }
}
