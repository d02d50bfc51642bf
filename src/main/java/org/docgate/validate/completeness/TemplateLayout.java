package org.docgate.validate.completeness;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * <p>A skip is known by the heading above it (its text, normalised) and the two levels: "Monitoring Requirements"
 * H3 → H6 in a KEP is the template's skip whatever the question under it says.
 */
final class TemplateLayout {
  private static final Object KEY = new Object();
  private final Set<String> skips = new HashSet<>();

  private TemplateLayout(CorpusIndex index, CompletenessConfig config) {
    for (MarkdownDocument doc : index.documents().values()) {
      if (config.isTemplate(doc.path())) {
        forEachSkip(doc.headings(), (above, h) -> skips.add(signature(above, h)));
      }
    }
  }

  static TemplateLayout of(CorpusIndex index, CompletenessConfig config) {
    return index.derived(new Key(config.templates()), i -> new TemplateLayout(i, config));
  }

  private record Key(Object templates) {}

  /** Whether the skip from {@code above} to {@code heading} is one a template of the corpus has. */
  boolean prescribes(Heading above, Heading heading) {
    return skips.contains(signature(above, heading));
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

  private static String signature(Heading above, Heading heading) {
    return normalise(above.text()) + "\0" + above.level() + "\0" + heading.level();
  }

  /** "Test Plan (Optional)" and "test plan" are one heading: case, brackets and spacing differ between copies. */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[(（][^)）]*[)）]", " ").replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
