package org.docgate.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.docgate.markdown.MarkdownDocument;

/**
 * Values derived from one document alone (its currency, a validator's pass over it, its word counts), each computed
 * once per document object and key, for {@link CorpusIndex#ofDocument}. A corpus-wide value is then the cheap
 * combination of its documents' parts: after an edit, the service's next index shares the unchanged documents'
 * objects with the one before ({@link #inherit}), so only the edited document's parts are computed again.
 *
 * <p>Memory stays bounded by the current index: a generation inherits only the values the generation before it used,
 * and only for documents it still holds as the same object (a replaced or removed document's values are dropped).
 * Thread-safe: validator threads ask concurrently; a thread asking for a value another one is computing waits for it.
 */
final class DocumentValues {
  /** The documents of the index, by path: values are kept only for these objects. */
  private final Map<String, MarkdownDocument> documents;
  /** Per path, the values asked for in this generation. */
  private final Map<String, Map<Object, Future<Object>>> used = new ConcurrentHashMap<>();
  /** Per path, the values the generation before used, for the same document object: taken over when asked again. */
  private volatile Map<String, Map<Object, Future<Object>>> inherited = Map.of();
  /** How many values each path computed in this generation (what a test or a profile asks). */
  private final Map<String, Integer> computed = new ConcurrentHashMap<>();

  DocumentValues(Map<String, MarkdownDocument> documents) {
    this.documents = documents;
  }

  /**
   * Takes over the values {@code previous} used for the documents both hold as the same object. Called before this
   * generation asks for any value; values that failed are computed again.
   */
  void inherit(DocumentValues previous) {
    Map<String, Map<Object, Future<Object>>> kept = new HashMap<>();
    previous.used.forEach((path, values) -> {
      if (documents.get(path) == previous.documents.get(path) && documents.containsKey(path)) {
        Map<Object, Future<Object>> ok = new HashMap<>();
        values.forEach((key, value) -> {
          if (value.isDone() && value.state() == Future.State.SUCCESS) {
            ok.put(key, value);
          }
        });
        kept.put(path, ok);
      }
    });
    inherited = Map.copyOf(kept);
  }

  /**
   * The value of {@code key} for {@code doc}: the one this or the previous generation computed when {@code stillValid}
   * accepts it, else {@code compute(doc)}. A document that is not this index's own (same path, another object) is
   * computed every time, never kept.
   */
  @SuppressWarnings("unchecked")
  <T> T get(Object key, MarkdownDocument doc, Function<MarkdownDocument, T> compute, Predicate<T> stillValid) {
    if (documents.get(doc.path()) != doc) {
      return compute.apply(doc);
    }
    Map<Object, Future<Object>> mine = used.computeIfAbsent(doc.path(), p -> new ConcurrentHashMap<>());
    Future<Object> present = mine.get(key);
    if (present == null) {
      Future<Object> before = inherited.getOrDefault(doc.path(), Map.of()).get(key);
      if (before != null && stillValid.test((T) Futures.await(before, key))) {
        present = mine.putIfAbsent(key, before);
        if (present == null) {
          present = before;
        }
      }
    }
    if (present == null) {
      FutureTask<Object> task = new FutureTask<>(() -> compute.apply(doc));
      present = mine.putIfAbsent(key, task);
      if (present == null) {
        computed.merge(doc.path(), 1, Integer::sum);
        task.run();
        present = task;
      }
    }
    return (T) Futures.await(present, key);
  }

  /**
   * {@link #get} of {@code key} for every document of the index, by the calling thread and helpers of the common
   * fork-join pool taking the next document from one list, largest first (so no thread is left with a long one at the
   * end). Returns when the list is taken: a helper may still be computing its last one, which whoever asks waits for
   * as for any value being computed. Failures stay in their values, for the caller's own {@code get} to throw.
   */
  <T> void computeAll(Object key, Function<MarkdownDocument, T> compute) {
    List<MarkdownDocument> todo = new ArrayList<>(documents.values());
    todo.sort(Comparator.comparingInt((MarkdownDocument d) -> d.source().length()).reversed());
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
        try {
          get(key, todo.get(i), compute, v -> true);
        } catch (RuntimeException e) {
          // kept in the document's value: the caller's get throws it where it would have without this step
        }
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), todo.size() - 1);
    for (int h = 0; h < helpers; h++) {
      ForkJoinPool.commonPool().execute(worker);
    }
    worker.run();
  }

  /** How many values were computed (not inherited) per document path in this generation. */
  Map<String, Integer> computed() {
    return Map.copyOf(computed);
  }
}
