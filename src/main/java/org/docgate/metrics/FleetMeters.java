package org.docgate.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.docgate.fleet.CorpusWork;

/**
 * A fleet worker's own meters: jobs by outcome and jobs in flight (the consumer lag comes from the Kafka client's
 * binder).
 */
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

  /** @param inFlight the jobs the worker's fleet route holds right now (0 before it starts) */
  public static void bindInFlight(MeterRegistry registry, IntSupplier inFlight) {
    // a gauge holds its object weakly: nothing else holds this lambda, so it would read NaN after a garbage collection
    Gauge.builder(MeterNames.FLEET_IN_FLIGHT, inFlight, IntSupplier::getAsInt)
        .strongReference(true)
        .description("fleet jobs this worker is working on right now")
        .register(registry);
  }
}
