package org.docgate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the shared corpus and fixtures live (beside the repo); tests that need them skip with a clear message. */
public final class SharedFiles {
  private SharedFiles() {}

  public static Path shared() {
    String override = System.getenv("DOCGATE_SHARED");
    if (override != null) {
      return Path.of(override);
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isDirectory(candidate.resolve("corpus")) || Files.isDirectory(candidate.resolve("fixtures"))) {
        return candidate;
      }
      Path sibling = p.resolveSibling("shared");
      if (Files.isDirectory(sibling.resolve("corpus")) || Files.isDirectory(sibling.resolve("fixtures"))) {
        return sibling;
      }
    }
    return here.resolveSibling("shared");
  }

  /** The reference corpus, or the test is skipped. */
  public static Path referenceCorpus() {
    Path corpus = shared().resolve("corpus/vshpere-1019");
    Assumptions.assumeTrue(Files.isDirectory(corpus),
        "skipped: the shared reference corpus is absent (expected at " + corpus + "; set DOCGATE_SHARED)");
    return corpus;
  }

  /** A shared fixture file, or the test is skipped. */
  public static Path fixture(String relative) {
    Path file = shared().resolve("fixtures").resolve(relative);
    Assumptions.assumeTrue(Files.isRegularFile(file),
        "skipped: shared fixture absent (expected at " + file + "; set DOCGATE_SHARED)");
    return file;
  }
}
