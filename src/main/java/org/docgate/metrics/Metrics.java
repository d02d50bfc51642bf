package org.docgate.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus registries of docgate, with the snake_case tag filter installed before any meter. */
public final class Metrics {
  private Metrics() {}

  /**
   * The service's registry: JVM memory, GC, threads, class loading, processor and uptime meters, ready to be bound
   * as Camel's {@code metricsRegistry} and to receive {@link DocgateMeters}. The GC binder listens for the life of
   * the process (the service's registry lives as long).
   */
  @SuppressWarnings("resource")
  public static PrometheusMeterRegistry prometheusRegistry() {
    PrometheusMeterRegistry registry = batchRegistry();
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /**
   * A registry for one batch run's push: no JVM meters, since a Pushgateway keeps what a job pushed until the next
   * push and the JVM state of a finished process means nothing.
   */
  public static PrometheusMeterRegistry batchRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new SnakeCaseTags());
    return registry;
  }
}
