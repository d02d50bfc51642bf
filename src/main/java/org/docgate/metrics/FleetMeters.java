package org.docgate.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.docgate.fleet.CorpusWork;
import org.docgate.fleet.HostWaits;

/**
 * A fleet worker's own meters: jobs by outcome, jobs in flight, URL checks with their host waits (the consumer lag
 * comes from the Kafka client's binder).
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

  /**
   * The URL route's meters, registered when the worker starts (every outcome at zero), so a dashboard panel has its
   * series before the first URL: checks by outcome with their total host wait (a function timer over {@code waits}),
   * and the hosts waiting now.
   */
  public static void bindUrls(MeterRegistry registry, HostWaits waits, IntSupplier hostsWaiting) {
    for (String outcome : HostWaits.outcomes()) {
      FunctionTimer.builder(MeterNames.FLEET_HOST_WAIT, waits, w -> w.checks(outcome),
              w -> w.waited(outcome).toNanos(), TimeUnit.NANOSECONDS)
          .description("fleet URL checks by outcome and the time they waited for their host's politeness slot")
          .tag("outcome", outcome)
          .register(registry);
    }
    Gauge.builder(MeterNames.FLEET_HOSTS_WAITING, hostsWaiting, IntSupplier::getAsInt)
        .strongReference(true)
        .description("hosts with a request of this worker waiting to start")
        .register(registry);
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
