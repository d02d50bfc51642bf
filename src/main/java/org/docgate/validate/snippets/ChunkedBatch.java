package org.docgate.validate.snippets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs a subprocess checker over the distinct texts in chunks, the chunks side by side (a scan's other threads mostly
 * wait for such a batch). A chunk whose process failed leaves its texts out of the result: unchecked, not passed.
 */
final class ChunkedBatch {
  /** One process over one chunk: each text's result. */
  interface Chunk<V> {
    Map<String, V> check(List<String> chunk) throws IOException;
  }

  private ChunkedBatch() {}

  static <V> Map<String, V> run(Collection<String> texts, int chunkSize, Chunk<V> checker) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += chunkSize) {
      chunks.add(distinct.subList(from, Math.min(distinct.size(), from + chunkSize)));
    }
    Map<String, V> out = new HashMap<>();
    chunks.parallelStream().map(chunk -> {
      try {
        return checker.check(chunk);
      } catch (IOException e) {
        return Map.<String, V>of(); // that chunk stays unchecked
      }
    }).toList().forEach(out::putAll);
    return out;
  }
}
