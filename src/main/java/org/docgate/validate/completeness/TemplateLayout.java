package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;

/**
 * The heading skips the corpus's templates prescribe, derived once per index. A document made from a template keeps
 * its layout (the KEP template puts H6 questions under H3 sections); telling every copy about the template's skip
 * would repeat one decision hundreds of times, so a copy's skip that its template also has is the template's to fix,
 * and is reported there only.
 *
 * <p>A skip is known by the heading above it (its text, normalised, and level) and the level it goes to: "Monitoring
 * Requirements" H3 → H6 in a KEP is the template's skip whatever the question under it says. A copy that goes less
 * deep under the same heading is the template's layout too when the heading it skips to is the template's own
 * ("Troubleshooting" H3 → H5 "How does this feature react if the API server and/or etcd is unavailable?": a KEP
 * written from an older template, or whose author moved the questions up one level); "Dependencies" H3 → H5
 * "Windows Server 2019" is the author's own outline under a heading of the same name.
 */
final class TemplateLayout {
  private static final Object KEY = new Object();
  /** signature of the heading above a skip → the levels templates skip to under it */
  private final Map<String, Set<Integer>> levels = new HashMap<>();
  /** signature of the heading above a skip → the deepest level a template skips to under it */
  private final Map<String, Integer> deepest = new HashMap<>();
  /** signature of the heading above a skip → the normalised headings templates skip to under it */
  private final Map<String, Set<String>> targets = new HashMap<>();

  private TemplateLayout(CorpusIndex index, CompletenessConfig config) {
    for (MarkdownDocument doc : index.documents().values()) {
      if (config.isTemplate(index, doc)) {
        forEachSkip(doc.headings(), (above, h) -> {
          String sig = signature(above);
          levels.computeIfAbsent(sig, k -> new HashSet<>()).add(h.level());
          deepest.merge(sig, h.level(), Math::max);
          targets.computeIfAbsent(sig, k -> new HashSet<>()).add(normalise(h.text()));
        });
      }
    }
  }

  static TemplateLayout of(CorpusIndex index, CompletenessConfig config) {
    // the templates' headings alone: an edit of another page keeps the layout (CorpusIndex.carried)
    return index.carried(new Key(config.templates(),
        config.numberedNotTemplates().stream().map(java.util.regex.Pattern::pattern).toList()), config::isTemplate,
        i -> new TemplateLayout(i, config));
  }

  private record Key(Object templates, Object notTemplates) {}

  /** Whether the skip from {@code above} to {@code heading} is one a template of the corpus has. */
  boolean prescribes(Heading above, Heading heading) {
    String sig = signature(above);
    if (levels.getOrDefault(sig, Set.of()).contains(heading.level())) {
      return true;
    }
    return heading.level() < deepest.getOrDefault(sig, 0)
        && targets.getOrDefault(sig, Set.of()).contains(normalise(heading.text()));
  }

  interface SkipVisitor {
    void skip(Heading above, Heading heading);
  }

  /** Every heading more than one level deeper than the heading before it (markdownlint MD001's rule). */
  static void forEachSkip(List<Heading> headings, SkipVisitor visitor) {
    for (int i = 1; i < headings.size(); i++) {
      if (headings.get(i).level() > headings.get(i - 1).level() + 1) {
        visitor.skip(headings.get(i - 1), headings.get(i));
      }
    }
  }

  private static String signature(Heading above) {
    return normalise(above.text()) + "\0" + above.level();
  }

  /** "Test Plan (Optional)" and "test plan" are one heading: case, brackets and spacing differ between copies. */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[(（][^)）]*[)）]", " ").replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
