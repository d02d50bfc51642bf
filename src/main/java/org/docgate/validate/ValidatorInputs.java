package org.docgate.validate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;

/**
 * What a validator is built from ({@link ValidatorDeclaration#factory()}).
 *
 * @param network what the external link check may use; {@link Network#none()} fetches nothing
 * @param cacheFolder where validators may keep results between runs (the snippet checkers' verdicts), or null: not
 *     kept (library callers and tests, {@code --no-snippet-cache})
 */
public record ValidatorInputs(DocgateConfig config, RuleFiles rules, Clock clock, Network network, Path cacheFolder) {
  public ValidatorInputs(DocgateConfig config, RuleFiles rules, Clock clock, Network network) {
    this(config, rules, clock, network, null);
  }

  public ValidatorInputs {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(network, "network");
  }
}
