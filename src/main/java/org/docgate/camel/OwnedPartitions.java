package org.docgate.camel;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.kafka.consumer.support.subcription.DefaultSubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions this worker's consumers own right now, learnt from the group's rebalances: camel-kafka subscribes
 * through the registry's {@code subscribeAdapter}, and this one subscribes as camel-kafka's own does, with Camel's
 * rebalance listener wrapped. camel-kafka's batching consumer keeps records across polls until a batch is full or
 * quiet ({@code batchingIntervalMs}), so a batch can hold records of a partition revoked (or lost) in one of those
 * polls; the URL route drops them, so a host's URLs are never checked by its old owner after its new owner has it
 * (the new owner starts from the last committed offset, and checks them). On a revocation the host-state table is
 * flushed first, so what this owner learnt of its hosts is on the broker before the next owner reads it.
 */
final class OwnedPartitions implements SubscribeAdapter {
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final Runnable beforeRevoke;

  /** @param beforeRevoke runs before partitions are given away (flushes the host-state producer) */
  OwnedPartitions(Runnable beforeRevoke) {
    this.beforeRevoke = beforeRevoke;
  }

  @Override
  public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener camel, TopicInfo topicInfo) {
    new DefaultSubscribeAdapter().subscribe(consumer, listener(camel), topicInfo);
  }

  /** Camel's listener, told after this worker's view of what it owns has changed. */
  ConsumerRebalanceListener listener(ConsumerRebalanceListener camel) {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
        camel.onPartitionsAssigned(partitions);
      }

      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        owned.removeAll(partitions);
        if (!partitions.isEmpty()) {
          beforeRevoke.run();
        }
        camel.onPartitionsRevoked(partitions);
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // lost (the session expired): another worker may own them already; nothing of them is checked here any more
        owned.removeAll(partitions);
        camel.onPartitionsLost(partitions);
      }
    };
  }

  boolean owns(String topic, int partition) {
    return owned.contains(new TopicPartition(topic, partition));
  }
}
