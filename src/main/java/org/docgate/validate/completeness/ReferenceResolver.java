package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.InlineCode;
import org.docgate.markdown.Position;
import org.docgate.markdown.ProseRun;
import org.docgate.text.EditDistance;
import org.docgate.corpus.LinkTarget;

/**
 * Where a path named in prose is: relative to the document, to the folders above it, to folders its list names,
 * and, when it is nowhere, where a file of that name (or a near name) is. Pure but for the document's raw lines.
 */
final class ReferenceResolver {
  private ReferenceResolver() {}

  /** The existing folder a path's folder part means (resolved as {@link #resolves} does), if there is one. */
  static Optional<String> folderOf(DocumentContext ctx, String path) {
    String folder = LinkTarget.directoryOf(path.startsWith("/") ? path.substring(1) : path);
    if (folder.isEmpty() || path.startsWith("/")) {
      return Optional.of(LinkTarget.resolveClamped("", folder)).filter(ctx.index::isDirectory);
    }
    for (String dir = LinkTarget.directoryOf(ctx.doc.path()); ; dir = LinkTarget.directoryOf(dir)) {
      String candidate = under(dir, folder);
      if (ctx.index.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
      if (dir.isEmpty()) {
        return Optional.empty();
      }
    }
  }

  /**
   * Relative to the document, then to each folder above it up to the corpus root (an overview in
   * {@code formal_container/00_总览/} naming {@code 01_理论基础/x.md} means its sibling folder); letter case ignored
   * (the link validator judges case).
   */
  static boolean resolves(DocumentContext ctx, String path) {
    if (path.startsWith("/")) {
      return exists(ctx.index, LinkTarget.resolveClamped("", path));
    }
    if (LinkTarget.resolve(ctx.doc.path(), path).map(p -> exists(ctx.index, p)).orElse(false)) {
      return true;
    }
    for (String dir = LinkTarget.directoryOf(ctx.doc.path()); ; dir = LinkTarget.directoryOf(dir)) {
      if (exists(ctx.index, under(dir, path))) {
        return true;
      }
      if (dir.isEmpty()) {
        return false;
      }
    }
  }

  private static boolean exists(CorpusIndex index, String path) {
    return index.isFile(path) || index.isDirectory(path) || !index.withPathIgnoringCase(path).isEmpty();
  }

  /** {@code path} read relative to the folder {@code dir} (never above the corpus root). */
  private static String under(String dir, String path) {
    return LinkTarget.resolveClamped(dir.isEmpty() ? "_" : dir + "/_", path); // resolves from a document's folder
  }

  /**
   * A list block often names a folder, then the files in it: "- [x] 创建`Container/11_LightV技术详解/`目录" then
   * "- [x] 编写`01_LightV概述.md`"; "- **.github/ISSUE_TEMPLATE/**" then "  - `bug_report.md`"; "合并至 `Analysis/`
   * （如：`01_项目总体分析.md`）". A name resolves against the folders named on its own line and on the lines above it
   * in the same block (up to a blank line or a heading), and the folders of paths named there.
   */
  static boolean resolvesInListContext(DocumentContext ctx, Position at, String path) {
    for (int line = at.line(); line >= Math.max(1, at.line() - LIST_CONTEXT_LINES); line--) {
      String text = ctx.line(line);
      if (text == null || text.isBlank() || (line < at.line() && text.stripLeading().startsWith("#"))) {
        return false;
      }
      for (String folder : foldersNamedOn(ctx, line, at)) {
        if (resolves(ctx, folder + "/" + path)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Folder-like tokens on a line: inline code and path words in prose, and the folders of file paths. */
  private static List<String> foldersNamedOn(DocumentContext ctx, int line, Position reference) {
    List<String> tokens = new ArrayList<>();
    for (InlineCode code : ctx.doc.inlineCode()) {
      if (code.position().line() == line && !code.position().equals(reference)) {
        tokens.add(code.text().strip());
      }
    }
    for (ProseRun run : ctx.doc.prose()) {
      if (run.position().line() == line) {
        Matcher m = PathWords.PATTERN.matcher(run.text());
        while (m.find()) {
          tokens.add(m.group());
        }
      }
    }
    List<String> folders = new ArrayList<>();
    for (String token : tokens) {
      if (token.isEmpty() || token.contains(" ") || !token.contains("/")) {
        continue;
      }
      String folder = token.endsWith("/") ? token.substring(0, token.length() - 1)
          : ReferenceCandidates.extension(CorpusIndex.baseName(token)).isEmpty() ? token
              : LinkTarget.directoryOf(token);
      if (!folder.isEmpty()) {
        folders.add(folder);
      }
    }
    return folders;
  }


  private static final int LIST_CONTEXT_LINES = 40;


  /**
   * "`01_硬件规范/` - 所有硬件相关" in {@code Deployment/文档重组说明.md}: a bare folder name is the short name of a
   * folder somewhere below the document's own folder, not a moved path.
   */
  static boolean isSubfolderName(DocumentContext ctx, String written) {
    if (!written.endsWith("/") || written.substring(0, written.length() - 1).contains("/")) {
      return false;
    }
    String dir = LinkTarget.directoryOf(ctx.doc.path());
    String prefix = dir.isEmpty() ? "" : dir + "/";
    return ctx.index.withNameIgnoringCase(written.substring(0, written.length() - 1)).stream()
        .anyMatch(p -> ctx.index.isDirectory(p) && p.startsWith(prefix));
  }

  /**
   * Where a missing path may have gone: files and folders whose path ends with the whole written path
   * ({@code 01_硬件规范/README.md}), else, for a name that says what it is (not README.md or index.md), files and
   * folders of that name anywhere.
   */
  static List<String> elsewhere(CorpusIndex index, String path) {
    String clean = path.replaceAll("^(\\.{1,2}/)+", "").replaceAll("^/+", "");
    if (clean.contains("/")) {
      String suffix = "/" + clean.toLowerCase(Locale.ROOT);
      List<String> bySuffix = index.withNameIgnoringCase(CorpusIndex.baseName(clean)).stream()
          .filter(p -> ("/" + p.toLowerCase(Locale.ROOT)).endsWith(suffix)).toList();
      if (!bySuffix.isEmpty()) {
        return bySuffix;
      }
    }
    String name = CorpusIndex.baseName(clean);
    if (CorpusCounts.isLandingPage(name)) {
      return List.of();
    }
    return index.withNameIgnoringCase(name);
  }


  /** A file or folder whose name is within a small edit distance, in the same folder or one edit away. */
  static Optional<String> nearName(CorpusIndex index, String missing) {
    String name = CorpusIndex.baseName(missing).toLowerCase(Locale.ROOT);
    int limit = Math.max(1, name.codePointCount(0, name.length()) / 4);
    String folder = LinkTarget.directoryOf(missing);
    String best = null;
    int bestDistance = limit + 1;
    // one distance per distinct name (as the link validator's suggestions do), not per path; ties go to the first
    // path in sorted order
    for (Map.Entry<String, List<String>> e : index.byLowerName().entrySet()) {
      int d = EditDistance.between(name, e.getKey(), limit);
      if (d < 1 || d > limit || d > bestDistance) {
        continue;
      }
      for (String candidate : e.getValue()) {
        boolean close = d <= 1 || LinkTarget.directoryOf(candidate).equals(folder);
        if (close && sameNumbering(name, CorpusIndex.baseName(candidate))
            && (d < bestDistance || candidate.compareTo(best) < 0)) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** In numbered series (02_x.md, 08_y.md) a different number is a different document. */
  static boolean sameNumbering(String a, String b) {
    String na = a.replaceAll("^(\\d*).*$", "$1");
    String nb = b.replaceAll("^(\\d*).*$", "$1");
    return na.isEmpty() || nb.isEmpty() || na.equals(nb);
  }
}
