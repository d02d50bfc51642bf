package org.docgate.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.docgate.fleet.CorpusWork;

/** A fleet worker's own meters: jobs by outcome (the consumer lag comes from the Kafka client's binder). */
public final class FleetMeters {
  private FleetMeters() {}

  public static void bind(MeterRegistry registry, CorpusWork work) {
    for (CorpusWork.Outcome outcome : CorpusWork.Outcome.values()) {
      FunctionCounter.builder(MeterNames.FLEET_JOBS, work, w -> w.count(outcome))
          .description("fleet jobs this worker finished, by outcome")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
