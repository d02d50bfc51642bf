package org.docgate.scan;

import java.time.Clock;
import org.docgate.config.DocgateConfig;

/**
 * What a pipeline is built from: the config, the chosen validators, the clock (injected for tests) and the progress
 * counters the pipeline updates.
 */
public record ScanSettings(DocgateConfig config, ValidatorRegistry registry, Clock clock, ScanProgress progress) {
  public ScanSettings(DocgateConfig config, ValidatorRegistry registry, Clock clock) {
    this(config, registry, clock, new ScanProgress());
  }
}
