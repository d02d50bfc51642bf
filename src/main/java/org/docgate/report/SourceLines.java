package org.docgate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.markdown.MarkdownDocument;

/**
 * Lines of corpus files, for renderers that need the text around a finding: the text the scan parsed
 * ({@link #of(Collection)}), or for {@code fix}, which edits the files, what they hold now (read on demand, and only
 * read: the corpus may be a read-only mount). One instance per report; not thread-safe.
 */
public final class SourceLines {
  private final Path root;
  private final Map<String, List<String>> files = new HashMap<>();

  /** The files under {@code root} as they are on disk now. */
  public SourceLines(Path root) {
    this.root = root;
  }

  /** The documents' text as the scan read it; any other path has no lines. */
  public static SourceLines of(Collection<MarkdownDocument> documents) {
    SourceLines lines = new SourceLines(null);
    documents.forEach(d -> lines.files.put(d.path(), d.sourceLines()));
    return lines;
  }

  /** The 1-based line of a corpus-relative file, or empty when the file or line cannot be read. */
  public Optional<String> line(String path, int line) {
    List<String> lines = files.computeIfAbsent(path, this::read);
    return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
  }

  private List<String> read(String path) {
    if (root == null) {
      return List.of();
    }
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
