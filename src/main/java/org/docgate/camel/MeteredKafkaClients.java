package org.docgate.camel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.Tags;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.docgate.fleet.KafkaClientSettings;

/**
 * camel-kafka's client factory with Micrometer's Kafka client binder on every consumer it makes, so a worker's
 * /metrics shows its consumer lag ({@code kafka_consumer_fetch_manager_records_lag_max}) and fetch rates. Camel makes
 * a new consumer after a reconnect: the old binder of that consumer group is closed then, so its meters do not read
 * a closed client. Every
 * meter carries the consumer's {@code group} (the Kafka client metrics name only the client), so a dashboard shows the
 * lag per group and partition. The operator's client settings ({@code --kafka-config}) are on every client.
 */
final class MeteredKafkaClients extends ConfiguredKafkaClients {
  private final MeterRegistry registry;
  /**
   * The binder of each consumer group's current consumer: a worker has two (the corpora route's and the URL route's),
   * and one binder for both closed the corpora consumer's meters when the URL consumer was made (its lag vanished).
   */
  private final java.util.Map<String, KafkaClientMetrics> current = new java.util.HashMap<>();

  MeteredKafkaClients(MeterRegistry registry, KafkaClientSettings settings) {
    super(settings);
    this.registry = registry;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public synchronized Consumer getConsumer(Properties props) {
    Consumer consumer = super.getConsumer(props);
    Object g = props.get(ConsumerConfig.GROUP_ID_CONFIG);
    String group = g == null ? "" : g.toString();
    KafkaClientMetrics before = current.remove(group);
    if (before != null) {
      before.close();
    }
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, Tags.of("group", group));
    metrics.bindTo(registry);
    current.put(group, metrics);
    return consumer;
  }
}
