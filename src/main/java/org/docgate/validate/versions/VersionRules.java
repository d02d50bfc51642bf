package org.docgate.validate.versions;

import java.util.List;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/** The rules of the version validator, declared once. */
public final class VersionRules {
  private VersionRules() {}

  public static final Rule STALE =
      new Rule("versions/stale", "Product version older than the manifest's minimumSupported", Severity.WARNING);
  public static final Rule EOL =
      new Rule("versions/eol", "Product version on an end-of-life line", Severity.ERROR);
  /**
   * An end-of-life image tag in an example whose page is not about the product ({@code image: postgres:13} in a
   * compose sample): no claim, but readers copy examples. Advice; {@link #EOL} stays for images that are claims.
   */
  public static final Rule EOL_EXAMPLE =
      new Rule("versions/eol-example", "End-of-life image tag in an example (a product the page is not about)",
          Severity.INFO);
  public static final Rule AHEAD =
      new Rule("versions/ahead", "Product version newer than every line in the manifest (the manifest or the text "
          + "is wrong)", Severity.INFO);
  public static final Rule INCONSISTENT =
      new Rule("versions/inconsistent", "One document states two different current versions of the same product",
          Severity.WARNING);
  public static final Rule REMOVED_API =
      new Rule("versions/removed-api", "Kubernetes apiVersion in code that was removed before the manifest's "
          + "Kubernetes version", Severity.ERROR);

  public static final Rule CONFLICTING_BASELINE =
      new Rule("versions/conflicting-baseline", "Two living documents state different baselines of one product in "
          + "their version sections", Severity.WARNING);

  public static final Rule NOT_LATEST =
      new Rule("versions/not-latest", "A version the text calls the latest, older than the newest release line known",
          Severity.WARNING);

  public static final List<Rule> ALL = List.of(STALE, EOL, EOL_EXAMPLE, AHEAD, INCONSISTENT, REMOVED_API,
      CONFLICTING_BASELINE, NOT_LATEST);
}
