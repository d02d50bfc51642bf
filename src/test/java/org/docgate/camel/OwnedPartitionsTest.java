package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A URL batch that camel-kafka gathered over several polls may hold records of a partition given away in one of them:
 * those are neither checked nor committed by the old owner (the new owner has its host now), and the host states are
 * flushed before the partition goes.
 */
class OwnedPartitionsTest {
  private static final String TOPIC = "docgate.urls";

  /** Camel's own rebalance listener, as the wrapped one must still call it. */
  private static final class RecordingListener implements ConsumerRebalanceListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      calls.add("assigned " + partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      calls.add("revoked " + partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      calls.add("lost " + partitions);
    }
  }

  /** A record's exchange as camel-kafka's batching consumer makes it: topic, partition and its manual commit. */
  private static Exchange record(CamelContext context, int partition, String body, KafkaManualCommit commit) {
    Exchange e = new DefaultExchange(context);
    e.getMessage().setBody(body);
    e.getMessage().setHeader(KafkaConstants.TOPIC, TOPIC);
    e.getMessage().setHeader(KafkaConstants.PARTITION, partition);
    e.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, commit);
    return e;
  }

  @Test
  void recordsOfAPartitionGivenAwayWhileTheBatchGatheredAreNeitherCheckedNorCommitted() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    OwnedPartitions owned = new OwnedPartitions(flushes::incrementAndGet);
    RecordingListener camel = new RecordingListener();
    ConsumerRebalanceListener listener = owned.listener(camel);
    TopicPartition p0 = new TopicPartition(TOPIC, 0);
    TopicPartition p1 = new TopicPartition(TOPIC, 1);
    TopicPartition p2 = new TopicPartition(TOPIC, 2);

    listener.onPartitionsAssigned(List.of(p0, p1, p2));
    listener.onPartitionsRevoked(List.of());
    assertThat(flushes).as("an empty revocation (cooperative rebalancing) gives nothing away").hasValue(0);
    listener.onPartitionsRevoked(List.of(p1));
    assertThat(flushes).as("host states on the broker before p1 goes").hasValue(1);
    listener.onPartitionsLost(List.of(p2));
    assertThat(camel.calls).containsExactly("assigned [docgate.urls-0, docgate.urls-1, docgate.urls-2]",
        "revoked []", "revoked [docgate.urls-1]", "lost [docgate.urls-2]");
    assertThat(owned.owns(TOPIC, 0)).isTrue();
    assertThat(owned.owns(TOPIC, 1)).isFalse();
    assertThat(owned.owns(TOPIC, 2)).isFalse();
    assertThat(owned.owns("docgate.corpora", 0)).isFalse();

    List<String> committed = new ArrayList<>();
    try (CamelContext context = new DefaultCamelContext()) {
      List<Exchange> batch = List.of(record(context, 0, "a", () -> committed.add("p0@a")),
          record(context, 1, "b", () -> committed.add("p1@b")),
          record(context, 0, "c", () -> committed.add("p0@c")),
          record(context, 2, "d", () -> committed.add("p2@d")));
      assertThat(new CamelFleetUrls.UrlBatch(owned).bodies(batch)).containsExactly("a", "c");

      Exchange whole = new DefaultExchange(context);
      whole.setProperty("batch", batch);
      new CamelFleetUrls.KafkaBatchCommit(owned).process(whole);
      assertThat(committed).as("the owned partition's last record only").containsExactly("p0@c");
    }
  }
}
