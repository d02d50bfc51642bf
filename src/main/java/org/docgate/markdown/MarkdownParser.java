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
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Markdown into a {@link MarkdownDocument}. One flexmark {@link Parser} is shared (it is thread-safe); all
 * per-document state lives in a {@link Builder}, so one instance serves every thread.
 */
public final class MarkdownParser {
  private static final Parser PARSER = createParser();
  private static final Pattern EXPLICIT_REFERENCE = Pattern.compile("(?s)!?\\[.*]\\s*\\[.*]");
  private static final Pattern SUPPRESSION =
      Pattern.compile("<!--\\s*docgate-disable-(next-line|line)\\b([^>]*?)\\s*-->");

  private static Parser createParser() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create()));
    return Parser.builder(options).build();
  }

  /** Parses one document; {@code text} must already be decoded and free of a byte-order mark. */
  public MarkdownDocument parse(String path, String text) {
    Document root = PARSER.parse(text);
    return new Builder(path, text).build(root);
  }

  private static final class Builder {
    private final String path;
    private final LineIndex lines;
    private final Slugger slugger = new Slugger();
    private final List<org.docgate.markdown.Heading> headings = new ArrayList<>();
    private final List<HtmlAnchor> htmlAnchors = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<ReferenceDefinition> definitions = new ArrayList<>();
    private final List<CodeBlock> codeBlocks = new ArrayList<>();
    private final List<InlineCode> inlineCode = new ArrayList<>();
    private final List<ProseRun> prose = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();

    Builder(String path, String text) {
      this.path = path;
      this.lines = new LineIndex(text);
    }

    /** A node to visit and the scope its text belongs to (null: not prose). */
    private record Visit(Node node, ProseRun.Scope scope) {}

    MarkdownDocument build(Document root) {
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
      return new MarkdownDocument(
          path, lines.lineCount(), headings, htmlAnchors, links, definitions, codeBlocks, inlineCode, prose,
          suppressions);
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
      if (node instanceof Text text) {
        if (scope != null && !text.getChars().isBlank()) {
          prose.add(new ProseRun(text.getChars().toString(), scope, pos(text)));
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
      if (node instanceof FencedCodeBlock fence) {
        String comment = fence.getPrevious() instanceof HtmlCommentBlock c ? c.getChars().toString().strip() : "";
        codeBlocks.add(new CodeBlock(true, fence.getInfo().toString(), fence.getContentChars().toString(),
            lines.line(fence.getStartOffset()), lastLine(fence), !fence.getClosingMarker().isEmpty(), comment));
        return SKIP_CHILDREN;
      }
      if (node instanceof IndentedCodeBlock block) {
        codeBlocks.add(new CodeBlock(false, "", block.getContentChars().toString(),
            lines.line(block.getStartOffset()), lastLine(block), true));
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
      if (node instanceof MailLink || node instanceof HtmlEntity) {
        return SKIP_CHILDREN;
      }
      if (node instanceof com.vladsch.flexmark.ast.Link link) {
        addLink(LinkKind.INLINE, link.getUrl().toString(), link.getText().toString(), null, true, link);
        return LINK_TEXT;
      }
      if (node instanceof Image image) {
        addLink(LinkKind.IMAGE, image.getUrl().toString(), image.getText().toString(), null, true, image);
        return ALT_TEXT;
      }
      if (node instanceof ImageRef ref) {
        return visitReference(ref, LinkKind.IMAGE, ALT_TEXT, scope);
      }
      if (node instanceof LinkRef ref) {
        return visitReference(ref, LinkKind.REFERENCE, LINK_TEXT, scope);
      }
      if (node instanceof Reference def) {
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
          String trimmed = BareUrls.trimAtCjk(url);
          links.add(new Link(LinkKind.BARE_URL, trimmed, trimmed, trimmed, null, true, pos(auto)));
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
      Document document = ref.getDocument();
      Reference definition = ref.isDefined() ? ref.getReferenceNode(document) : null;
      boolean explicit = EXPLICIT_REFERENCE.matcher(ref.getChars()).matches();
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
        int line = lines.line(node.getStartOffset() + m.start());
        Set<String> rules = m.group(2) == null || m.group(2).isBlank()
            ? Set.of() : Set.copyOf(Arrays.asList(m.group(2).strip().split("[\\s,]+")));
        boolean nextLine = m.group(1).equals("next-line");
        suppressions.add(new Suppression(nextLine ? line + 1 : line, rules));
      }
    }

    private void visitHtml(Node node) {
      String html = node.getChars().toString();
      int base = node.getStartOffset();
      for (HtmlScanner.Attribute attr : HtmlScanner.attributes(html)) {
        Position at = lines.position(base + attr.valueOffset());
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

    private Position pos(Node node) {
      return lines.position(node.getStartOffset());
    }

    private int lastLine(Node node) {
      return lines.line(Math.max(node.getStartOffset(), node.getEndOffset() - 1));
    }
  }
}
