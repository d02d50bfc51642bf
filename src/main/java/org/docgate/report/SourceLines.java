package org.docgate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines of corpus files, read on demand (and only read: the corpus may be a read-only mount), for renderers that
 * need the text around a finding. One instance per report; not thread-safe.
 */
public final class SourceLines {
  private final Path root;
  private final Map<String, List<String>> files = new HashMap<>();

  public SourceLines(Path root) {
    this.root = root;
  }

  /** The 1-based line of a corpus-relative file, or empty when the file or line cannot be read. */
  public Optional<String> line(String path, int line) {
    List<String> lines = files.computeIfAbsent(path, this::read);
    return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
  }

  private List<String> read(String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root.normalize())) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // A file that cannot be read again simply gets no fix; the finding is still reported.
      return List.of();
    }
  }
}
