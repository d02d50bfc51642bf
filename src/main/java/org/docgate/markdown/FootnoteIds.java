package org.docgate.markdown;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ids GitHub gives rendered footnotes, as cmark-gfm writes them: {@code fn-<label>} on each referenced definition
 * (an unreferenced one is not rendered), {@code fnref-<label>} on its first reference and {@code fnref-<label>-<n>} on
 * the n-th, with the label as written in the definition. GitHub's sanitizer prefixes every id with
 * {@code user-content-} and its page script maps {@code #fn-x} there, so both spellings land. Pure.
 */
final class FootnoteIds {
  private static final String GITHUB_PREFIX = "user-content-";

  private FootnoteIds() {}

  static Set<String> of(List<FootnoteReference> references) {
    Set<String> ids = new LinkedHashSet<>();
    Map<String, Integer> seen = new TreeMap<>();
    for (FootnoteReference ref : references) {
      if (!ref.defined()) {
        continue; // shown literally, no ids
      }
      int n = seen.merge(ref.label(), 1, Integer::sum);
      String id = n == 1 ? "fnref-" + ref.label() : "fnref-" + ref.label() + "-" + n;
      add(ids, "fn-" + ref.label());
      add(ids, id);
    }
    return ids;
  }

  private static void add(Set<String> ids, String id) {
    ids.add(id);
    ids.add(GITHUB_PREFIX + id);
  }
}
