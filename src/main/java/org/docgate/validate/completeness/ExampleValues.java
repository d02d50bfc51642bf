package org.docgate.validate.completeness;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.Position;
import org.docgate.markdown.TableRows;

/**
 * Why a path that resolves nowhere is an example value rather than a reference to a corpus file, or null. Asked only
 * of names that would be reported as dangling or moved, so names that resolve keep being counted as checked.
 *
 * <ul>
 *   <li>{@code exampleValue}: the name is a cell of a table column whose header says it holds examples or values
 *       ({@code references.exampleColumns}: "| Argument | ... | Example |" then {@code `./out/api/`}), or the
 *       section holds a code block of one of {@code references.exampleLanguages} (data or shell) in which the name is
 *       written: "allow access to `fs` for all resources within `./app/`:" then a JSON manifest whose keys are
 *       {@code "./app/checked.js"}, or a shell block whose command line names it ({@code npm diff ... CHANGELOG.md};
 *       not a path into a folder the corpus has). The prose describes the example, not the corpus.
 *   <li>{@code namePattern}: the file name has a placeholder letter where a number goes, and two or more files of
 *       the corpus fit it with a number there: {@code CHANGELOG_Vx.md} beside {@code CHANGELOG_V4.md},
 *       {@code CHANGELOG_V18.md}. The name explains a naming scheme.
 * </ul>
 */
final class ExampleValues {
  /**
   * A placeholder letter standing for a number: x, X, n or N alone between non-letters, or a lower-case x or n
   * right after a capital ("Vx"). Not the x of "index" or the N of "README_CN".
   */
  private static final Pattern PLACEHOLDER_LETTER =
      Pattern.compile("(?:(?<![\\p{L}\\p{N}])[xXnN]|(?<=\\p{Lu})[xn])(?![\\p{L}\\p{N}])");

  private ExampleValues() {}

  /** {@code exampleValue}, {@code namePattern} or null. */
  static String why(DocumentContext ctx, Position at, String written) {
    if (inExampleColumn(ctx, at, ctx.config.exampleColumns()) || introducedAsExample(ctx, at)
        || inDataExample(ctx, at.line(), written, ctx.config.exampleLanguages()) || inListOfNowhere(ctx, at)) {
      return "exampleValue";
    }
    return namesAFamily(ctx.index, written) ? "namePattern" : null;
  }

  /**
   * The words right before a name that introduce it as an example: "a new markdown file in `/docs`, example
   * `docs/newly-created-doc.md`" (redux 4.2's website README, judged WRONG as a dangling reference in round 35).
   */
  private static final Pattern EXAMPLE_BEFORE = Pattern.compile(
      "(?i)(?:\\bfor example|\\bexample|\\be\\.g\\.|\\bsuch as|例如|比如|示例)\\s*[:：,，]?\\s*`?$");

  /** Whether the name at {@code at} follows words that introduce an example, on its line. */
  static boolean introducedAsExample(DocumentContext ctx, Position at) {
    String line = ctx.line(at.line());
    int upTo = Math.min(Math.max(at.column() - 1, 0), line == null ? 0 : line.length());
    return line != null && EXAMPLE_BEFORE.matcher(line.substring(Math.max(0, upTo - 40), upTo)).find();
  }

  /** A list item that is one path in inline code and nothing else: {@code - `./hello.json`}. */
  private static final Pattern PATH_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+`([^`\\s]+)`\\s*$");

  /**
   * Whether the name is an item of a list of four or more paths, each alone in inline code, none of which the corpus
   * has: the candidates a tool tries in the reader's project ({@code ./hello.tsx}, {@code ./hello.jsx} ...
   * {@code ./hello.json}, Bun's module resolution page, judged WRONG in round 44), not a listing of this corpus.
   */
  static boolean inListOfNowhere(DocumentContext ctx, Position at) {
    String line = ctx.line(at.line());
    if (line == null || !PATH_ITEM.matcher(line).matches()) {
      return false;
    }
    for (org.docgate.markdown.ListBlock list : ctx.doc.lists()) {
      if (list.line() <= at.line() && at.line() <= list.endLine()) {
        int paths = 0;
        for (int i = list.line(); i <= list.endLine(); i++) {
          String l = ctx.line(i);
          Matcher m = l == null ? null : PATH_ITEM.matcher(l);
          if (m != null && m.matches()) {
            if (ReferenceResolver.resolves(ctx, m.group(1))) {
              return false;
            }
            paths++;
          }
        }
        return paths >= 4;
      }
    }
    return false;
  }

  /** Whether the text at {@code at} is in a table cell under a header cell starting with one of {@code columns}. */
  static boolean inExampleColumn(DocumentContext ctx, Position at, List<String> columns) {
    String name = columns.isEmpty() ? null : TableRows.headerOf(ctx::line, at.line(), at.column());
    return name != null && columns.stream().anyMatch(c -> name.equals(c) || name.startsWith(c + " ")
        || name.startsWith(c + "s") && name.length() == c.length() + 1);
  }

  /** Whether the section of {@code line} has a code block of one of {@code languages} that contains {@code written}. */
  static boolean inDataExample(DocumentContext ctx, int line, String written, List<String> languages) {
    Outline.Section section = ctx.outline.sectionAt(line);
    int from = section == null ? 1 : section.firstLine();
    int to = section == null ? firstHeadingLine(ctx) : section.bodyEnd();
    for (CodeBlock block : ctx.doc.codeBlocks()) {
      String language = block.language().toLowerCase(Locale.ROOT);
      if (block.startLine() >= from && block.startLine() <= to && languages.contains(language)
          && block.body().contains(written)
          && !(org.docgate.markdown.Sessions.SHELL_FENCES.contains(language) && intoCorpusFolder(ctx, written))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a path starts with a folder the corpus has (`docs/guide.md` where `docs/` exists): a command on the
   * corpus's own files names them, and a missing one is still reported.
   */
  private static boolean intoCorpusFolder(DocumentContext ctx, String written) {
    String path = written.startsWith("./") ? written.substring(2) : written;
    int slash = path.indexOf('/');
    return slash > 0 && ctx.index.isDirectory(path.substring(0, slash));
  }

  private static int firstHeadingLine(DocumentContext ctx) {
    List<Outline.Section> all = ctx.outline.sections();
    return all.isEmpty() ? Integer.MAX_VALUE : all.get(0).firstLine();
  }

  /** Whether the file name, its placeholder letter read as a number, fits two or more files of the corpus. */
  static boolean namesAFamily(CorpusIndex index, String written) {
    String name = CorpusIndex.baseName(written.endsWith("/") ? written.substring(0, written.length() - 1) : written);
    Matcher m = PLACEHOLDER_LETTER.matcher(name);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    boolean any = false;
    while (m.find()) {
      regex.append(Pattern.quote(name.substring(last, m.start()))).append("[0-9]+");
      last = m.end();
      any = true;
    }
    if (!any) {
      return false;
    }
    Pattern family = Pattern.compile(regex.append(Pattern.quote(name.substring(last))).toString());
    return index.files().stream().filter(f -> family.matcher(CorpusIndex.baseName(f)).matches()).limit(2).count() == 2;
  }
}
