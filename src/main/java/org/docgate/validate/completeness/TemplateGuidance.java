package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;

/**
 * The guidance the corpus's templates give each of their sections (optional, or required from a stage on), by
 * heading text, derived once per index. A document made from a template often loses the template's HTML comments
 * (its author deleted them while filling it in) but keeps its headings: an empty "What steps should be taken if SLOs
 * are not being met?" in an alpha KEP is still required only from beta on, as its template says.
 */
final class TemplateGuidance {
  private static final Object KEY = new Object();
  private final Map<String, SectionDuties.Guidance> byHeading = new HashMap<>();

  private TemplateGuidance(CorpusIndex index, CompletenessConfig config) {
    SectionDuties duties = config.duties();
    index.documents().values().stream().filter(d -> config.isTemplate(index, d))
        .sorted(java.util.Comparator.comparing(MarkdownDocument::path)).forEach(doc -> {
          List<String> lines = doc.sourceLines();
          Outline outline = Outline.of(doc.headings(), doc.lineCount());
          for (Outline.Section s : outline.sections()) {
            SectionDuties.Guidance g = duties.guidanceOf(SectionDuties.chain(outline, s),
                line -> line >= 1 && line <= lines.size() ? lines.get(line - 1) : null);
            if (g != null) {
              byHeading.putIfAbsent(key(s.heading().text()), g);
            }
          }
        });
  }

  static TemplateGuidance of(CorpusIndex index, CompletenessConfig config) {
    // the templates' sections alone: an edit of another page keeps the guidance (CorpusIndex.carried)
    return index.carried(KEY, config::isTemplate, i -> new TemplateGuidance(i, config));
  }

  /** The template's guidance for a section of this heading, or null. */
  SectionDuties.Guidance of(String heading) {
    return byHeading.get(key(heading));
  }

  private static String key(String heading) {
    return heading.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
