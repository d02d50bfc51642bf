package org.docgate.validate.completeness;

import java.util.List;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/** The rules of the completeness validator, declared once. */
public final class CompletenessRules {
  private CompletenessRules() {}

  public static final Rule PLACEHOLDER =
      new Rule("completeness/placeholder", "Text says the page or section is unfinished (TODO, 待补充, 规划中...)",
          Severity.WARNING);
  public static final Rule EMPTY_SECTION =
      new Rule("completeness/empty-section", "Heading with nothing under it before the next heading of its level",
          Severity.WARNING);
  public static final Rule MISSING_TITLE =
      new Rule("completeness/missing-title", "Document without an H1 title (or with several, when configured)",
          Severity.INFO);
  public static final Rule HEADING_SKIP =
      new Rule("completeness/heading-skip", "Heading level jumps by more than one (H2 followed by H4)", Severity.INFO);
  public static final Rule ORPHAN =
      new Rule("completeness/orphan", "No other document links to this document", Severity.WARNING);
  public static final Rule DANGLING_REFERENCE =
      new Rule("completeness/dangling-reference",
          "A document named in prose (inline code or 《...》) that exists nowhere in the corpus", Severity.ERROR);
  public static final Rule MOVED_REFERENCE =
      new Rule("completeness/moved-reference",
          "A document named in prose exists only under another folder (it moved)", Severity.INFO);
  public static final Rule STALE_COUNT =
      new Rule("completeness/stale-count",
          "A stated document or line count of a folder differs from the measured one beyond the tolerance",
          Severity.WARNING);
  public static final Rule STALE_STATUS =
      new Rule("completeness/stale-status",
          "A chapter marked planned (规划中, planned) that exists now, with content", Severity.WARNING);
  public static final Rule MISSING_SECTION =
      new Rule("completeness/missing-section", "A section required for this kind of document is absent",
          Severity.WARNING);

  public static final List<Rule> ALL = List.of(PLACEHOLDER, EMPTY_SECTION, MISSING_TITLE, HEADING_SKIP, ORPHAN,
      DANGLING_REFERENCE, MOVED_REFERENCE, STALE_COUNT, STALE_STATUS, MISSING_SECTION);
}
