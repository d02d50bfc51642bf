package org.docgate.camel;

import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.docgate.fleet.KafkaClientSettings;

/**
 * camel-kafka's client factory with the operator's Kafka client settings ({@code --kafka-config}) put over each
 * client's properties. Through the factory rather than camel-kafka's endpoint options (securityProtocol,
 * saslJaasConfig, additionalProperties.*): every key Kafka knows is accepted as is, the routes stay free of security
 * options, and no secret ever appears in an endpoint URI (which Camel logs and shows on its consoles).
 */
class ConfiguredKafkaClients extends DefaultKafkaClientFactory {
  private final KafkaClientSettings settings;

  ConfiguredKafkaClients(KafkaClientSettings settings) {
    this.settings = settings;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Producer getProducer(Properties props) {
    return super.getProducer(settings.applyTo(props));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Consumer getConsumer(Properties props) {
    return super.getConsumer(settings.applyTo(props));
  }
}
