package org.docgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import picocli.CommandLine.Option;

/** {@code --config FILE}, a mixin of the commands that read a config (through {@link ScanOptions}, {@code explain}). */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE", description = "A docgate.yaml used alone (default: the "
      + ".docgate.yaml/docgate.yaml files from the corpus and the working directory up to the git root, nearest "
      + "wins, over the rules folder's or the packaged one).")
  Path config;

  /** The config of a scan of {@code scanned} run from {@code workingDir}, as {@link ConfigFiles#load} makes it. */
  DocgateConfig load(RuleFiles rules, String renderer, Path scanned, Path workingDir) throws IOException {
    return ConfigFiles.load(config, rules, renderer, scanned, workingDir);
  }
}
