package org.docgate.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} and {@code .docgateignore} files of one walk, matched with git's own rules (JGit's
 * {@link IgnoreNode}): the files of a folder apply to the paths under it, a deeper file's match wins, and in one folder
 * {@code .docgateignore} is read after {@code .gitignore}, so its {@code !pattern} lines can take a file back. The
 * files between the git root and the corpus root apply too, as they do for git. Not thread-safe: one per walk.
 */
final class IgnoreFiles {
  static final List<String> NAMES = List.of(".gitignore", ".docgateignore");

  /** A folder's rules and the path from that folder to the corpus root ("" for the root, "a/b/" above it). */
  private record Level(String prefix, IgnoreNode node) {}

  private final List<Level> above = new ArrayList<>();
  private final Map<String, IgnoreNode> byFolder = new HashMap<>();

  private IgnoreFiles() {}

  /** Reads the ignore files from the git root above {@code root} (if any) down to, not including, {@code root}. */
  static IgnoreFiles above(Path root) throws IOException {
    IgnoreFiles files = new IgnoreFiles();
    List<Path> chain = new ArrayList<>();
    for (Path p = root.getParent(); p != null; p = p.getParent()) {
      chain.add(0, p);
      if (Files.exists(p.resolve(".git"))) {
        for (Path folder : chain) {
          IgnoreNode node = read(folder);
          if (node != null) {
            files.above.add(new Level(folder.relativize(root).toString().replace('\\', '/') + "/", node));
          }
        }
        break;
      }
    }
    return files;
  }

  /** Reads a folder's ignore files as the walk enters it ({@code rel}: corpus-relative, "" for the root). */
  void enter(Path dir, String rel) throws IOException {
    IgnoreNode node = read(dir);
    if (node != null) {
      byFolder.put(rel, node);
    }
  }

  /** Whether a corpus-relative path is ignored; the nearest folder whose rules match it decides. */
  boolean isIgnored(String rel, boolean directory) {
    String folder = rel;
    while (true) {
      int slash = folder.lastIndexOf('/');
      folder = slash < 0 ? "" : folder.substring(0, slash);
      IgnoreNode node = byFolder.get(folder);
      if (node != null) {
        Boolean answer = node.checkIgnored(folder.isEmpty() ? rel : rel.substring(folder.length() + 1), directory);
        if (answer != null) {
          return answer;
        }
      }
      if (folder.isEmpty()) {
        break;
      }
    }
    for (int i = above.size() - 1; i >= 0; i--) {
      Boolean answer = above.get(i).node().checkIgnored(above.get(i).prefix() + rel, directory);
      if (answer != null) {
        return answer;
      }
    }
    return false;
  }

  private static IgnoreNode read(Path folder) throws IOException {
    IgnoreNode node = null;
    for (String name : NAMES) {
      Path file = folder.resolve(name);
      if (Files.isRegularFile(file)) {
        node = node == null ? new IgnoreNode() : node;
        try (InputStream in = Files.newInputStream(file)) {
          node.parse(file.toString(), in);
        }
      }
    }
    return node;
  }
}
