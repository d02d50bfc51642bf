package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;

/**
 * Where an orphan is named without a link that reaches it: the first line of an entry point of its folder, or of a
 * folder above, that holds its file name ("├── 03_容器性能调优.md", "- `./05_合规管理审计.md` 深入解析"); above its own
 * folder, only its path from there ("sub/03_x.md") or a file name no other document has counts. Many corpora
 * list their pages as text in a folder README's tree or status table; the finding then names that line, so the fix
 * is to make the mention a link. When the mention is a link's destination that does not reach the document
 * ({@code [Strategic initiatives]: doc/contributing/strategic-initiatives.md} in a corpus that is the repository's
 * {@code doc/} folder), {@code linkedAs} is that destination: the link is there, its path is what is wrong. Pure over
 * the index; the entry points per folder are derived once per index.
 *
 * @param linkedAs the destination of the link on that line that names the document, or null when the mention is text
 */
record Listing(String path, int line, String linkedAs) {

  /** The listing of {@code path}, or null when no entry point of its folder or of a folder above names it. */
  static Listing of(CorpusIndex index, CompletenessConfig config, String path) {
    // which pages are entry points follows from their paths: kept while no page is added or removed (an edit of an
    // entry page, a KEP's README, does not make it another)
    Map<String, List<String>> pages = index.ofDocumentPaths(new ConfigKey("entry pages", config),
        i -> entryPointsByFolder(i, config));
    String name = CorpusIndex.baseName(path);
    String own = folderOf(path);
    boolean unique = index.withNameIgnoringCase(name).size() == 1;
    for (String folder = own; folder != null; folder = parentOf(folder)) {
      // above its own folder, "01_概述.md" may be another folder's page of the same name
      String named = folder.equals(own) || unique ? name : path.substring(folder.isEmpty() ? 0 : folder.length() + 1);
      for (String page : pages.getOrDefault(folder, List.of())) {
        if (page.equals(path)) {
          continue;
        }
        MarkdownDocument doc = index.documents().get(page);
        int line = lineNaming(index, doc, named);
        if (line > 0) {
          return new Listing(page, line, linkNaming(doc, line, named));
        }
      }
    }
    return null;
  }

  /** The key of an entry page's source lines among the index's per-document values. */
  private enum Lines { ONE }

  /** "Container/README.md:45" */
  @Override
  public String toString() {
    return path + ":" + line;
  }

  private static Map<String, List<String>> entryPointsByFolder(CorpusIndex index, CompletenessConfig config) {
    Map<String, List<String>> byFolder = new TreeMap<>();
    index.documents().values().stream().filter(doc -> OrphanCheck.isEntryPoint(index, config, doc))
        .map(MarkdownDocument::path).sorted()
        .forEach(doc -> byFolder.computeIfAbsent(folderOf(doc), f -> new ArrayList<>()).add(doc));
    return byFolder;
  }

  private static int lineNaming(CorpusIndex index, MarkdownDocument doc, String name) {
    if (doc == null || !doc.source().contains(name)) {
      return 0; // a line that names the file holds it: most entry pages name few of the orphans asked about
    }
    // every orphan's result cites the entry page's line that names it, tested again after each edit: the page's lines
    // are split once per document object, not once per orphan and edit (most of an edit on vshpere-1019)
    List<String> lines = index.ofDocument(Lines.ONE, doc, MarkdownDocument::sourceLines);
    for (int i = 0; i < lines.size(); i++) {
      if (namesFile(lines.get(i), name)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The destination of a link on {@code line} of {@code doc} that names {@code name}, or null. */
  private static String linkNaming(MarkdownDocument doc, int line, String name) {
    for (org.docgate.markdown.Link link : doc.links()) {
      if (link.position().line() == line && link.destination() != null && namesFile(link.destination(), name)) {
        return link.destination();
      }
    }
    return null;
  }

  /**
   * Whether {@code line} holds {@code name} (a file name or a relative path) whole: "a/03_x.md" and "`03_x.md`" do,
   * "103_x.md" and "03_x.md.bak" do not.
   */
  static boolean namesFile(String line, String name) {
    for (int at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
      boolean startsName = at == 0 || !isNameChar(line.charAt(at - 1));
      int end = at + name.length();
      boolean endsName = end == line.length() || !isNameChar(line.charAt(end))
          || line.charAt(end) == '.' && (end + 1 == line.length() || !isNameChar(line.charAt(end + 1))); // "see a.md."
      if (startsName && endsName) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String parentOf(String folder) {
    return folder.isEmpty() ? null : folderOf(folder);
  }
}
