package org.docgate.corpus;

import java.nio.file.Path;

/**
 * A Markdown file of the corpus, not yet read.
 *
 * @param path corpus-relative, {@code /} separators
 * @param file where to read it
 */
public record SourceFile(String path, Path file, long size) {}
