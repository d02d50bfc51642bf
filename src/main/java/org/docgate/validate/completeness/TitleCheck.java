package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
import org.docgate.finding.Finding;
import org.docgate.markdown.Heading;
import org.docgate.markdown.Position;

/**
 * {@code completeness/missing-title} (no H1; with {@code titles.singleH1}, also a second H1) and
 * {@code completeness/heading-skip} (a heading more than one level deeper than the one before it).
 *
 * <p>An HTML {@code <h1>} (centred README banners) and a front-matter {@code title:} or {@code name:} are titles
 * too; the model keeps no text of raw HTML, so they are looked up on the raw lines, outside code blocks.
 */
final class TitleCheck {
  private static final Pattern HTML_H1 = Pattern.compile("<h1[\\s>]", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_HEADING = Pattern.compile("<h[1-6][\\s>]", Pattern.CASE_INSENSITIVE);
  /** A Markdown image or an HTML {@code <img>} (a logo). */
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(|<img\\s", Pattern.CASE_INSENSITIVE);
  /** An include directive: MyST's, a Jekyll or Liquid include, MkDocs snippets', Hugo's readfile. */
  private static final Pattern INCLUDE = Pattern.compile(
      "^(?:[`:]{3,}\\s*\\{include}|\\{%-?\\s*include|-{2}8<-{2}|\\{\\{[<%]\\s*readfile)");

  /**
   * Whether the document's first content (after front matter, blank lines, HTML comments and MyST's {@code %} comment
   * lines) is an include directive: the included file brings the title (LXD's contributing.md includes the project's
   * CONTRIBUTING.md; round 48: judged WRONG as untitled).
   */
  private static boolean opensWithInclude(DocumentContext ctx) {
    List<String> lines = ctx.doc.sourceLines();
    for (int i = ctx.doc.frontMatterEnd(); i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("%") || line.startsWith("<!--") && line.endsWith("-->")) {
        continue;
      }
      return INCLUDE.matcher(line).find();
    }
    return false;
  }

  /** A line of status badges (shields.io, a CI's badge.svg): no logo, no title. */
  private static final Pattern BADGE = Pattern.compile("badge|shields\\.io|\\.svg\\?branch=", Pattern.CASE_INSENSITIVE);
  /** A list item that is one link: a line of a SUMMARY.md or a sidebar. */
  private static final Pattern NAV_ITEM = Pattern.compile("(?:[-*+]|\\d+[.)])\\s+\\[[^\\]]*\\]\\([^)]*\\)\\s*");
  private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("^(title|name)\\s*:\\s*\\S.*");

  List<Finding> check(DocumentContext ctx) {
    List<Finding> findings = new ArrayList<>();
    List<Heading> h1 = ctx.doc.headings().stream().filter(h -> h.level() == 1).toList();
    if (h1.isEmpty() && !hasTitleOutsideMarkdown(ctx)) {
      Position at = firstContent(ctx);
      if (!ctx.markdownlint().applies("MD041", ctx.doc, at.line())) {
        ctx.exempt("markdownlint"); // the maintainers turned MD041 off: pages without a title are their choice
      } else if (Redirect.of(ctx, ctx.config.redirects()) != null) {
        ctx.exempt("redirect"); // a "moved to" note or a symbolic link checked out as a file is not a page
      } else if (isNavigation(ctx)) {
        ctx.exempt("navigation"); // a GitBook SUMMARY.md or a sidebar: a list of links, which a reader never reads
      } else if (ctx.isLog()) {
        ctx.exempt("log"); // a changelog's entries are its headings ("## Rails 6.1.7 ##": round 28, NOFIX)
      } else if (ctx.config.needsNoTitle(ctx.doc.path())) {
        ctx.exempt("untitled"); // a licence's legal text
      } else if (opensWithInclude(ctx)) {
        ctx.exempt("included"); // "```{include} ../CONTRIBUTING.md" first: the included file brings the title (LXD)
      } else if (opensWithLogo(ctx)) {
        ctx.exempt("logoBanner"); // <p align="center"><img alt="docsify" ...></p>: the project's logo is its title
      } else if (headingsBelowH2(ctx.doc.headings()) || inSourceString(ctx)) { // a fragment (no title outside Markdown)
        ctx.exempt("fragment"); // "#### --publish, -p": a piece a build pastes under another page's section
      } else {
        String why = ctx.doc.headings().isEmpty() ? "the document has no headings at all"
            : "its first heading is '" + ctx.doc.headings().get(0).text() + "' (H"
                + ctx.doc.headings().get(0).level() + ")";
        findings.add(ctx.finding("completeness/missing-title", at, "no H1 title: " + why));
      }
    } else if (h1.size() > 1 && ctx.config.singleH1()) {
      Heading second = h1.get(1);
      findings.add(ctx.finding("completeness/missing-title", second.position(),
          "a second H1 '" + second.text() + "' (the title is '" + h1.get(0).text() + "'); make it an H2"));
    }
    TemplateLayout layout = ctx.config.isTemplate(ctx.doc.path()) ? null : TemplateLayout.of(ctx.index, ctx.config);
    Set<Heading> stray = strayTitles(ctx.doc.headings());
    // a changelog's headings are its generator's ("# 4.8.0 (2021-08-15)" for a minor release, "## 4.7.2" for a patch,
    // "### Bug Fixes" under either: conventional-changelog in webpack-cli, judged WRONG and NOFIX in round 26)
    boolean log = ctx.isLog();
    for (Heading h : stray) {
      if (!ctx.markdownlint().applies("MD001", ctx.doc, h.position().line())) {
        ctx.exempt("markdownlint");
        continue;
      }
      if (log) {
        ctx.exempt("log");
        continue;
      }
      List<Heading> all = ctx.doc.headings();
      int i = all.indexOf(h);
      Heading before = all.get(i - 1);
      while (stray.contains(before)) {
        before = all.get(all.indexOf(before) - 1);
      }
      findings.add(ctx.finding("completeness/heading-skip", h.position(), "H1 '" + h.text() + "' inside section '"
          + before.text() + "' (H" + before.level() + "), whose headings go on at H" + before.level()
          + " after it: a stray title-level heading; make it H" + (before.level() + 1)));
    }
    TemplateLayout.forEachSkip(ctx.doc.headings(), (above, h) -> {
      if (!ctx.markdownlint().applies("MD001", ctx.doc, h.position().line())) {
        ctx.exempt("markdownlint");
      } else if (log) {
        ctx.exempt("log");
      } else if (stray.contains(above)) {
        ctx.exempt("strayHeading"); // the skip after a stray H1 is that H1's fault, reported on it
      } else if (layout != null && layout.prescribes(above, h)) {
        ctx.exempt("templateLayout");
      } else if (inSteps(ctx, h.position().line())) {
        ctx.exempt("stepsComponent");
      } else {
        findings.add(ctx.finding("completeness/heading-skip", h.position(), "H" + above.level() + " → H"
            + h.level() + ": '" + h.text() + "' skips heading level " + (above.level() + 1)));
      }
    });
    return findings;
  }

  /** A line that opens or closes a steps component: {@code <Steps>}, {@code </Steps>}. */
  private static final java.util.regex.Pattern STEPS_TAG = java.util.regex.Pattern.compile("^\\s*<(/?)Steps\\b[^<>]*>\\s*$");

  /**
   * Whether a line is inside an MDX {@code <Steps>} component, whose steps are written as H3 whatever the outline
   * around them (Nextra's and LobeHub's convention: the component numbers its {@code ###} headings; 16 heading skips
   * judged WRONG in round 46, where CommonMark also read the tag and the first step as one HTML block).
   */
  static boolean inSteps(DocumentContext ctx, int line) {
    for (int i = line - 1; i >= 1; i--) {
      String text = ctx.line(i);
      java.util.regex.Matcher m = text == null ? null : STEPS_TAG.matcher(text);
      if (m != null && m.matches()) {
        return m.group(1).isEmpty(); // the nearest tag above: an opening one
      }
    }
    return false;
  }

  /**
   * H1s that interrupt a section: the document has an H1 title, and a later run of H1s sits between headings of H3
   * or deeper ("### Graduation Criteria", "# Alpha -> Beta", "# Beta -> GA", "### Test plan"). The author used the
   * title level for sub-points of the section; the skip from the last of them to the H3 after it is their fault.
   * A second H1 followed by its own H2 sections is a second part, not this.
   */
  static Set<Heading> strayTitles(List<Heading> headings) {
    Set<Heading> stray = new HashSet<>();
    if (headings.isEmpty() || headings.get(0).level() != 1) {
      return stray;
    }
    int i = 1;
    while (i < headings.size()) {
      if (headings.get(i).level() != 1 || headings.get(i - 1).level() < 3) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < headings.size() && headings.get(j + 1).level() == 1) {
        j++;
      }
      if (j + 1 < headings.size() && headings.get(j + 1).level() >= 3) {
        stray.addAll(headings.subList(i, j + 1));
      }
      i = j + 1;
    }
    return stray;
  }

  /**
   * Whether the document is a navigation file: no headings, and every line a reader would see is a list item that is a
   * link ("- [Pod 概览](pod/overview/index.md)"), as in a GitBook {@code SUMMARY.md} or a sidebar file. It has no title
   * by design; a page with any prose or heading is not one.
   */
  static boolean isNavigation(DocumentContext ctx) {
    if (!ctx.doc.headings().isEmpty()) {
      return false;
    }
    List<String> lines = ctx.lines().orElse(List.of());
    int links = 0;
    int labels = 0;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || ctx.inFrontMatter(i + 1) || (text.startsWith("<!--") && text.endsWith("-->"))) {
        continue;
      }
      if (NAV_ITEM.matcher(text).matches()) {
        links++;
      } else if (NAV_LABEL.matcher(text).matches()) {
        labels++; // "- 基础" over its links: a group of a docsify sidebar (vue-amap's _sidebar.md, round 28)
      } else {
        return false;
      }
    }
    return links > 0 && labels <= links;
  }

  /** A list item that is a short label, no sentence: the name of a group of navigation links. */
  private static final Pattern NAV_LABEL = Pattern.compile("(?:[-*+]|\\d+[.)])\\s+[^.。:：\\[\\]()]{1,30}");

  /**
   * Whether the document opens with a banner: before its first heading (or in a document without headings), an image
   * (the project's logo, {@code ![x](logo.svg)} or {@code <img ...>}; a line of status badges is none) and no HTML
   * heading. READMEs of npm packages
   * open so (date-fns, docsify, hexo-theme-fluid, pinyin-pro: judged NOFIX in round 23, "the logo serves as title");
   * one whose banner holds an HTML {@code <h3>} title (uview-plus, judged RIGHT: "should be an H1") is still reported.
   */
  static boolean opensWithLogo(DocumentContext ctx) {
    List<String> lines = ctx.lines().orElse(List.of());
    int end = ctx.doc.headings().isEmpty() ? lines.size()
        : Math.min(lines.size(), ctx.doc.headings().get(0).position().line() - 1);
    boolean image = false;
    for (int i = 0; i < end; i++) {
      String line = lines.get(i);
      if (ctx.inFrontMatter(i + 1) || ctx.insideCodeBlock(i + 1)) {
        continue;
      }
      if (HTML_HEADING.matcher(line).find()) {
        return false;
      }
      image |= IMAGE.matcher(line).find() && !BADGE.matcher(line).find();
    }
    return image;
  }

  /** Where a finding about the whole document goes: its first heading (the title line), else line 1. */
  static Position titleLine(DocumentContext ctx) {
    return ctx.doc.headings().isEmpty() ? new Position(1, 1) : ctx.doc.headings().get(0).position();
  }

  /**
   * Where a missing title belongs, as markdownlint's MD041 reports it: the first line a reader sees (not front matter,
   * blank lines or HTML comments). A KEP whose title line lost its "#" (" KEP-3695: ...") or that opens with its table
   * of contents is reported at the top, not at its first heading 30 lines below.
   */
  static Position firstContent(DocumentContext ctx) {
    List<String> lines = ctx.lines().orElse(List.of());
    boolean inComment = false;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (inComment) {
        inComment = !text.contains("-->");
        if (inComment || text.substring(text.indexOf("-->") + 3).isBlank()) {
          continue;
        }
        return new Position(i + 1, 1);
      }
      if (text.isEmpty() || ctx.inFrontMatter(i + 1)) {
        continue;
      }
      if (text.startsWith("<!--")) {
        int close = text.indexOf("-->", 4);
        if (close < 0) {
          inComment = true;
          continue;
        }
        if (text.substring(close + 3).isBlank()) {
          continue;
        }
      }
      String raw = lines.get(i);
      return new Position(i + 1, raw.length() - raw.stripLeading().length() + 1);
    }
    return titleLine(ctx);
  }

  /**
   * A fragment: a document whose headings all sit at H3 or deeper (podman's {@code options/*.md}, each one
   * {@code #### --option} that its build pastes under the {@code ## OPTIONS} of several man pages; judged WRONG as
   * orphans and untitled pages in round 26). A page a reader opens starts at H1 or H2, or has its title outside
   * Markdown (npm's command pages: front matter {@code title: npm-get}, then {@code ### Synopsis}).
   */
  static boolean isFragment(DocumentContext ctx) {
    return headingsBelowH2(ctx.doc.headings()) && !hasTitleOutsideMarkdown(ctx) || inSourceString(ctx);
  }

  /**
   * A document that opens a C++ raw string ({@code R""(}): a piece the program's source includes and prints in a
   * generated page (Nix's {@code src/nix/*.md}, four judged WRONG as orphans in round 30).
   */
  static boolean inSourceString(DocumentContext ctx) {
    List<String> lines = ctx.lines().orElse(List.of());
    return !lines.isEmpty() && RAW_STRING.matcher(lines.get(0).strip()).matches();
  }

  private static final Pattern RAW_STRING = Pattern.compile("R\"[^(\\s]*\\(");

  /** The document has headings, all at H3 or deeper. */
  private static boolean headingsBelowH2(List<Heading> headings) {
    return !headings.isEmpty() && headings.stream().allMatch(h -> h.level() >= 3);
  }

  /** A Pandoc title block's first line ({@code % podman-image-mount 1}, go-md2man's man pages): the page's title. */
  private static final Pattern PANDOC_TITLE = Pattern.compile("%\\s*\\S.*");

  private static boolean hasTitleOutsideMarkdown(DocumentContext ctx) {
    List<String> lines = ctx.lines().orElse(List.of());
    if (!lines.isEmpty() && PANDOC_TITLE.matcher(lines.get(0)).matches()) {
      return true;
    }
    if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
      for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
        if (FRONT_MATTER_TITLE.matcher(lines.get(i).strip().toLowerCase(Locale.ROOT)).matches()) {
          return true;
        }
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (HTML_H1.matcher(lines.get(i)).find() && !ctx.insideCodeBlock(i + 1)) {
        return true;
      }
    }
    return false;
  }
}
