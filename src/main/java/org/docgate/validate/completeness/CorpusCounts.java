package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.Map;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;

/**
 * Measured sizes of every folder ({@code ""} is the corpus root), recursive, derived once per index: what a stated
 * count is compared with.
 */
final class CorpusCounts {
  /**
   * @param documents parsed Markdown documents under the folder
   * @param documentsWithoutLandingPages the same without README.md / index.md (authors often leave those out)
   * @param files every file under the folder (images, scripts...)
   * @param lines the lines of its documents
   */
  record Counts(long documents, long documentsWithoutLandingPages, long files, long lines) {}

  private static final Object KEY = new Object();
  private final Map<String, long[]> byFolder = new HashMap<>();

  private CorpusCounts(CorpusIndex index) {
    for (MarkdownDocument doc : index.documents().values()) {
      boolean landing = isLandingPage(CorpusIndex.baseName(doc.path()));
      forEachFolder(doc.path(), c -> {
        c[0]++;
        c[1] += landing ? 0 : 1;
        c[3] += doc.lineCount();
      });
    }
    for (String file : index.files()) {
      forEachFolder(file, c -> c[2]++);
    }
  }

  static CorpusCounts of(CorpusIndex index) {
    return index.derived(KEY, CorpusCounts::new);
  }

  Counts of(String folder) {
    long[] c = byFolder.getOrDefault(folder, new long[4]);
    return new Counts(c[0], c[1], c[2], c[3]);
  }

  static boolean isLandingPage(String name) {
    return name.equalsIgnoreCase("README.md") || name.equalsIgnoreCase("index.md");
  }

  private void forEachFolder(String path, java.util.function.Consumer<long[]> add) {
    add.accept(byFolder.computeIfAbsent("", k -> new long[4]));
    int slash = path.indexOf('/');
    while (slash >= 0) {
      add.accept(byFolder.computeIfAbsent(path.substring(0, slash), k -> new long[4]));
      slash = path.indexOf('/', slash + 1);
    }
  }
}
