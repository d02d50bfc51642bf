package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --kafka-config}: read strictly, put over a client's own settings, secrets never shown. */
class KafkaClientSettingsTest {
  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
      + "username=\"docgate\" password=\"%s\";";

  @TempDir Path tmp;

  private Path file(String text) throws Exception {
    return Files.writeString(tmp.resolve("kafka.properties"), text);
  }

  private Path envConfig() throws Exception {
    return file("""
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        config.providers=env
        config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
        ssl.truststore.location=/etc/kafka/ca.p12
        ssl.truststore.password=trust-me-not
        sasl.jaas.config=""" + JAAS.formatted("${env:KAFKA_PASSWORD}") + "\n");
  }

  @Test
  void theSettingsGoOverTheClientsOwnSoTheOperatorsProtocolWinsOverCamelsPlaintextDefault() throws Exception {
    KafkaClientSettings settings = KafkaClientSettings.load(envConfig(), Map.of("KAFKA_PASSWORD", "pw-from-env"));
    Properties client = new Properties();
    client.put("security.protocol", "PLAINTEXT");
    client.put("bootstrap.servers", "b:9092");
    settings.applyTo(client);
    assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("sasl.jaas.config", JAAS.formatted("${env:KAFKA_PASSWORD}"))
        .as("the Kafka client resolves the variable itself, through its config provider")
        .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
  }

  @Test
  void secretsAreHiddenAsWrittenAndAsTheEnvironmentResolvesThem() throws Exception {
    KafkaClientSettings settings = KafkaClientSettings.load(envConfig(), Map.of("KAFKA_PASSWORD", "pw-from-env"));
    assertThat(settings.describe()).contains("security.protocol=SASL_SSL", "sasl.jaas.config=[hidden]",
        "ssl.truststore.password=[hidden]", "ssl.truststore.location=/etc/kafka/ca.p12")
        .doesNotContain("pw-from-env", "trust-me-not", "KAFKA_PASSWORD");
    assertThat(settings.mask("auth failed for password=\"pw-from-env\" with trust-me-not"))
        .isEqualTo("auth failed for password=\"[hidden]\" with [hidden]");

    Path literal = file("sasl.jaas.config=" + JAAS.formatted("literal-pw") + "\n");
    KafkaClientSettings written = KafkaClientSettings.load(literal, Map.of());
    assertThat(written.mask("the line " + JAAS.formatted("literal-pw") + " and the password literal-pw alone"))
        .doesNotContain("literal-pw");
  }

  @Test
  void aVariableNotSetInTheEnvironmentIsNamedWithoutAnyValue() throws Exception {
    assertThatThrownBy(() -> KafkaClientSettings.load(envConfig(), Map.of("OTHER", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sasl.jaas.config refers to ${env:KAFKA_PASSWORD}, which is not set in the environment")
        .hasMessageNotContaining("trust-me-not");
  }

  @Test
  void keysDocgateSetsItselfAreRejectedWithTheOptionToUse() throws Exception {
    Path own = file("bootstrap.servers=elsewhere:9092\ngroup.id=mine\nenable.auto.commit=true\n");
    assertThatThrownBy(() -> KafkaClientSettings.load(own, Map.of()))
        .hasMessageContaining("bootstrap.servers is docgate's own (give --brokers)")
        .hasMessageContaining("group.id is docgate's own (give --group)")
        .hasMessageContaining("enable.auto.commit is docgate's own");
  }

  @Test
  void withoutAFileNothingChanges() {
    Properties client = new Properties();
    client.put("security.protocol", "PLAINTEXT");
    assertThat(KafkaClientSettings.NONE.applyTo(client)).containsOnly(Map.entry("security.protocol", "PLAINTEXT"));
    assertThat(KafkaClientSettings.NONE.mask("nothing to hide")).isEqualTo("nothing to hide");
  }
}
