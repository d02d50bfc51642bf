package org.docgate.cli;

import java.time.Clock;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;

/** What a scanning command runs with, made by {@link ScanOptions#setup}: rules, config, validators, clock. */
record Setup(RuleFiles rules, DocgateConfig config, ValidatorRegistry registry, Clock clock) {
  ScanSettings settings() {
    return new ScanSettings(config, registry, clock);
  }
}
