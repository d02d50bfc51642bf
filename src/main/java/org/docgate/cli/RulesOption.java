package org.docgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.docgate.config.RuleFiles;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}, a mixin of every command that reads rules (the scanning ones through {@link ScanOptions},
 * {@code explain}, {@code manifest import}): the user's folder over the packaged rules, read one way.
 */
final class RulesOption {
  @Option(names = "--rules", paramLabel = "DIR", description = "Your rules folder (its docgate.yaml, readiness.yaml "
      + "and validator rules); overrides the packaged rules.")
  Path rulesDir;

  private RuleFiles rules;

  /** The rules folder: {@code --rules DIR} over the packaged rules. Read once. */
  RuleFiles rules() throws IOException {
    if (rules == null) {
      rules = rulesDir == null ? RuleFiles.packaged() : RuleFiles.overlay(rulesDir);
    }
    return rules;
  }
}
