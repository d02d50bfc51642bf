package org.docgate.validate.snippets;

import java.util.List;
import java.util.Optional;

/**
 * What a batch checker said about each snippet of a batch, in order, and how long its processes took; or why it could
 * not check them at all (not installed, timed out).
 */
record BatchOutcome(List<Optional<Problem>> problems, String unavailable, long nanos, int processes) {
  static BatchOutcome unavailable(String reason, int size, long nanos, int processes) {
    return new BatchOutcome(java.util.Collections.nCopies(size, Optional.empty()), reason, nanos, processes);
  }

  boolean available() {
    return unavailable == null;
  }
}
