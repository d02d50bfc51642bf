package org.docgate.corpus;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.docgate.markdown.MarkdownDocument;

/**
 * What the service's next index takes over from the one before of the corpus-wide values that read only some
 * documents ({@link CorpusIndex#carried}: the templates' layout, the entry pages by folder): each such value and the
 * paths whose document is another object, was added or was removed. A value is taken over while none of the paths it
 * reads changed, so an edit of any other page does not derive it again (the templates' guidance alone was a tenth of
 * completeness's share of an edit on k8s-enhancements). Nothing is taken over when a file or folder was added or
 * removed. Immutable.
 */
final class CarriedValues {
  static final CarriedValues NONE = new CarriedValues(Map.of(), Set.of());

  private final Map<Object, Object> values;
  private final Set<String> changed;

  private CarriedValues(Map<Object, Object> values, Set<String> changed) {
    this.values = values;
    this.changed = changed;
  }

  /**
   * @param values the carried values the index before made, by key
   * @param sameFiles whether both indexes have the same files and folders
   */
  static CarriedValues of(Map<Object, Object> values, Map<String, MarkdownDocument> before,
      Map<String, MarkdownDocument> now, boolean sameFiles) {
    if (!sameFiles || values.isEmpty()) {
      return NONE;
    }
    Set<String> changed = new HashSet<>();
    now.forEach((path, doc) -> {
      if (before.get(path) != doc) {
        changed.add(path);
      }
    });
    before.keySet().forEach(path -> {
      if (!now.containsKey(path)) {
        changed.add(path);
      }
    });
    return new CarriedValues(Map.copyOf(values), Set.copyOf(changed));
  }

  /** The value of {@code key} the index before made, when no changed path is one {@code reads} accepts; else null. */
  Object of(Object key, Predicate<String> reads) {
    Object value = values.get(key);
    return value != null && changed.stream().noneMatch(reads) ? value : null;
  }
}
