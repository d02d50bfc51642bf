package org.docgate.validate.snippets;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shared part of every subprocess checker (bash, python3, gofmt, shellcheck): the program found on the PATH, the
 * distinct texts cut into chunks of {@code chunkSize}, one process per chunk, chunks side by side on docgate's checker
 * threads ({@link ChunkedBatch}), processes and time counted. A chunk whose process failed leaves its texts out of the
 * answer (unchecked, not passed). Each checker only writes how one process reads one chunk ({@link Chunk}).
 *
 * @param <V> what the checker says about one text
 */
final class BatchRunner<V> {
  /**
   * One process over one chunk: the answers in the chunk's order (null for a text the program could not judge); an
   * IOException leaves the chunk unchecked.
   */
  interface Chunk<V> {
    List<V> check(String program, List<String> chunk) throws IOException;
  }

  /**
   * A chunk whose process starts processes of its own (bash's batch starts {@code shfmt} and a {@code bash -n} per
   * snippet it parses alone): it adds them to {@code children}, so a scan's process count is complete.
   */
  interface ParentChunk<V> {
    List<V> check(String program, List<String> chunk, LongAdder children) throws IOException;
  }

  private final String name;
  private final Optional<String> program;
  private final int chunkSize;
  private final ParentChunk<V> chunk;
  private final VerdictCache.Shelf<V> shelf;
  private final LongAdder processes = new LongAdder();
  private final LongAdder cached = new LongAdder();
  private final LongAdder children = new LongAdder();
  private final LongAdder nanos = new LongAdder();

  BatchRunner(String name, Optional<String> program, int chunkSize, Chunk<V> chunk) {
    this(name, program, chunkSize, (ParentChunk<V>) (p, part, children) -> chunk.check(p, part));
  }

  BatchRunner(String name, Optional<String> program, int chunkSize, ParentChunk<V> chunk) {
    this(name, program, chunkSize, chunk, VerdictCache.OFF.shelf(name, Optional::empty, null));
  }

  private BatchRunner(String name, Optional<String> program, int chunkSize, ParentChunk<V> chunk,
      VerdictCache.Shelf<V> shelf) {
    this.name = name;
    this.program = program;
    this.chunkSize = chunkSize;
    this.chunk = chunk;
    this.shelf = shelf;
  }

  /**
   * The same runner with its verdicts kept in {@code cache}. {@code arguments} is everything docgate gives the
   * program that can change a verdict (flags, scripts, excluded codes, the codec's format); {@code version} says
   * which program answers, from its path (by default its real path, size and modification time).
   */
  BatchRunner<V> cachedIn(VerdictCache cache, String arguments, VerdictCache.Codec<V> codec) {
    return cachedIn(cache, arguments, codec, VerdictCache::programIdentity);
  }

  BatchRunner<V> cachedIn(VerdictCache cache, String arguments, VerdictCache.Codec<V> codec,
      java.util.function.Function<String, Optional<String>> version) {
    return new BatchRunner<>(name, program, chunkSize, chunk, cache.shelf(name,
        () -> program.flatMap(version).map(v -> v + "\n" + arguments), codec));
  }

  /** The counter name: {@code snippets.subprocess.<name>.runs}. */
  String name() {
    return name;
  }

  Optional<String> program() {
    return program;
  }

  long processes() {
    return processes.sum();
  }

  /** Processes the chunks' processes started: {@code snippets.subprocess.<name>.children}. */
  long children() {
    return children.sum();
  }

  long nanos() {
    return nanos.sum();
  }

  /** Texts answered from the persistent cache instead of a process. */
  long cached() {
    return cached.sum();
  }

  /** Each distinct text's answer; a text missing from the map could not be checked. */
  Map<String, V> run(Collection<String> texts) {
    if (program.isEmpty() || texts.isEmpty()) {
      return new HashMap<>();
    }
    Map<String, V> out = shelf.known(texts);
    cached.add(out.size());
    List<String> unknown = texts.stream().filter(t -> !out.containsKey(t)).distinct().toList();
    if (!unknown.isEmpty()) {
      Map<String, V> fresh = check(unknown);
      shelf.learn(fresh);
      out.putAll(fresh);
    }
    return out;
  }

  private Map<String, V> check(List<String> texts) {
    return ChunkedBatch.run(texts, chunkSize, part -> {
      long start = System.nanoTime();
      processes.increment();
      try {
        List<V> answers = chunk.check(program.get(), part, children);
        if (answers.size() != part.size()) {
          throw new IOException(name + " answered " + answers.size() + " results for " + part.size() + " snippets");
        }
        Map<String, V> out = new HashMap<>();
        for (int i = 0; i < part.size(); i++) {
          if (answers.get(i) != null) { // null: the program could not judge this text (unchecked, not passed)
            out.put(part.get(i), answers.get(i));
          }
        }
        return out;
      } finally {
        nanos.add(System.nanoTime() - start);
      }
    });
  }
}
