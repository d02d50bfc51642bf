package org.docgate.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.docgate.config.DeclaredRules;
import org.docgate.config.DocgateConfig;
import org.docgate.finding.Finding;

/**
 * Walks a corpus folder: lists the Markdown files to check and every file and folder a link may point to. Follows
 * symbolic links that stay inside the corpus; reports loops and links that leave it. Never writes anything.
 */
public final class CorpusScanner {
  private static final DeclaredRules RULES = DeclaredRules.of("corpus");

  private final List<Glob> include;
  private final List<Glob> exclude;
  private final long maxFileSize;
  private final boolean ignoreFiles;

  public CorpusScanner(DocgateConfig config) {
    this.include = config.include().stream().map(Glob::of).toList();
    this.exclude = config.exclude().stream().map(Glob::of).toList();
    this.maxFileSize = config.maxFileSize();
    this.ignoreFiles = config.ignoreFiles();
  }

  public CorpusListing scan(Path corpusRoot) throws IOException {
    Path root = corpusRoot.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(corpusRoot.toString(), null, "not a directory");
    }
    Path realRoot = root.toRealPath();
    Walker walker = new Walker(root, realRoot, ignoreFiles ? IgnoreFiles.above(root) : null);
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
    walker.markdown.sort(Comparator.comparing(SourceFile::path));
    return new CorpusListing(root, walker.markdown, walker.files, walker.directories, walker.findings);
  }

  /**
   * A listed Markdown file again after it was modified in place (the service's file events name it): its new size and
   * time, or empty when only a walk can tell what it is now (gone, no longer a regular file, over the size limit).
   */
  public Optional<SourceFile> again(SourceFile listed) {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(listed.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile() || attrs.size() > maxFileSize) {
        return Optional.empty();
      }
      return Optional.of(new SourceFile(listed.path(), listed.file(), attrs.size(),
          attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The answer of the globs per path, kept between walks: the service lists the corpus every half second, and the
   * glob regexes were most of that walk's time. Bounded: cleared when it holds more paths than a corpus should.
   */
  private final Map<String, Boolean> markdownByPath = new ConcurrentHashMap<>();

  boolean isMarkdown(String rel) {
    Boolean known = markdownByPath.get(rel);
    if (known != null) {
      return known;
    }
    boolean markdown =
        include.stream().anyMatch(g -> g.matches(rel)) && exclude.stream().noneMatch(g -> g.matches(rel));
    if (markdownByPath.size() > 200_000) {
      markdownByPath.clear();
    }
    markdownByPath.put(rel, markdown);
    return markdown;
  }

  /** True when the walk skips this corpus-relative folder (an exclude glob covers it): the watcher ignores it too. */
  public boolean isExcludedDirectory(String rel) {
    String probe = rel + "/x";
    return exclude.stream().anyMatch(g -> g.matches(rel) || g.matches(probe));
  }

  private final class Walker extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Path realRoot;
    final List<SourceFile> markdown = new ArrayList<>();
    final Set<String> files = new HashSet<>();
    final Set<String> directories = new HashSet<>();
    final List<Finding> findings = new ArrayList<>();
    /** null: ignore files are not read ({@code --no-ignore}). */
    private final IgnoreFiles ignores;

    Walker(Path root, Path realRoot, IgnoreFiles ignores) {
      this.root = root;
      this.realRoot = realRoot;
      this.ignores = ignores;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      String rel = relative(root, dir);
      if (!rel.isEmpty() && isExcludedDirectory(rel)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      // an ignored path is treated as excluded: an ignored folder is not walked
      if (ignores != null && !rel.isEmpty() && ignores.isIgnored(rel, true)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (ignores != null) {
        try {
          ignores.enter(dir, rel);
        } catch (IOException e) {
          findings.add(RULES.rule("corpus/unreadable").at(rel.isEmpty() ? ".gitignore" : rel + "/.gitignore", 1, 1,
              "an ignore file here could not be read: " + e.getMessage()));
        }
      }
      if (!rel.isEmpty() && leavesCorpus(dir)) {
        findings.add(RULES.rule("corpus/symlink-outside").at(rel, 1, 1,
            "symbolic link to a folder outside the corpus; not followed"));
        return FileVisitResult.SKIP_SUBTREE;
      }
      directories.add(rel);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String rel = relative(root, file);
      // an ignored Markdown file is treated as an excluded one: no document, still a link target
      if (!isMarkdown(rel) || (ignores != null && ignores.isIgnored(rel, false))) {
        if (attrs.isRegularFile()) {
          files.add(rel);
        }
        return FileVisitResult.CONTINUE;
      }
      if (leavesCorpus(file)) {
        findings.add(RULES.rule("corpus/symlink-outside").at(rel, 1, 1,
            "symbolic link to a file outside the corpus; not read"));
        return FileVisitResult.CONTINUE;
      }
      files.add(rel);
      if (attrs.isSymbolicLink()) {
        // The walk follows links and falls back to the link's own attributes only when its target is missing.
        findings.add(RULES.rule("corpus/unreadable").at(rel, 1, 1, "broken symbolic link: its target does not exist"));
      } else if (!attrs.isRegularFile()) {
        findings.add(RULES.rule("corpus/unreadable").at(rel, 1, 1,
            "not a regular file (a pipe, socket or device); not read"));
      } else if (attrs.size() > maxFileSize) {
        // Locale.ROOT: fingerprints hash the message, so it must not change with the machine's locale.
        findings.add(RULES.rule("corpus/too-large").at(rel, 1, 1, String.format(Locale.ROOT,
            "file is %,d bytes, over the limit of %,d bytes (corpus.maxFileSize); not checked",
            attrs.size(), maxFileSize)));
      } else {
        markdown.add(new SourceFile(rel, file, attrs.size(),
            attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      String rel = relative(root, file);
      if (e instanceof FileSystemLoopException) {
        findings.add(RULES.rule("corpus/symlink-loop").at(rel, 1, 1,
            "symbolic link leads back to one of its own parent folders; not followed"));
      } else if (e instanceof NoSuchFileException) {
        if (isMarkdown(rel)) {
          findings.add(RULES.rule("corpus/unreadable").at(rel, 1, 1,
              "broken symbolic link: its target does not exist"));
        }
      } else if (e instanceof AccessDeniedException) {
        findings.add(RULES.rule("corpus/unreadable").at(rel, 1, 1, "permission denied"));
      } else {
        findings.add(RULES.rule("corpus/unreadable").at(rel, 1, 1, "cannot be read: " + e.getMessage()));
      }
      return FileVisitResult.CONTINUE;
    }

    private boolean leavesCorpus(Path path) {
      if (!Files.isSymbolicLink(path)) {
        return false;
      }
      try {
        return !path.toRealPath().startsWith(realRoot);
      } catch (IOException e) {
        return false; // dangling: reported when visited
      }
    }
  }
}
