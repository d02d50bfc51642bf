package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;

/**
 * Folders of the corpus that hold code rather than documents: more source files ({@code references.codeExtensions})
 * than Markdown documents in their subtree, as {@code pkg/} and {@code test/} in a repository of proposals whose
 * tooling is Go. A name in prose going below such a folder into a subfolder that does not exist ({@code
 * pkg/controlplane/}, {@code test/e2e/common/node/}) is a code path of some code base, most often another
 * repository's, not a document of this corpus that went missing; and a "planned" line naming a word that is only a
 * code folder's name ("grouped by repos") does not name a chapter. Derived once per index; pure lookups.
 */
final class CodeFolders {
  private static final Object KEY = new Object();
  private final Map<String, int[]> counts = new HashMap<>(); // folder -> {markdown, code}

  private CodeFolders(CorpusIndex index, Set<String> codeExtensions) {
    for (String file : index.files()) {
      String lower = file.toLowerCase(Locale.ROOT);
      int dot = lower.lastIndexOf('.');
      String ext = dot < 0 || dot < lower.lastIndexOf('/') ? "" : lower.substring(dot + 1);
      boolean markdown = ext.equals("md") || ext.equals("markdown");
      if (!markdown && !codeExtensions.contains(ext)) {
        continue;
      }
      for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
        counts.computeIfAbsent(file.substring(0, slash), k -> new int[2])[markdown ? 0 : 1]++;
      }
    }
  }

  static CodeFolders of(CorpusIndex index, List<String> codeExtensions) {
    return index.derived(KEY, i -> new CodeFolders(i, Set.copyOf(codeExtensions)));
  }

  /** Whether a folder (corpus-relative, no trailing slash) holds more source files than Markdown documents. */
  boolean isCode(String folder) {
    int[] c = counts.get(folder);
    return c != null && c[1] > c[0];
  }

  /** Whether a path lies in a code folder (any folder above it is one). */
  boolean inCode(String path) {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (isCode(path.substring(0, slash))) {
        return true;
      }
    }
    return isCode(path);
  }

  /**
   * Whether a path named from the corpus root goes through a code folder into a subfolder that does not exist:
   * {@code pkg/controlplane/} when {@code pkg/} is code and has no {@code controlplane/}. A missing file right in
   * the code folder ({@code scripts/deploy.sh}) is still a missing file.
   */
  boolean pathBelowCode(CorpusIndex index, String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    String[] parts = p.split("/");
    boolean folderNamed = p.endsWith("/");
    String existing = "";
    for (int i = 0; i < parts.length; i++) {
      String next = existing.isEmpty() ? parts[i] : existing + "/" + parts[i];
      if (index.isDirectory(next)) {
        existing = next;
        continue;
      }
      boolean missingFolder = i < parts.length - 1 || folderNamed;
      return !existing.isEmpty() && missingFolder && inCode(existing);
    }
    return false;
  }
}
