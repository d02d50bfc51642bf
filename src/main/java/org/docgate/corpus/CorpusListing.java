package org.docgate.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;

/**
 * What intake found under a corpus root. Identity equality (not a record): it is large, and Camel hashes the
 * objects whose methods a route calls.
 */
public final class CorpusListing {
  private final Path root;
  private final List<SourceFile> markdown;
  private final Set<String> files;
  private final Set<String> directories;
  private final List<Finding> findings;

  /**
   * @param markdown the Markdown files to read and parse, sorted by path
   * @param files every regular file walked (any type), corpus-relative: link targets
   * @param directories every folder walked, corpus-relative ("" is the root)
   * @param findings files that could not be taken in (loops, unreadable, too large)
   */
  public CorpusListing(Path root, List<SourceFile> markdown, Set<String> files, Set<String> directories,
      List<Finding> findings) {
    this.root = root;
    this.markdown = List.copyOf(markdown);
    this.files = Set.copyOf(files);
    this.directories = Set.copyOf(directories);
    this.findings = List.copyOf(findings);
  }

  public Path root() {
    return root;
  }

  public List<SourceFile> markdown() {
    return markdown;
  }

  public Set<String> files() {
    return files;
  }

  public Set<String> directories() {
    return directories;
  }

  public List<Finding> findings() {
    return findings;
  }
}
