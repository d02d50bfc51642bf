package org.docgate.camel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * camel-kafka's client factory with Micrometer's Kafka client binder on every consumer it makes, so a worker's
 * /metrics shows its consumer lag ({@code kafka_consumer_fetch_manager_records_lag_max}) and fetch rates. Camel makes
 * a new consumer after a reconnect: the old binder is closed then, so its meters do not read a closed client.
 */
final class MeteredKafkaClients extends DefaultKafkaClientFactory {
  private final MeterRegistry registry;
  private KafkaClientMetrics current;

  MeteredKafkaClients(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public synchronized Consumer getConsumer(Properties props) {
    Consumer consumer = super.getConsumer(props);
    if (current != null) {
      current.close();
    }
    current = new KafkaClientMetrics(consumer);
    current.bindTo(registry);
    return consumer;
  }
}
