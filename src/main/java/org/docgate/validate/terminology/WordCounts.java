package org.docgate.validate.terminology;

import java.lang.ref.WeakReference;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The corpus's word counts of one index: the counts of an earlier index (shared, never copied) and the words changed
 * since, so that the next index's counts after an edit cost the edited documents' words, not a copy of the corpus's
 * vocabulary (tens of thousands of words: the copy was most of the word totals' share of an edit on k8s-enhancements).
 * Folded into one map again when the changed words grow past an eighth of it. Immutable; a map for reading only.
 */
final class WordCounts extends AbstractMap<String, Long> {
  static final WordCounts EMPTY = new WordCounts(Map.of(), Map.of(), null, Set.of());

  private final Map<String, Long> base;
  /** Count per word changed since {@code base} (0: no longer written). */
  private final Map<String, Long> changes;
  /**
   * The counts these were made from by {@link #plus} (weakly: a chain of every earlier index's counts must not stay
   * reachable), and the words whose count differs from them.
   */
  private final WeakReference<WordCounts> from;
  private final Set<String> changed;
  private volatile Set<Entry<String, Long>> entries;

  private WordCounts(Map<String, Long> base, Map<String, Long> changes, WordCounts from, Set<String> changed) {
    this.base = base;
    this.changes = changes;
    this.from = new WeakReference<>(from);
    this.changed = changed;
  }

  /** These counts with each word's count moved by {@code delta} (words and signed differences). */
  WordCounts plus(Map<String, Long> delta) {
    Map<String, Long> next = new HashMap<>(changes);
    Set<String> moved = new HashSet<>();
    delta.forEach((w, d) -> {
      if (d != 0) {
        next.put(w, getOrDefault(w, 0L) + d);
        moved.add(w);
      }
    });
    if (next.size() > base.size() / 8) {
      return new WordCounts(Map.copyOf(merged(base, next)), Map.of(), this, Set.copyOf(moved));
    }
    return new WordCounts(base, next, this, Set.copyOf(moved));
  }

  /** The words whose count differs from {@code before}'s when these were made from them, else null (ask the maps). */
  Set<String> changedSince(Map<String, Long> before) {
    return before != null && before == from.get() ? changed : null;
  }

  @Override
  public Long get(Object word) {
    Long n = changes.get(word);
    if (n != null) {
      return n == 0 ? null : n;
    }
    return base.get(word);
  }

  @Override
  public Long getOrDefault(Object word, Long otherwise) {
    Long n = get(word);
    return n == null ? otherwise : n;
  }

  @Override
  public boolean containsKey(Object word) {
    return get(word) != null;
  }

  @Override
  public Set<Entry<String, Long>> entrySet() {
    Set<Entry<String, Long>> e = entries;
    if (e == null) {
      e = changes.isEmpty() ? base.entrySet() : Map.copyOf(merged(base, changes)).entrySet();
      entries = e;
    }
    return e;
  }

  private static Map<String, Long> merged(Map<String, Long> base, Map<String, Long> changes) {
    Map<String, Long> all = new HashMap<>(base);
    changes.forEach((w, n) -> {
      if (n == 0) {
        all.remove(w);
      } else {
        all.put(w, n);
      }
    });
    return all;
  }
}
