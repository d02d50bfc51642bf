package org.docgate.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.docgate.fleet.HostStates;
import org.docgate.fleet.KafkaClientSettings;
import org.docgate.http.HostGates;

/**
 * The host-state table on the compacted topic {@code docgate.host-state}: keyed like the URL topic, the value is the
 * key's newest {@link HostGates.HostState} as JSON ({@code penaltyMs}, {@code pausedUntil}, {@code at}, {@code by}).
 * Each worker reads the whole topic (every partition, no group: it is small, one record per host after compaction)
 * up to its end before a batch, so a key that moved to this worker brings its old owner's last state along.
 */
final class KafkaHostStates implements HostStates, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;
  private final String worker;
  private final Clock clock;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> reader;
  private final Map<String, Stamped> table = new ConcurrentHashMap<>();

  KafkaHostStates(String brokers, KafkaClientSettings client, String topic, String worker, Clock clock) {
    this.topic = topic;
    this.worker = worker;
    this.clock = clock;
    this.producer = CamelFleetUrls.producer(brokers, client);
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, worker + "-host-state");
    this.reader = new KafkaConsumer<>(client.applyTo(p), new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(i -> new TopicPartition(topic, i.partition())).toList();
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
  }

  @Override
  public synchronized void catchUp() {
    Map<TopicPartition, Long> ends = reader.endOffsets(reader.assignment(), Duration.ofSeconds(30));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ends.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the host-state topic " + topic + " was not read to its end in 30 s");
      }
      for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
        if (r.value() == null) {
          table.remove(r.key());
          continue;
        }
        try {
          JsonNode o = JSON.readTree(r.value());
          Stamped s = new Stamped(new HostGates.HostState(Duration.ofMillis(o.path("penaltyMs").asLong(0)),
              Instant.parse(o.path("pausedUntil").asText())), Instant.parse(o.path("at").asText()),
              o.path("by").asText(""));
          table.merge(r.key(), s, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        } catch (Exception e) {
          // not a host state (written by something else): a key keeps its last good state
        }
      }
    }
  }

  @Override
  public Optional<Stamped> latest(String key) {
    return Optional.ofNullable(table.get(key));
  }

  @Override
  public void publish(String key, HostGates.HostState state) {
    Instant at = clock.instant();
    ObjectNode o = JSON.createObjectNode();
    o.put("penaltyMs", state.penalty().toMillis());
    o.put("pausedUntil", state.pausedUntil().toString());
    o.put("at", at.toString());
    o.put("by", worker);
    table.merge(key, new Stamped(state, at, worker), (a, b) -> b.at().isAfter(a.at()) ? b : a);
    producer.send(new ProducerRecord<>(topic, key, o.toString()));
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public synchronized void close() {
    producer.close(Duration.ofSeconds(10));
    reader.close(Duration.ofSeconds(5));
  }
}
