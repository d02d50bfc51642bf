package org.docgate.corpus;

import java.nio.file.Path;

/**
 * A Markdown file of the corpus, not yet read.
 *
 * @param path corpus-relative, {@code /} separators
 * @param file where to read it
 * @param modifiedNanos its modification time as the walk saw it (epoch nanoseconds), -1 when unknown
 */
public record SourceFile(String path, Path file, long size, long modifiedNanos) {
  public SourceFile(String path, Path file, long size) {
    this(path, file, size, -1);
  }
}
