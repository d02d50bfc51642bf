package org.docgate.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed model of one Markdown file: everything validators need, nothing of the AST.
 *
 * @param path corpus-relative path with {@code /} separators
 * @param headings the Markdown headings
 * @param htmlHeadings the {@code <h1>}-{@code <h6>} elements written as raw HTML; their anchors are GitHub's, numbered
 *     for duplicates together with the Markdown headings (renderer profiles decide whether they count)
 * @param lists the bullet and ordered lists, nested ones too, in document order
 * @param source the decoded text it was parsed from (without a byte-order mark): renderers and checks that need the
 *     raw lines read them here, never from the disk again (a second read, and in the service a race with edits)
 */
public record MarkdownDocument(
    String path,
    int lineCount,
    List<Heading> headings,
    List<Heading> htmlHeadings,
    List<HtmlAnchor> htmlAnchors,
    List<Link> links,
    List<ReferenceDefinition> definitions,
    List<FootnoteReference> footnoteReferences,
    List<FootnoteDefinition> footnoteDefinitions,
    List<CodeBlock> codeBlocks,
    List<InlineCode> inlineCode,
    List<ProseRun> prose,
    List<Suppression> suppressions,
    List<ListBlock> lists,
    String source) {

  public MarkdownDocument {
    headings = List.copyOf(headings);
    htmlHeadings = List.copyOf(htmlHeadings);
    htmlAnchors = List.copyOf(htmlAnchors);
    links = List.copyOf(links);
    definitions = List.copyOf(definitions);
    footnoteReferences = List.copyOf(footnoteReferences);
    footnoteDefinitions = List.copyOf(footnoteDefinitions);
    codeBlocks = List.copyOf(codeBlocks);
    inlineCode = List.copyOf(inlineCode);
    prose = List.copyOf(prose);
    suppressions = List.copyOf(suppressions);
    lists = List.copyOf(lists);
  }

  /** The Markdown and raw HTML headings together, in document order (GitHub numbers duplicates over both). */
  public List<Heading> allHeadings() {
    if (htmlHeadings.isEmpty()) {
      return headings;
    }
    List<Heading> all = new ArrayList<>(headings);
    all.addAll(htmlHeadings);
    all.sort(Comparator.comparingInt((Heading h) -> h.position().line()).thenComparingInt(h -> h.position().column()));
    return all;
  }

  /** The source's lines, 1-based line n at index n-1 (line breaks {@code \n}, {@code \r\n} or {@code \r}). */
  public List<String> sourceLines() {
    return source.lines().toList();
  }

  /** The number of lines the front matter takes at the top, or 0 ({@link MarkdownlintComments#frontMatterEnd}). */
  public int frontMatterEnd() {
    return MarkdownlintComments.frontMatterEnd(source);
  }

  /** Front-matter keys whose value a site shows as the page's title or menu label (Hugo, Jekyll, Docusaurus, Mintlify). */
  private static final Pattern TITLE_KEY = Pattern.compile(
      "^(?:title|linkTitle|linktitle|sidebar_label|sidebarTitle|nav_title)[ \\t]*:[ \\t]*([^\\s\\[{|>&*!#%@`].*?)[ \\t]*$");

  /**
   * The one-line titles of the front matter ({@code title: "Kubectl 命令概览"}) as heading runs at their value's line
   * and column, quotes left out: the site shows them as the page's title, where the page itself often has no H1 (the
   * Kubernetes handbook's Hugo pages). Not a title a heading of the page repeats. Empty without front matter.
   */
  public List<ProseRun> frontMatterTitles() {
    int end = frontMatterEnd();
    if (end == 0) {
      return List.of();
    }
    List<ProseRun> out = new ArrayList<>();
    java.util.Iterator<String> it = source.lines().iterator();
    for (int line = 1; line <= end && it.hasNext(); line++) {
      String text = it.next();
      Matcher m = TITLE_KEY.matcher(text);
      if (line == 1 || !m.matches()) {
        continue;
      }
      int start = m.start(1);
      int stop = m.end(1);
      char q = text.charAt(start);
      if (q == '"' || q == '\'') {
        if (stop - start < 3 || text.charAt(stop - 1) != q) {
          continue;
        }
        start++;
        stop--;
      }
      String title = text.substring(start, stop);
      if (headings.stream().noneMatch(h -> h.text().strip().equals(title.strip()))) {
        // a page that repeats its title as a heading (Hugo's generated command pages) has it judged there
        out.add(new ProseRun(title, ProseRun.Scope.HEADING, new Position(line, start + 1)));
      }
    }
    return out;
  }

  /** This document with its {@link #frontMatterTitles} as prose before the rest: what its site shows first. */
  public MarkdownDocument withTitlesAsProse() {
    List<ProseRun> titles = frontMatterTitles();
    if (titles.isEmpty()) {
      return this;
    }
    List<ProseRun> all = new ArrayList<>(titles);
    all.addAll(prose);
    return new MarkdownDocument(path, lineCount, headings, htmlHeadings, htmlAnchors, links, definitions,
        footnoteReferences, footnoteDefinitions, codeBlocks, inlineCode, all, suppressions, lists, source);
  }

  /** Whether an inline comment silences {@code rule} on {@code line}. */
  public boolean isSuppressed(String rule, int line) {
    for (Suppression s : suppressions) {
      if (s.silences(rule, line)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every fragment that lands somewhere in this document on GitHub: heading anchors (Markdown and raw HTML),
   * explicit HTML anchors and the ids of rendered footnotes.
   */
  public Set<String> anchors() {
    Set<String> all = new LinkedHashSet<>();
    headings.forEach(h -> all.add(h.anchor()));
    htmlHeadings.forEach(h -> all.add(h.anchor()));
    htmlAnchors.forEach(a -> all.add(a.id()));
    all.addAll(FootnoteIds.of(footnoteReferences));
    return all;
  }
}
