package org.docgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;

/** The config every command uses: {@code --config FILE}, else the rules folder's docgate.yaml, else the defaults. */
final class ConfigFiles {
  private ConfigFiles() {}

  /** As {@link #load(Path, RuleFiles)}, with {@code --renderer} (null: not given) over the config's. */
  static DocgateConfig load(Path configFile, RuleFiles rules, String renderer) throws IOException {
    DocgateConfig cfg = load(configFile, rules);
    return renderer == null ? cfg : cfg.withRenderer(renderer);
  }

  static DocgateConfig load(Path configFile, RuleFiles rules) throws IOException {
    if (configFile != null) {
      return DocgateConfig.parse(configFile.toString(), Files.readString(configFile, StandardCharsets.UTF_8));
    }
    return rules.read("docgate.yaml")
        .map(f -> DocgateConfig.parse(f.source(), f.text()))
        .orElse(DocgateConfig.defaults());
  }
}
