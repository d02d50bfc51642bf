package org.docgate.corpus;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.docgate.markdown.MarkdownDocument;

/**
 * The corpus-wide values of one index that the service's next index takes over or updates instead of deriving them
 * from every document again ({@link CorpusIndex#carried}, {@link CorpusIndex#combined}), with what each was made
 * from: the documents (by path, as objects: an edited document is another object), the files and folders, and for
 * a combination each document's part.
 *
 * <p>A value made by an index some generations back is still taken over when the indexes in between did not ask for
 * it: what changed is told by comparing its documents with this index's, not by the last edit alone. (Taking over
 * only what the index just before had made lost a value each time an edit did not ask for it, and the next edit
 * derived it from every document again: the templates' guidance and the entry pages, on k8s-enhancements about
 * every other edit.) An unasked value is kept {@link #KEPT_UNASKED} generations, so that the documents it was made
 * from are not held for ever. Thread-safe.
 */
final class CorpusWideValues {
  /** How many later indexes may take over a value none of them asked for. */
  static final int KEPT_UNASKED = 16;

  /** A value and what it was made from; {@code parts} null for a {@link CorpusIndex#carried} value. */
  private record Made(Object value, Map<String, MarkdownDocument> documents, Set<String> files,
      Set<String> directories, Object partKey, SortedMap<String, Object> parts, int unasked) {
    Made older() {
      return new Made(value, documents, files, directories, partKey, parts, unasked + 1);
    }
  }

  private final CorpusIndex index;
  /** The values this index made, by key. */
  private final Map<Object, Made> made = new ConcurrentHashMap<>();
  /** The values the indexes before this one made (the latest of each key), by key. */
  private volatile Map<Object, Made> before = Map.of();
  /** The paths whose document differs between an earlier index's documents (by identity) and this index's. */
  private final Map<Map<String, MarkdownDocument>, Set<String>> changed =
      Collections.synchronizedMap(new IdentityHashMap<>());

  CorpusWideValues(CorpusIndex index) {
    this.index = index;
  }

  /** Takes over what {@code previous} made and what it had taken over itself and did not ask for. */
  void inherit(CorpusWideValues previous) {
    Map<Object, Made> all = new HashMap<>();
    previous.before.forEach((key, m) -> {
      if (m.unasked() < KEPT_UNASKED) {
        all.put(key, m.older());
      }
    });
    all.putAll(previous.made);
    before = all;
  }

  /** See {@link CorpusIndex#carried}; called once per key and index (the index's memo of derived values). */
  <T> T carried(Object key, Predicate<String> reads, Function<CorpusIndex, T> compute) {
    return carried(key, (b, path) -> reads.test(path), compute);
  }

  /** See {@link CorpusIndex#ofDocumentPaths}: a path changes the value only when its document came or went. */
  <T> T carriedByPaths(Object key, Function<CorpusIndex, T> compute) {
    Map<String, MarkdownDocument> now = index.documents();
    return carried(key, (b, path) -> !b.documents().containsKey(path) || !now.containsKey(path), compute);
  }

  @SuppressWarnings("unchecked")
  private <T> T carried(Object key, BiPredicate<Made, String> changes, Function<CorpusIndex, T> compute) {
    Made b = before.get(key);
    T value = b != null && b.parts() == null && sameListing(b)
        && changedSince(b.documents()).stream().noneMatch(path -> changes.test(b, path))
        ? (T) b.value() : compute.apply(index);
    made.put(key, new Made(value, index.documents(), index.files(), index.directories(), null, null, 0));
    return value;
  }

  /** See {@link CorpusIndex#combined}; called once per key and index. */
  @SuppressWarnings("unchecked")
  <P, T> T combined(Object key, Object partKey, Function<MarkdownDocument, P> part, Combination<P, T> how,
      DocumentValues values) {
    Made b = before.get(key);
    SortedMap<String, P> parts;
    T value;
    if (b == null || b.parts() == null || !b.partKey().equals(partKey)) {
      values.computeAll(partKey, part);
      TreeMap<String, P> all = new TreeMap<>();
      for (MarkdownDocument d : index.documents().values()) {
        all.put(d.path(), values.get(partKey, d, part, x -> true));
      }
      parts = Collections.unmodifiableSortedMap(all);
      value = how.of(index, parts);
    } else {
      SortedMap<String, P> partsBefore = (SortedMap<String, P>) (SortedMap<String, ?>) b.parts();
      Set<String> changedPaths = changedSince(b.documents());
      boolean same = !how.readsListing() || sameListing(b);
      if (changedPaths.isEmpty()) {
        parts = partsBefore;
      } else {
        List<MarkdownDocument> edited = changedPaths.stream().map(index.documents()::get).filter(Objects::nonNull)
            .toList();
        values.computeAll(partKey, part, edited);
        Map<String, P> moved = new HashMap<>();
        Set<String> gone = new HashSet<>();
        for (String path : changedPaths) {
          MarkdownDocument d = index.documents().get(path);
          if (d == null) {
            gone.add(path);
            continue;
          }
          P p = values.get(partKey, d, part, x -> true);
          if (!partsBefore.containsKey(path) || !Objects.equals(partsBefore.get(path), p)) {
            moved.put(path, p);
          }
        }
        // parts equal to the kept ones keep the kept map (a part holds values, never its document)
        same &= moved.isEmpty() && gone.isEmpty();
        if (moved.isEmpty() && gone.isEmpty()) {
          parts = partsBefore;
        } else {
          TreeMap<String, P> now = new TreeMap<>(partsBefore);
          now.keySet().removeAll(gone);
          now.putAll(moved);
          parts = Collections.unmodifiableSortedMap(now);
        }
      }
      value = same ? (T) b.value() : how.next(index, (T) b.value(), partsBefore, parts, changedPaths);
    }
    made.put(key, new Made(value, index.documents(), index.files(), index.directories(), partKey,
        (SortedMap<String, Object>) (SortedMap<String, ?>) parts, 0));
    return value;
  }

  private boolean sameListing(Made b) {
    return (b.files() == index.files() || b.files().equals(index.files()))
        && (b.directories() == index.directories() || b.directories().equals(index.directories()));
  }

  /** The paths of documents edited, added or removed since an index whose documents were {@code earlier}. */
  private Set<String> changedSince(Map<String, MarkdownDocument> earlier) {
    Map<String, MarkdownDocument> now = index.documents();
    if (earlier == now) {
      return Set.of();
    }
    return changed.computeIfAbsent(earlier, e -> {
      Set<String> out = new HashSet<>();
      now.forEach((path, doc) -> {
        if (e.get(path) != doc) {
          out.add(path);
        }
      });
      e.keySet().forEach(path -> {
        if (!now.containsKey(path)) {
          out.add(path);
        }
      });
      return Set.copyOf(out);
    });
  }
}
