package org.docgate.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.docgate.corpus.Glob;

/**
 * What {@code scan} was named: one folder (the corpus, every file reported), or several folders, files and globs.
 * Then the corpus root is the folders' common parent, or, once a file or a glob is named, the git root above the
 * named paths (a glob by the folders before its first wildcard) and the working directory (which counts when they are
 * all under it), else their common parent: the whole tree is the context links are checked against, and only the named paths are
 * validated and reported.
 *
 * @param root the corpus root
 * @param selected corpus-relative paths that are reported; null: all of them
 */
record Inputs(Path root, Predicate<String> selected) {

  static Inputs resolve(List<String> named, Path workingDir) throws NoSuchFileException {
    Path cwd = workingDir.toAbsolutePath().normalize();
    List<Path> folders = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Path> globBases = new ArrayList<>();
    List<String> globs = new ArrayList<>();
    for (String name : named) {
      if (isGlob(name)) {
        // the folders before the first segment with a wildcard are the glob's base; the rest is matched under it
        String[] segments = name.replace('\\', '/').split("/", -1);
        int first = 0;
        while (!isGlob(segments[first])) {
          first++;
        }
        String fixed = String.join("/", java.util.Arrays.copyOfRange(segments, 0, first));
        globBases.add(cwd.resolve(fixed.isEmpty() && name.startsWith("/") ? "/" : fixed).normalize());
        globs.add(String.join("/", java.util.Arrays.copyOfRange(segments, first, segments.length)));
        continue;
      }
      Path p = cwd.resolve(name).normalize();
      if (Files.isDirectory(p)) {
        folders.add(p);
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        throw new NoSuchFileException(name + " (not a folder, a file or a glob)");
      }
    }
    if (files.isEmpty() && globs.isEmpty() && folders.size() == 1) {
      return new Inputs(folders.get(0), null);
    }
    Path root;
    if (files.isEmpty() && globs.isEmpty()) {
      root = commonParent(folders);
    } else {
      List<Path> around = new ArrayList<>(folders);
      files.forEach(f -> around.add(f.getParent()));
      around.addAll(globBases);
      if (around.stream().allMatch(p -> p.startsWith(cwd))) {
        around.add(cwd);
      }
      root = gitRootOrSelf(commonParent(around));
    }
    List<Predicate<String>> parts = new ArrayList<>();
    for (Path folder : folders) {
      String rel = relative(root, folder, folder.toString());
      parts.add(rel.isEmpty() ? p -> true : p -> p.startsWith(rel + "/"));
    }
    for (Path file : files) {
      String rel = relative(root, file, file.toString());
      parts.add(rel::equals);
    }
    for (int i = 0; i < globs.size(); i++) {
      // the corpus root may be above the glob's base
      String base = relative(root, globBases.get(i), globBases.get(i).toString());
      Glob g = Glob.of(base.isEmpty() ? globs.get(i) : base + "/" + globs.get(i));
      parts.add(g::matches);
    }
    return new Inputs(root, p -> parts.stream().anyMatch(part -> part.test(p)));
  }

  static boolean isGlob(String name) {
    return name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static String relative(Path root, Path p, String shown) throws NoSuchFileException {
    if (!p.startsWith(root)) {
      throw new NoSuchFileException(shown + " (outside the corpus root " + root + "; scan it on its own)");
    }
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static Path commonParent(List<Path> folders) {
    Path common = folders.get(0);
    for (Path f : folders) {
      while (!f.startsWith(common)) {
        common = common.getParent();
      }
    }
    return common;
  }

  private static Path gitRootOrSelf(Path folder) {
    List<Path> chain = ConfigFiles.upToGitRoot(folder);
    Path last = chain.get(chain.size() - 1);
    return Files.exists(last.resolve(".git")) ? last : folder;
  }
}
