package org.docgate.corpus;

import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Memory stays bounded by two generations: a generation takes over only the values the generation before it used,
 * and only for documents it still holds as the same object; it reads the one before's values in place, so a replaced
 * or removed document's values are dropped when the next generation inherits.
 * Thread-safe: validator threads ask concurrently; a thread asking for a value another one is computing waits for it.
 */
final class DocumentValues {
  /** The documents of the index, by path: values are kept only for these objects. */
  private final Map<String, MarkdownDocument> documents;
  /** Per path, the values asked for in this generation. */
  private final Map<String, Map<Object, Future<Object>>> used = new ConcurrentHashMap<>();
  /**
   * The generation before's values and documents: its values for a path whose document is the same object here are
   * taken over when asked again (read in place, not copied: copying every value of every document on each edit was
   * a tenth of an edit on k8s-enhancements).
   */
  private volatile Inherited inherited = new Inherited(Map.of(), Map.of());

  private record Inherited(Map<String, Map<Object, Future<Object>>> values, Map<String, MarkdownDocument> documents) {
    /** The values kept for this document object, or null. */
    Map<Object, Future<Object>> of(MarkdownDocument doc) {
      return documents.get(doc.path()) == doc ? values.get(doc.path()) : null;
    }
  }

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
    inherited = new Inherited(previous.used, previous.documents);
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
    Map<Object, Future<Object>> kept = inherited.of(doc);
    // sized for what the generation before held: growing a map per document, value by value, showed in profiles
    Map<Object, Future<Object>> mine = used.computeIfAbsent(doc.path(),
        p -> new ConcurrentHashMap<>(kept == null ? 16 : Math.max(16, kept.size() * 2)));
    Future<Object> present = mine.get(key);
    if (present == null) {
      Future<Object> before = kept == null ? null : kept.get(key);
      if (before != null && before.isDone() && before.state() == Future.State.SUCCESS
          && stillValid.test((T) Futures.await(before, key))) {
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
   * {@link #get} of {@code key} for every document of the index that has none yet (computed or inherited: after an
   * edit, the edited one), by the calling thread and helpers of the common fork-join pool taking the next document from
   * one list, largest first (so no thread is left with a long one at the end). Returns when the list is taken: a helper
   * may still be computing its last one, which whoever asks waits for as for any value being computed. Failures stay in
   * their values, for the caller's own {@code get} to throw.
   */
  <T> void computeAll(Object key, Function<MarkdownDocument, T> compute) {
    // after an edit every other document's value is kept or inherited: only what is missing is worth a helper. A
    // value inherited is still taken over here (get), as the generation's own: one this generation leaves unasked
    // is not inherited by the next, which computed the whole corpus's values again on every other edit
    List<MarkdownDocument> todo = new ArrayList<>();
    for (MarkdownDocument d : documents.values()) {
      if (known(key, d.path())) {
        compute(key, d, compute);
      } else {
        todo.add(d);
      }
    }
    sideBySide(key, compute, todo);
  }

  /**
   * As {@link #computeAll(Object, Function)} for these documents of the index only (the edited ones, whose parts a
   * corpus-wide combination updates): those without a value are computed side by side, the others left as they are.
   */
  <T> void computeAll(Object key, Function<MarkdownDocument, T> compute, List<MarkdownDocument> docs) {
    List<MarkdownDocument> todo = new ArrayList<>();
    for (MarkdownDocument d : docs) {
      if (!known(key, d.path())) {
        todo.add(d);
      }
    }
    sideBySide(key, compute, todo);
  }

  private <T> void sideBySide(Object key, Function<MarkdownDocument, T> compute, List<MarkdownDocument> todo) {
    if (todo.size() < 2) {
      todo.forEach(d -> compute(key, d, compute));
      return;
    }
    todo.sort(Comparator.comparingInt((MarkdownDocument d) -> d.source().length()).reversed());
    AtomicInteger next = new AtomicInteger();
    java.util.concurrent.CountDownLatch computed = new java.util.concurrent.CountDownLatch(todo.size());
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
        try {
          compute(key, todo.get(i), compute);
        } finally {
          computed.countDown();
        }
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), todo.size() - 1);
    for (int h = 0; h < helpers; h++) {
      ForkJoinPool.commonPool().execute(worker);
    }
    worker.run();
    // a helper may still be computing the last document it took: every value is there when this returns. The caller
    // took every document no helper had taken, so only documents being computed are waited for (never a helper that
    // has not started: the common pool may be busy with the caller's own callers)
    try {
      computed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether this generation holds or inherited a value of {@code key} for the document at {@code path}. */
  private boolean known(Object key, String path) {
    Map<Object, Future<Object>> mine = used.get(path);
    if (mine != null && mine.containsKey(key)) {
      return true;
    }
    Map<Object, Future<Object>> kept = inherited.of(documents.get(path));
    Future<Object> before = kept == null ? null : kept.get(key);
    return before != null && before.isDone() && before.state() == Future.State.SUCCESS;
  }

  private <T> void compute(Object key, MarkdownDocument doc, Function<MarkdownDocument, T> compute) {
    try {
      get(key, doc, compute, v -> true);
    } catch (RuntimeException e) {
      // kept in the document's value: the caller's get throws it where it would have without this step
    }
  }

  /** How many values were computed (not inherited) per document path in this generation. */
  Map<String, Integer> computed() {
    return Map.copyOf(computed);
  }
}
