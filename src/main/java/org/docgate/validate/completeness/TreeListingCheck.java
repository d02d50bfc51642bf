package org.docgate.validate.completeness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.LinkTarget;
import org.docgate.finding.Finding;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.Position;

/**
 * {@code completeness/dangling-reference} for directory trees: a code block drawn with {@code ├──}/{@code └──} whose
 * root line names a folder of the corpus ({@code Container/}) is that folder's listing, and an entry it names that does
 * not exist there is a dangling name (a missed probe of the sixth blind round: {@code Container/README.md:179} lists
 * {@code 01_GPU虚拟化基础.md} … where the real chapters have other names). Only a tree that is clearly the folder's:
 * its root resolves to a real folder (beside the document, or from the corpus root) and at least
 * {@link #MIN_SHARE} of its entries, and {@link #MIN_EXISTING} or more, exist; an example tree of another project
 * names a root the corpus does not have, or entries it does not hold. Entries under a folder that is itself missing
 * are not reported again, nor names with placeholders ({@code ...}, {@code *}, {@code <name>}). Records are not
 * judged: a dated report's tree shows the folder at its date.
 */
final class TreeListingCheck {
  static final double MIN_SHARE = 0.6;
  static final int MIN_EXISTING = 3;
  /** A tree line: the drawing, then the entry's name up to white space or a comment. */
  private static final Pattern ENTRY =
      Pattern.compile("^([\\s│|]*)(?:├──|└──|├─|└─|\\|--|`--)\\s*(\\S(?:.*?\\S)?)(?=\\s{2,}|\\s+#|\\s*$)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\.\\.\\.|…|[*<>{}$]|(?i)xxx");

  private record Entry(int line, int column, String path, boolean folder) {}

  List<Finding> check(DocumentContext ctx, java.util.Map<String, Long> counters) {
    List<Finding> findings = new ArrayList<>();
    if (ctx.isRecord()) {
      return findings;
    }
    for (CodeBlock block : ctx.doc.codeBlocks()) {
      if (block.fenced() && block.body().contains("── ")) {
        findings.addAll(check(ctx, block, counters));
      }
    }
    return findings;
  }

  private List<Finding> check(DocumentContext ctx, CodeBlock block, java.util.Map<String, Long> counters) {
    List<String> lines = block.body().lines().toList();
    String root = null;
    int first = 0;
    for (; first < lines.size(); first++) {
      String t = lines.get(first).strip();
      if (!t.isEmpty()) {
        if (!ENTRY.matcher(lines.get(first)).find()) {
          root = rootFolder(ctx, t.replaceAll("\\s+#.*$", "").strip());
          first++;
        }
        break;
      }
    }
    if (root == null) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    Deque<Entry> parents = new ArrayDeque<>();
    for (int i = first; i < lines.size(); i++) {
      Matcher m = ENTRY.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      int column = m.start(2);
      while (!parents.isEmpty() && parents.peek().column() >= column) {
        parents.pop();
      }
      String name = name(ctx.index, parents.isEmpty() ? root : parents.peek().path(), m.group(2));
      boolean folder = name.endsWith("/");
      String clean = folder ? name.substring(0, name.length() - 1) : name;
      String base = parents.isEmpty() ? root : parents.peek().path();
      Entry e = new Entry(block.startLine() + 1 + i, column + 1, base.isEmpty() ? clean : base + "/" + clean, folder);
      entries.add(e);
      if (folder) {
        parents.push(e);
      }
    }
    List<Entry> judged = entries.stream()
        .filter(e -> !PLACEHOLDER.matcher(e.path()).find()
            && (e.folder() || CorpusIndex.baseName(e.path()).contains(".")) && !e.path().contains(" "))
        .toList();
    long existing = judged.stream().filter(e -> exists(ctx.index, e)).count();
    if (existing < MIN_EXISTING || existing < MIN_SHARE * judged.size()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Entry e : judged) {
      String parent = LinkTarget.directoryOf(e.path());
      counters.merge("completeness.references.checked", 1L, Long::sum);
      if (exists(ctx.index, e)) {
        counters.merge("completeness.references.ok", 1L, Long::sum);
      } else if (parent.equals(root) || ctx.index.isDirectory(parent)) {
        counters.merge("completeness.references.dangling", 1L, Long::sum);
        findings.add(ctx.finding("completeness/dangling-reference", new Position(e.line(), e.column()),
            "the tree of '" + (root.isEmpty() ? "." : root) + "/' lists '" + e.path()
                + "', which does not exist: update the tree"));
      }
    }
    return findings;
  }

  /**
   * The entry's name: the text up to two spaces or a comment ("03_vCenter Server技术/" is one folder) when that is a
   * folder or a name that exists, else its first word ("01_x.md ⭐ NEW" names 01_x.md).
   */
  private static String name(CorpusIndex index, String base, String written) {
    if (!written.contains(" ") || written.endsWith("/")) {
      return written;
    }
    String path = base.isEmpty() ? written : base + "/" + written;
    return index.files().contains(path) || index.isDirectory(path) ? written : written.split("\\s+")[0];
  }

  private static boolean exists(CorpusIndex index, Entry e) {
    return e.folder() ? index.isDirectory(e.path()) : index.files().contains(e.path()) || index.isDirectory(e.path());
  }

  /** The folder a tree's root line names: beside the document, the document's own folder, or from the root. */
  private static String rootFolder(DocumentContext ctx, String written) {
    String w = written.endsWith("/") ? written.substring(0, written.length() - 1) : written;
    if (w.isEmpty() || w.contains(" ") || PLACEHOLDER.matcher(w).find()) {
      return null;
    }
    String dir = LinkTarget.directoryOf(ctx.doc.path());
    if (!dir.isEmpty() && (CorpusIndex.baseName(dir).equals(w) || dir.equals(w))) {
      return dir;
    }
    String beside = dir.isEmpty() ? w : dir + "/" + w;
    if (ctx.index.isDirectory(beside)) {
      return beside;
    }
    return ctx.index.isDirectory(w) ? w : null;
  }
}
