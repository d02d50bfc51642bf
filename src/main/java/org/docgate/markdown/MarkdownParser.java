package org.docgate.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.KeepType;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Markdown into a {@link MarkdownDocument}. One flexmark {@link Parser} is shared (it is thread-safe); all
 * per-document state lives in a {@link Builder}, so one instance serves every thread.
 */
public final class MarkdownParser {
  private static final Parser PARSER = createParser(true, true);
  /** For MDX pages: MDX has no indented code blocks (its JSX children are indented). */
  private static final Parser MDX_PARSER = createParser(true, false);
  /** For re-reading a "definition" that CommonMark does not accept as one: without spaces in destinations. */
  private static final Parser NO_SPACES_PARSER = createParser(false, true);
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern EXPLICIT_REFERENCE = Pattern.compile("(?s)!?\\[.*]\\s*\\[.*]");
  private static final Pattern SUPPRESSION =
      Pattern.compile("<!--\\s*docgate-(disable-next-line|disable-line|disable-file|disable|enable)(?![\\w-])"
          + "([^>]*?)\\s*-->");

  /** The key of an open {@code docgate-disable} block that names no rule (every rule). */
  private static final String EVERY_RULE = "";

  private static Parser createParser(boolean spacesInDestinations, boolean indentedCode) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.INDENTED_CODE_BLOCK_PARSER, indentedCode);
    options.set(Parser.EXTENSIONS,
        List.of(TablesExtension.create(), AutolinkExtension.create(), FootnoteExtension.create()));
    // Angle-bracket destinations may hold spaces (<dir/file one.md>); flexmark then also accepts a bare space in an
    // unbracketed one, which CommonMark does not: Builder drops those (see isSpacedBareDestination).
    options.set(Parser.SPACE_IN_LINK_URLS, spacesInDestinations);
    // cmark-gfm keeps the first of two definitions with one label
    options.set(FootnoteExtension.FOOTNOTES_KEEP, KeepType.FIRST);
    options.set(Parser.REFERENCES_KEEP, KeepType.FIRST);
    return Parser.builder(options).build();
  }

  /** Parses one document; {@code text} must already be decoded and free of a byte-order mark. */
  public MarkdownDocument parse(String path, String text) {
    Document root = isMdx(path)
        ? MDX_PARSER.parse(MdxSyntax.blanked(withoutFrontMatter(text)))
        : PARSER.parse(DoxygenBlocks.asFences(withoutFrontMatter(text)));
    return new Builder(path, text).build(root);
  }

  /** An MDX page: JSX and ESM in Markdown (Docusaurus, Nextra, Mintlify, Rspress). */
  static boolean isMdx(String path) {
    return path.regionMatches(true, path.length() - 4, ".mdx", 0, 4);
  }

  /**
   * The text with a YAML front matter block at its top ({@code ---} ... {@code ---}) blanked, characters for spaces,
   * so that offsets and lines stay the document's. GitHub shows front matter as a table, not as Markdown; parsed as
   * Markdown its last line made a setext heading ("group: utilities" over "---": an H2 that Bootstrap's and Hugo sites'
   * every page then skipped from, judged WRONG in round 24). Its {@code title:} is read where titles are checked.
   */
  static String withoutFrontMatter(String text) {
    if (!text.startsWith("---")) {
      return text;
    }
    int lines = MarkdownlintComments.frontMatterEnd(text);
    if (lines == 0) {
      return text;
    }
    char[] out = text.toCharArray();
    int line = 1;
    for (int i = 0; i < out.length && line <= lines; i++) {
      char c = out[i];
      if (c == '\n') {
        line++;
      } else if (c != '\r') {
        out[i] = ' ';
      }
    }
    return new String(out);
  }

  private static final class Builder {
    private final String path;
    private final String text;
    private final LineIndex lines;
    private final Slugger slugger = new Slugger();
    private final List<org.docgate.markdown.Heading> headings = new ArrayList<>();
    private final List<org.docgate.markdown.Heading> htmlHeadings = new ArrayList<>();
    private final List<HtmlAnchor> htmlAnchors = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<ReferenceDefinition> definitions = new ArrayList<>();
    private final List<FootnoteReference> footnoteReferences = new ArrayList<>();
    private final List<FootnoteDefinition> footnoteDefinitions = new ArrayList<>();
    /** Source offsets [from, until) taken into a link re-read from the source: nodes starting there are skipped. */
    private int consumedFrom = -1;
    private int consumedUntil = -1;
    /** Where the text being walked starts in the document: 0, except while walking a re-read part of it. */
    private int base = 0;
    /**
     * Link reference definitions by normalised label, the first valid one of each: flexmark's own lookup would take a
     * "definition" with a bare space ({@code [a]: some text}), which CommonMark reads as a paragraph.
     */
    private final Map<String, Reference> definitionsByLabel = new HashMap<>();
    /** Footnote definitions by normalised label. */
    private final Map<String, FootnoteBlock> footnotesByLabel = new HashMap<>();
    private final List<CodeBlock> codeBlocks = new ArrayList<>();
    private final List<InlineCode> inlineCode = new ArrayList<>();
    private final List<ProseRun> prose = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<ListBlock> lists = new ArrayList<>();
    /** Rule id (or {@link #EVERY_RULE}) to the line of the {@code docgate-disable} that opened its block. */
    private final Map<String, Integer> openBlocks = new java.util.LinkedHashMap<>();

    Builder(String path, String text) {
      this.path = path;
      this.text = text;
      this.lines = new LineIndex(text);
    }

    /** A node to visit and the scope its text belongs to (null: not prose). */
    private record Visit(Node node, ProseRun.Scope scope) {}

    MarkdownDocument build(Document root) {
      collectDefinitions(root);
      walk(root);
      closeOpenBlocks();
      return new MarkdownDocument(
          path, lines.lineCount(), headings, htmlHeadings, htmlAnchors, links, definitions, footnoteReferences, footnoteDefinitions,
          codeBlocks, inlineCode, prose, suppressions, lists, text);
    }

    private void walk(Node root) {
      // An explicit stack instead of recursion: a 10,000-deep blockquote must not overflow the thread's stack.
      Deque<Visit> stack = new ArrayDeque<>();
      stack.push(new Visit(root, ProseRun.Scope.PARAGRAPH));
      while (!stack.isEmpty()) {
        Visit visit = stack.pop();
        Children children = visitNode(visit.node(), visit.scope());
        if (children != SKIP_CHILDREN) {
          for (Node child = visit.node().getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(new Visit(child, children.scope()));
          }
        }
      }
    }

    /** How to walk a node's children: the scope their text belongs to (null: not prose). */
    private record Children(ProseRun.Scope scope) {}

    /** Marker: do not walk into this node's children. */
    private static final Children SKIP_CHILDREN = null;

    private static final Children HEADING = new Children(ProseRun.Scope.HEADING);
    private static final Children TABLE = new Children(ProseRun.Scope.TABLE);
    private static final Children LINK_TEXT = new Children(ProseRun.Scope.LINK_TEXT);
    private static final Children ALT_TEXT = new Children(ProseRun.Scope.ALT_TEXT);

    /** Visits one node; returns how to walk its children, or {@link #SKIP_CHILDREN}. */
    private Children visitNode(Node node, ProseRun.Scope scope) {
      if (offset(node) >= consumedFrom && offset(node) < consumedUntil) {
        // taken into the re-read link; a text run that goes on past it may hold more links
        return base + node.getEndOffset() > consumedUntil && !(node instanceof Text) ? new Children(scope) : SKIP_CHILDREN;
      }
      if (node instanceof Text text) {
        if (scope != null && !text.getChars().isBlank()) {
          prose.add(proseRun(text.getChars(), scope, pos(text)));
        }
        return SKIP_CHILDREN;
      }
      if (node instanceof Heading heading) {
        String rendered = HeadingText.of(heading);
        headings.add(new org.docgate.markdown.Heading(heading.getLevel(), rendered, slugger.slug(rendered), pos(heading)));
        return HEADING;
      }
      if (node instanceof TableBlock) {
        return TABLE;
      }
      if (node instanceof com.vladsch.flexmark.ast.ListBlock list) {
        lists.add(listBlock(list));
        return new Children(scope);
      }
      if (node instanceof FencedCodeBlock fence) {
        String comment = fence.getPrevious() instanceof HtmlCommentBlock c ? c.getChars().toString().strip() : "";
        codeBlocks.add(codeBlock(true, fence.getInfo().toString(), fence.getContentChars(), lines.line(offset(fence)),
            lastLine(fence), !fence.getClosingMarker().isEmpty(), comment));
        return SKIP_CHILDREN;
      }
      if (node instanceof IndentedCodeBlock block) {
        codeBlocks.add(codeBlock(false, "", block.getContentChars(), lines.line(offset(block)), lastLine(block), true,
            ""));
        return SKIP_CHILDREN;
      }
      if (node instanceof Code code) {
        inlineCode.add(new InlineCode(code.getText().toString(), pos(code)));
        return SKIP_CHILDREN;
      }
      if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
        visitComment(node);
        return SKIP_CHILDREN;
      }
      if (node instanceof MailLink mail) {
        // GitHub links e-mail addresses, bare or in <...>, to mailto:
        String written = mail.getText().toString();
        boolean angle = !mail.getOpeningMarker().isEmpty();
        String address = angle ? written : BareUrls.githubEmail(written);
        if (address != null) {
          Position at = angle ? pos(mail) : lines.position(offset(mail) + written.indexOf(address));
          links.add(new Link(angle ? LinkKind.AUTOLINK : LinkKind.BARE_URL, address, "mailto:" + address, address,
              null, true, at));
        }
        return SKIP_CHILDREN;
      }
      if (node instanceof HtmlEntity) {
        return SKIP_CHILDREN;
      }
      if (node instanceof com.vladsch.flexmark.ast.Link link) {
        if (isSpacedBareDestination(link.getUrlOpeningMarker(), link.getUrl())) {
          return shortcutOrText(LinkKind.REFERENCE, link.getText(), link, LINK_TEXT, scope);
        }
        addLink(LinkKind.INLINE, link.getUrl().toString(), link.getText().toString(), null, true, link);
        return LINK_TEXT;
      }
      if (node instanceof Image image) {
        if (isSpacedBareDestination(image.getUrlOpeningMarker(), image.getUrl())) {
          return shortcutOrText(LinkKind.IMAGE, image.getText(), image, ALT_TEXT, scope);
        }
        addLink(LinkKind.IMAGE, image.getUrl().toString(), image.getText().toString(), null, true, image);
        return ALT_TEXT;
      }
      if (node instanceof Footnote footnote) {
        FootnoteBlock block = footnoteDefinition(footnote.getText().toString());
        String label = block != null ? block.getText().toString() : footnote.getText().toString();
        footnoteReferences.add(new FootnoteReference(label, block != null, null, pos(footnote)));
        return SKIP_CHILDREN;
      }
      if (node instanceof FootnoteBlock block) {
        footnoteDefinitions.add(new FootnoteDefinition(block.getText().toString(), pos(block), lastLine(block)));
        return new Children(ProseRun.Scope.PARAGRAPH);
      }
      if (node instanceof ImageRef ref) {
        return visitReference(ref, LinkKind.IMAGE, ALT_TEXT, scope);
      }
      if (node instanceof LinkRef ref) {
        return visitReference(ref, LinkKind.REFERENCE, LINK_TEXT, scope);
      }
      if (node instanceof Reference def) {
        if (isSpacedBareDestination(def.getUrlOpeningMarker(), def.getUrl())) {
          rereadAsParagraph(def); // not a definition in CommonMark: a paragraph of text
          return SKIP_CHILDREN;
        }
        String raw = def.getUrl().toString();
        definitions.add(new ReferenceDefinition(def.getReference().toString(), raw, Escaping.unescapeString(raw), pos(def)));
        links.add(new Link(LinkKind.DEFINITION, raw, Escaping.unescapeString(raw), def.getReference().toString(),
            null, true, pos(def)));
        return SKIP_CHILDREN;
      }
      if (node instanceof AutoLink auto) {
        boolean angle = !auto.getOpeningMarker().isEmpty();
        String url = auto.getText().toString();
        if (angle) {
          links.add(new Link(LinkKind.AUTOLINK, url, url, url, null, true, pos(auto)));
        } else {
          int start = auto.getStartOffset();
          int before = start == 0 ? -1 : auto.getChars().getBaseSequence().charAt(start - 1);
          String destination = BareUrls.githubDestination(url, before);
          if (destination != null) {
            String written = url.startsWith("www.") ? destination.substring("http://".length()) : destination;
            links.add(new Link(LinkKind.BARE_URL, written, destination, written, null, true, pos(auto)));
          }
        }
        return SKIP_CHILDREN;
      }
      if (node instanceof HtmlBlock || node instanceof HtmlInline) {
        visitHtml(node);
        return SKIP_CHILDREN;
      }
      if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        return SKIP_CHILDREN;
      }
      return new Children(scope);
    }

    private Children visitReference(
        com.vladsch.flexmark.ast.RefNode ref, LinkKind kind, Children linkScope, ProseRun.Scope outer) {
      Reference definition = definitionsByLabel.get(normalizeLabel(ref.getReference()));
      boolean explicit = EXPLICIT_REFERENCE.matcher(ref.getChars()).matches();
      String label = ref.getReference().toString();
      if (definition == null && kind == LinkKind.REFERENCE && explicit && label.startsWith("^")) {
        // [text][^note]: cmark-gfm shows "[text]" and then footnote ^note (or all of it literally when undefined)
        FootnoteBlock block = footnoteDefinition(label.substring(1));
        footnoteReferences.add(new FootnoteReference(block != null ? block.getText().toString() : label.substring(1),
            block != null, ref.getText().toString(), pos(ref)));
        return new Children(outer);
      }
      if (definition == null && explicit && followedByInlineDestination(ref)) {
        // [Bob][ see this](url): the label is undefined, so "[Bob]" is text and "[ see this](url)" an inline link
        return readInlineLinkAfter(ref, outer);
      }
      if (definition != null) {
        String raw = definition.getUrl().toString();
        links.add(new Link(kind, raw, Escaping.unescapeString(raw), ref.getText().toString(),
            ref.getReference().toString(), true, pos(ref)));
        return linkScope;
      }
      if (explicit && !followsWordCharacter(ref)) {
        // GitHub renders it as literal text, but the author meant a link: record the attempt.
        links.add(new Link(kind, "", "", ref.getText().toString(), ref.getReference().toString(), false, pos(ref)));
      }
      return new Children(outer);
    }

    /**
     * A destination written without angle brackets may not contain spaces in CommonMark ({@code [a](x y.md)} is
     * text); flexmark accepts it once SPACE_IN_LINK_URLS is on, which the bracketed form needs.
     */
    private static boolean isSpacedBareDestination(CharSequence openingMarker, CharSequence url) {
      if (openingMarker.length() > 0) {
        return false;
      }
      for (int i = 0; i < url.length(); i++) {
        if (Character.isWhitespace(url.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    /**
     * {@code [a](x y.md)} is no inline link in CommonMark: {@code [a]} is a shortcut reference when {@code a} is
     * defined (the parenthesis then is text), else all of it is text.
     */
    private Children shortcutOrText(LinkKind kind, CharSequence text, Node node, Children linkScope,
        ProseRun.Scope outer) {
      Reference definition = definitionsByLabel.get(normalizeLabel(text));
      if (definition == null) {
        return new Children(outer);
      }
      String raw = definition.getUrl().toString();
      links.add(new Link(kind, raw, Escaping.unescapeString(raw), text.toString(), text.toString(), true, pos(node)));
      return linkScope;
    }

    private static boolean followedByInlineDestination(Node ref) {
      CharSequence source = ref.getChars().getBaseSequence();
      int end = ref.getEndOffset();
      return end < source.length() && source.charAt(end) == '(';
    }

    /**
     * Re-reads {@code [text](destination)} from the second bracket of an undefined {@code [a][text]}: flexmark took
     * the brackets as one reference and the parenthesis as text, cmark-gfm makes the second pair an inline link.
     */
    private Children readInlineLinkAfter(com.vladsch.flexmark.ast.RefNode ref, ProseRun.Scope outer) {
      int start = ref.getReferenceOpeningMarker().getStartOffset();
      Node block = ref.getParent();
      while (block != null && !(block instanceof com.vladsch.flexmark.util.ast.Block)) {
        block = block.getParent();
      }
      int end = block != null ? block.getEndOffset() : ref.getChars().getBaseSequence().length();
      String tail = ref.getChars().getBaseSequence().subSequence(start, end).toString();
      Node first = PARSER.parse(tail).getFirstChild();
      if (first != null && first.getFirstChild() instanceof com.vladsch.flexmark.ast.Link link
          && link.getStartOffset() == 0 && !isSpacedBareDestination(link.getUrlOpeningMarker(), link.getUrl())) {
        String raw = link.getUrl().toString();
        links.add(new Link(LinkKind.INLINE, raw, Escaping.unescapeString(raw), link.getText().toString(), null, true,
            lines.position(base + start)));
        consumedFrom = base + start;
        consumedUntil = base + start + link.getEndOffset();
      }
      return new Children(outer);
    }

    /**
     * The definition cmark-gfm pairs with a footnote label: labels match ignoring case and runs of white space (as
     * link labels do; flexmark compares footnote labels case-sensitively), and the first of equal labels wins.
     */
    private FootnoteBlock footnoteDefinition(String label) {
      return footnotesByLabel.get(normalizeLabel(label));
    }

    private static String normalizeLabel(CharSequence label) {
      return WHITE_SPACE.matcher(label.toString().strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** {@code arr[0][1]}: brackets glued to a word are indexing, not a link attempt. */
    private static boolean followsWordCharacter(Node node) {
      int start = node.getStartOffset();
      if (start == 0) {
        return false;
      }
      char before = node.getChars().getBaseSequence().charAt(start - 1);
      return Character.isLetterOrDigit(before) || before == '_' || before == ']' || before == ')';
    }

    private void visitComment(Node node) {
      Matcher m = SUPPRESSION.matcher(node.getChars());
      while (m.find()) {
        int line = lines.line(offset(node) + m.start());
        Set<String> rules = m.group(2) == null || m.group(2).isBlank()
            ? Set.of() : Set.copyOf(Arrays.asList(m.group(2).strip().split("[\\s,]+")));
        switch (m.group(1)) {
          case "disable-next-line" -> suppressions.add(new Suppression(line + 1, rules));
          case "disable-line" -> suppressions.add(new Suppression(line, rules));
          case "disable-file" -> suppressions.add(new Suppression(1, Suppression.END_OF_FILE, rules));
          case "disable" -> {
            // a block already open for a rule keeps its earlier start
            (rules.isEmpty() ? Set.of(EVERY_RULE) : rules).forEach(r -> openBlocks.putIfAbsent(r, line));
          }
          default -> {
            // enable without rules ends every open block; with rules, only those rules' blocks (markdownlint's way)
            List<String> ending = rules.isEmpty() ? List.copyOf(openBlocks.keySet()) : List.copyOf(rules);
            for (String r : ending) {
              Integer from = openBlocks.remove(r);
              if (from != null) {
                suppressions.add(new Suppression(from, line, r.equals(EVERY_RULE) ? Set.of() : Set.of(r)));
              }
            }
          }
        }
      }
    }

    /** Blocks never enabled again run to the end of the file. */
    private void closeOpenBlocks() {
      openBlocks.forEach((r, from) -> suppressions.add(
          new Suppression(from, Suppression.END_OF_FILE, r.equals(EVERY_RULE) ? Set.of() : Set.of(r))));
      openBlocks.clear();
    }

    private void visitHtml(Node node) {
      String html = node.getChars().toString();
      int start = offset(node);
      // one duplicate counter with the Markdown headings, in document order, as GitHub's TableOfContentsFilter
      for (HtmlHeadings.Found h : HtmlHeadings.in(text, start, start + html.length())) {
        htmlHeadings.add(new org.docgate.markdown.Heading(h.level(), h.text(), slugger.slug(h.text()),
            lines.position(h.offset())));
      }
      for (HtmlScanner.Attribute attr : HtmlScanner.attributes(html)) {
        Position at = lines.position(start + attr.valueOffset());
        String value = Escaping.unescapeHtml(attr.value());
        switch (attr.name()) {
          case "href" -> {
            if (attr.tag().equals("a")) {
              links.add(new Link(LinkKind.HTML_HREF, attr.value(), value.strip(), "", null, true, at));
            }
          }
          case "src" -> {
            if (attr.tag().equals("img")) {
              links.add(new Link(LinkKind.HTML_SRC, attr.value(), value.strip(), "", null, true, at));
            }
          }
          case "id" -> htmlAnchors.add(new HtmlAnchor(value, at));
          case "name" -> {
            if (attr.tag().equals("a")) {
              htmlAnchors.add(new HtmlAnchor(value, at));
            }
          }
          default -> { }
        }
      }
    }

    private void addLink(LinkKind kind, String raw, String text, String label, boolean defined, Node node) {
      links.add(new Link(kind, raw, Escaping.unescapeString(raw), text, label, defined, pos(node)));
    }

    /**
     * A run as the model keeps it: offsets into the document's text when its characters are one stretch of it (they
     * nearly always are), else a copy of them.
     */
    private ProseRun proseRun(BasedSequence chars, ProseRun.Scope scope, Position position) {
      String written = chars.toString();
      int start = base + chars.getStartOffset();
      return text.regionMatches(start, written, 0, written.length())
          ? new ProseRun(text, start, start + written.length(), scope, position)
          : new ProseRun(written, scope, position);
    }

    /** A code block as the model keeps it: its body as offsets into the document's text where it is one stretch. */
    private CodeBlock codeBlock(boolean fenced, String info, BasedSequence body, int startLine, int endLine,
        boolean closed, String commentBefore) {
      String written = body.toString();
      if (written.indexOf('\r') >= 0) {
        // a file saved with CRLF line endings: the block's lines end in \n as GitHub shows them (and as a reader
        // copies them); checkers would otherwise see a carriage return on every line (ShellCheck's SC1017)
        return new CodeBlock(fenced, info, written.replace("\r\n", "\n").replace('\r', '\n'), startLine, endLine,
            closed, commentBefore);
      }
      int start = base + body.getStartOffset();
      return text.regionMatches(start, written, 0, written.length())
          ? new CodeBlock(fenced, info, text, start, start + written.length(), startLine, endLine, closed, commentBefore)
          : new CodeBlock(fenced, info, written, startLine, endLine, closed, commentBefore);
    }

    private ListBlock listBlock(com.vladsch.flexmark.ast.ListBlock list) {
      int items = 0;
      for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof com.vladsch.flexmark.ast.ListItem) {
          items++;
        }
      }
      Node before = list.getPrevious();
      boolean intro = before instanceof com.vladsch.flexmark.ast.Paragraph;
      Node parent = list.getParent();
      return new ListBlock(lines.line(offset(list)), lastLine(list),
          list instanceof com.vladsch.flexmark.ast.OrderedList,
          list instanceof com.vladsch.flexmark.ast.OrderedList o ? o.getStartNumber() : 1, items,
          intro ? lines.line(offset(before)) : 0, intro ? lastLine(before) : 0,
          parent == null || parent instanceof Document ? -1 : offset(parent));
    }

    private Position pos(Node node) {
      return lines.position(offset(node));
    }

    private int lastLine(Node node) {
      return lines.line(base + Math.max(node.getStartOffset(), node.getEndOffset() - 1));
    }

    /**
     * Finds every link reference definition (they sit in blocks, never inside paragraphs or headings) and every
     * footnote definition, before the walk: a label may be used above its definition.
     */
    private void collectDefinitions(Document root) {
      for (FootnoteBlock block : FootnoteExtension.FOOTNOTES.get(root).getValues()) {
        footnotesByLabel.merge(normalizeLabel(block.getText()), block,
            (a, b) -> a.getStartOffset() <= b.getStartOffset() ? a : b);
      }
      Deque<Node> stack = new ArrayDeque<>();
      stack.push(root);
      while (!stack.isEmpty()) {
        Node node = stack.pop();
        if (node instanceof Reference def) {
          if (!isSpacedBareDestination(def.getUrlOpeningMarker(), def.getUrl())) {
            definitionsByLabel.putIfAbsent(normalizeLabel(def.getReference()), def);
          }
        } else if (!(node instanceof com.vladsch.flexmark.ast.Paragraph) && !(node instanceof Heading)) {
          for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(child);
          }
        }
      }
    }

    /** A node's offset in the document's text. */
    private int offset(Node node) {
      return base + node.getStartOffset();
    }

    /**
     * Walks what flexmark took for a definition as the paragraph CommonMark makes of it ({@code * [a]: some text}):
     * its labels resolve against the document's definitions, its positions are the document's.
     */
    private void rereadAsParagraph(Reference def) {
      int saved = base;
      base = offset(def);
      walk(NO_SPACES_PARSER.parse(def.getChars().toString()));
      base = saved;
    }
  }
}
