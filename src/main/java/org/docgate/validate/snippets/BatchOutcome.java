package org.docgate.validate.snippets;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

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

  /**
   * The answers by text of the batch that checked {@code texts}, its processes and time added to the counters; a batch
   * that could not check throws, which leaves its texts out of a {@link ChunkedBatch} result (unchecked, not passed).
   */
  Map<String, Optional<Problem>> byText(List<String> texts, LongAdder processCount, LongAdder nanoCount)
      throws IOException {
    processCount.add(processes);
    nanoCount.add(nanos);
    if (!available()) {
      throw new IOException(unavailable);
    }
    Map<String, Optional<Problem>> out = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      out.put(texts.get(i), problems.get(i));
    }
    return out;
  }
}
