package org.docgate.scan;

import java.time.Clock;
import org.docgate.config.DocgateConfig;
import org.docgate.validate.ValidatorRegistry;

/** What a pipeline is built from: the config, the chosen validators and the clock (injected for tests). */
public record ScanSettings(DocgateConfig config, ValidatorRegistry registry, Clock clock) {}
