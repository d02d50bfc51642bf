package org.docgate.validate.links;

import java.util.List;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/** The rules of the internal link validator. */
public final class LinkRules {
  private LinkRules() {}

  public static final Rule MISSING_FILE =
      new Rule("links/missing-file", "Relative link to a file or folder that does not exist", Severity.ERROR);
  public static final Rule MISSING_ANCHOR =
      new Rule("links/missing-anchor", "Link to a heading anchor or HTML id that does not exist", Severity.ERROR);
  /** Info under case-insensitive renderers (GitHub, the default profile), error under the others. */
  public static final Rule ANCHOR_CASE =
      new Rule("links/anchor-case", "Anchor exists only in another letter case (breaks on case-sensitive renderers)",
          Severity.INFO);
  public static final Rule CASE_MISMATCH =
      new Rule("links/case-mismatch", "Target exists only with different letter case (breaks on Linux and GitHub)",
          Severity.ERROR);
  public static final Rule OUTSIDE_CORPUS =
      new Rule("links/outside-corpus", "Relative link climbs out of the corpus root", Severity.ERROR);
  public static final Rule UNDEFINED_REFERENCE =
      new Rule("links/undefined-reference", "Reference link [text][label] whose label has no definition",
          Severity.ERROR);

  public static final Rule FOLDER_ANCHOR =
      new Rule("links/folder-anchor", "Fragment on a link to a folder that shows no document (cannot be verified)",
          Severity.WARNING);
  public static final Rule UNDEFINED_FOOTNOTE =
      new Rule("links/undefined-footnote", "Footnote reference [^label] whose label has no footnote definition",
          Severity.ERROR);
  public static final Rule FOOTNOTE_AS_LINK_LABEL =
      new Rule("links/footnote-as-link-label", "Footnote label used as a link label: [text][^label]",
          Severity.WARNING);

  public static final List<Rule> ALL = List.of(MISSING_FILE, MISSING_ANCHOR, ANCHOR_CASE, CASE_MISMATCH,
      OUTSIDE_CORPUS, UNDEFINED_REFERENCE, FOLDER_ANCHOR, UNDEFINED_FOOTNOTE, FOOTNOTE_AS_LINK_LABEL);
}
