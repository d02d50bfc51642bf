package org.docgate.markdown;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed model of one Markdown file: everything validators need, nothing of the AST.
 *
 * @param path corpus-relative path with {@code /} separators
 */
public record MarkdownDocument(
    String path,
    int lineCount,
    List<Heading> headings,
    List<HtmlAnchor> htmlAnchors,
    List<Link> links,
    List<ReferenceDefinition> definitions,
    List<CodeBlock> codeBlocks,
    List<ProseRun> prose) {

  public MarkdownDocument {
    headings = List.copyOf(headings);
    htmlAnchors = List.copyOf(htmlAnchors);
    links = List.copyOf(links);
    definitions = List.copyOf(definitions);
    codeBlocks = List.copyOf(codeBlocks);
    prose = List.copyOf(prose);
  }

  /** Every fragment that lands somewhere in this document: heading anchors and explicit HTML anchors. */
  public Set<String> anchors() {
    Set<String> all = new LinkedHashSet<>();
    headings.forEach(h -> all.add(h.anchor()));
    htmlAnchors.forEach(a -> all.add(a.id()));
    return all;
  }
}
