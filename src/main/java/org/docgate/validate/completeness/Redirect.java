package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.LinkTarget;

/**
 * A page kept only so that old links still land somewhere: its whole text is a note that it moved ("This file has
 * moved to https://...", "本文已迁移至 [新位置](../x.md)", {@code orphans.redirects} in {@code
 * rules/completeness/config.yaml}) with a link, URL or path; or its whole text is the path of another file of the
 * corpus (a symbolic link checked out as a file, as Git does where links are not supported). Nobody should link to
 * it and it needs no title, so it is never {@code orphan} nor {@code missing-title}. Pure.
 */
final class Redirect {
  /** A stub's visible text is short: more than this many non-blank lines is a page with content. */
  private static final int MAX_LINES = 3;
  private static final int MAX_CHARS = 400;
  private static final Pattern TARGET = Pattern.compile("https?://\\S+|\\]\\([^)]+\\)|\\S+\\.(md|markdown|html?)\\b");
  private static final Pattern PATH_ONLY = Pattern.compile("[^\\s<>\"'|*?]+");

  private Redirect() {}

  /** Why the document is a redirect stub ("moved note: 'has moved to'", "a path: ../x/README.md"), or null. */
  static String of(DocumentContext ctx, List<Pattern> redirects) {
    List<String> visible = visibleLines(ctx, MAX_LINES + 1);
    if (visible.isEmpty() || visible.size() > MAX_LINES || String.join("\n", visible).length() > MAX_CHARS) {
      return null;
    }
    if (visible.size() == 1 && PATH_ONLY.matcher(visible.get(0).strip()).matches()) {
      String target = visible.get(0).strip();
      String resolved = LinkTarget.resolve(ctx.doc.path(), target).orElse(null);
      if (resolved != null && !resolved.equals(ctx.doc.path()) && ctx.index.isFile(resolved)) {
        return "its only text is the path of " + resolved;
      }
    }
    String text = String.join("\n", visible);
    if (!TARGET.matcher(text).find()) {
      return null;
    }
    for (Pattern p : redirects) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return "its only text says '" + m.group().strip() + "'";
      }
    }
    return null;
  }

  /**
   * The non-blank lines outside HTML comments and front matter (headings included: "# Moved" is text too), the first
   * {@code limit} of them: a document with more is no redirect, and every document was read to its end.
   */
  private static List<String> visibleLines(DocumentContext ctx, int limit) {
    List<String> out = new ArrayList<>();
    List<String> lines = ctx.lines().orElse(List.of());
    boolean in = false;
    for (int i = 0; i < lines.size(); i++) {
      if (ctx.inFrontMatter(i + 1)) {
        continue;
      }
      StringBuilder shown = new StringBuilder();
      String text = lines.get(i);
      int at = 0;
      while (at < text.length()) {
        int next = text.indexOf(in ? "-->" : "<!--", at);
        if (!in) {
          shown.append(next < 0 ? text.substring(at) : text.substring(at, next));
        }
        if (next < 0) {
          break;
        }
        at = next + (in ? 3 : 4);
        in = !in;
      }
      if (!shown.toString().isBlank()) {
        out.add(shown.toString());
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }
}
