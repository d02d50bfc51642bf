package org.docgate.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;

/**
 * What intake found under a corpus root.
 *
 * @param markdown the Markdown files to read and parse, sorted by path
 * @param files every regular file walked (any type), corpus-relative: link targets
 * @param directories every folder walked, corpus-relative ("" is the root)
 * @param findings files that could not be taken in (loops, unreadable, too large)
 */
public record CorpusListing(
    Path root, List<SourceFile> markdown, Set<String> files, Set<String> directories, List<Finding> findings) {
  public CorpusListing {
    markdown = List.copyOf(markdown);
    files = Set.copyOf(files);
    directories = Set.copyOf(directories);
    findings = List.copyOf(findings);
  }
}
