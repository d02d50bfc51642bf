package org.docgate.corpus;

import java.util.Set;
import java.util.SortedMap;

/**
 * How a corpus-wide value is made from one part per document ({@link CorpusIndex#combined}): from every part, and,
 * in the service, from the previous index's value when some documents' parts changed.
 *
 * @param <P> a document's part: made from the document alone, with value equality; it holds values, never the
 *     document (a part equal to the kept one is kept, and outlives its document object)
 * @param <T> the corpus-wide value
 */
public interface Combination<P, T> {
  /**
   * The value of a corpus whose documents have these parts (by path, in path order); it may read which files,
   * folders and documents {@code index} has, and nothing else of it.
   */
  T of(CorpusIndex index, SortedMap<String, P> parts);

  /**
   * The value after some documents' parts changed ({@code changed}: paths edited, added or removed; a path missing
   * from one of the maps is a document added or removed), given the value {@code before} made of
   * {@code partsBefore}. The default makes it from all parts again; a sum subtracts and adds the changed parts.
   */
  default T next(CorpusIndex index, T before, SortedMap<String, P> partsBefore, SortedMap<String, P> parts,
      Set<String> changed) {
    return of(index, parts);
  }

  /**
   * Whether {@link #of} reads which files and folders exist (then a value is taken over unchanged only while they
   * are the same); false when it reads the parts alone.
   */
  default boolean readsListing() {
    return true;
  }
}
