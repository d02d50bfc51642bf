package org.docgate.cli;

import java.net.URI;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.report.SarifReportWriter;
import picocli.CommandLine.Option;

/** {@code --help-base URL}, a mixin of the commands that write SARIF ({@code scan}, {@code pr}), and their writer. */
final class SarifOption {
  @Option(names = "--help-base", paramLabel = "URL", description = "SARIF: the README whose rule sections the rules'"
      + " help links point to (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://github.com/docgate/docgate/blob/main/README.md")
  URI helpBase;

  SarifReportWriter writer(ValidatorCatalog catalog) {
    return new SarifReportWriter(catalog, helpBase, Version.number());
  }
}
