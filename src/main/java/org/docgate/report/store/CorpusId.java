package org.docgate.report.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Whose history a run belongs to. Several docgates may share one database (one corpus each, or a fleet): every run
 * carries its corpus id, and a store opened for a corpus reads, diffs, retains and recovers only that corpus's runs.
 *
 * @param value the operator's name for the corpus when one is configured, else the corpus folder's real path (so a
 *     symlink and its target are the same corpus, and two checkouts are two corpora)
 */
public record CorpusId(String value) {
  /** For a database that holds one corpus only (tests, tools): its runs are all "default". */
  public static final CorpusId DEFAULT = new CorpusId("default");

  public CorpusId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a corpus id must not be blank");
    }
    if (value.length() > 1000) {
      throw new IllegalArgumentException("a corpus id must be at most 1000 characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a corpus id must not contain control characters");
    }
  }

  /** {@code name} when given (not blank), else the real path of {@code root}, which must exist. */
  public static CorpusId of(Path root, String name) {
    if (name != null && !name.isBlank()) {
      return new CorpusId(name.strip());
    }
    try {
      return new CorpusId(root.toRealPath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the corpus folder " + root, e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
