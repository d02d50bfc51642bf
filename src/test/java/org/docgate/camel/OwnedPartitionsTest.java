package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.docgate.fleet.UrlWork;
import org.junit.jupiter.api.Test;

/**
 * A URL batch that camel-kafka gathered over several polls may hold records of a partition given away in one of them:
 * those are neither checked nor committed by the old owner (the new owner has its host now). A partition given away
 * has its checks drained (stored, host states flushed) and its offset committed before it goes; one lost has its
 * checks dropped. Commits go to the owned partitions only, through the consumer that subscribed.
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

  /** A record's exchange as camel-kafka's batching consumer makes it: topic, partition and offset. */
  private static Exchange record(CamelContext context, int partition, long offset, String body) {
    Exchange e = new DefaultExchange(context);
    e.getMessage().setBody(body);
    e.getMessage().setHeader(KafkaConstants.TOPIC, TOPIC);
    e.getMessage().setHeader(KafkaConstants.PARTITION, partition);
    e.getMessage().setHeader(KafkaConstants.OFFSET, offset);
    return e;
  }

  /** The URL work's side of a handover, recorded: what was drained (with its offsets to commit) and dropped. */
  private static final class RecordingHandover implements OwnedPartitions.Handover {
    final List<String> calls = new ArrayList<>();

    @Override
    public List<UrlWork.Commit> drain(Collection<UrlWork.Part> parts) {
      calls.add("drain " + parts);
      return parts.stream().map(p -> new UrlWork.Commit(p, 7)).toList();
    }

    @Override
    public void drop(Collection<UrlWork.Part> parts) {
      calls.add("drop " + parts);
    }
  }

  @Test
  void recordsOfAPartitionGivenAwayAreNeitherCheckedNorCommittedHereAndItsChecksAreDrainedAndCommittedFirst()
      throws Exception {
    RecordingHandover work = new RecordingHandover();
    OwnedPartitions owned = new OwnedPartitions(work);
    RecordingListener camel = new RecordingListener();
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST) {
      @Override
      public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        committed.putAll(offsets);
      }
    };
    TopicPartition p0 = new TopicPartition(TOPIC, 0);
    TopicPartition p1 = new TopicPartition(TOPIC, 1);
    TopicPartition p2 = new TopicPartition(TOPIC, 2);
    owned.subscribe(consumer, camel, new TopicInfo(null, TOPIC));
    ConsumerRebalanceListener listener = owned.listener(camel, consumer);

    listener.onPartitionsAssigned(List.of(p0, p1, p2));
    listener.onPartitionsRevoked(List.of());
    assertThat(work.calls).as("an empty revocation (cooperative rebalancing) gives nothing away").isEmpty();
    listener.onPartitionsRevoked(List.of(p1));
    assertThat(work.calls).as("p1's checks stored before it goes").containsExactly("drain [Part[topic=docgate.urls,"
        + " partition=1]]");
    assertThat(committed).as("and its offset committed").containsExactly(Map.entry(p1, new OffsetAndMetadata(7)));
    committed.clear();
    listener.onPartitionsLost(List.of(p2));
    assertThat(work.calls).last().isEqualTo("drop [Part[topic=docgate.urls, partition=2]]");
    assertThat(camel.calls).containsExactly("assigned [docgate.urls-0, docgate.urls-1, docgate.urls-2]",
        "revoked []", "revoked [docgate.urls-1]", "lost [docgate.urls-2]");
    assertThat(owned.owns(TOPIC, 0)).isTrue();
    assertThat(owned.owns(TOPIC, 1)).isFalse();
    assertThat(owned.owns(TOPIC, 2)).isFalse();
    assertThat(owned.owns("docgate.corpora", 0)).isFalse();

    try (CamelContext context = new DefaultCamelContext()) {
      List<Exchange> batch = List.of(record(context, 0, 3, "a"), record(context, 1, 4, "b"),
          record(context, 0, 4, "c"), record(context, 2, 5, "d"));
      assertThat(new CamelFleetUrls.UrlBatch(owned).items(batch)).containsExactly(
          new UrlWork.Item(TOPIC, 0, 3, "a"), new UrlWork.Item(TOPIC, 0, 4, "c"));
    }
    owned.commit(List.of(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 5),
        new UrlWork.Commit(new UrlWork.Part(TOPIC, 2), 9)));
    assertThat(committed).as("the owned partition only").containsExactly(Map.entry(p0, new OffsetAndMetadata(5)));
  }
}
