package org.docgate.camel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.kafka.consumer.support.subcription.DefaultSubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.docgate.fleet.UrlWork;

/**
 * The partitions this worker's consumers own right now, learnt from the group's rebalances: camel-kafka subscribes
 * through the registry's {@code subscribeAdapter}, and this one subscribes as camel-kafka's own does, with Camel's
 * rebalance listener wrapped. camel-kafka's batching consumer keeps records across polls until a batch is full or
 * quiet ({@code batchingIntervalMs}), so a batch can hold records of a partition revoked (or lost) in one of those
 * polls; the URL route drops them, so a host's URLs are never checked by its old owner after its new owner has it
 * (the new owner starts from the last committed offset, and checks them). The URL checks outlive a poll: a partition
 * given away is drained first (its requests in flight finish and are stored, its checks not started are given up,
 * its hosts' interval is waited out, the host states flushed, its offsets committed), so the next owner starts where
 * this one stopped; a partition lost has its checks stopped at once. Commits go
 * through the consumer that owns the partition, on its own thread (the route's steps and these callbacks run on it).
 */
final class OwnedPartitions implements SubscribeAdapter {
  /** What the URL work does with partitions that go. */
  interface Handover {
    /** Partitions given away: waits for their checks to be stored, returns their offsets to commit. */
    List<UrlWork.Commit> drain(Collection<UrlWork.Part> parts) throws InterruptedException;

    /** Partitions lost: their checks stop at once and store nothing. */
    void drop(Collection<UrlWork.Part> parts);
  }

  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final Map<String, Consumer<?, ?>> consumers = new ConcurrentHashMap<>();
  private final Handover handover;

  OwnedPartitions(Handover handover) {
    this.handover = handover;
  }

  /** The handover of a worker's URL work. */
  static OwnedPartitions of(UrlWork work) {
    return new OwnedPartitions(new Handover() {
      @Override
      public List<UrlWork.Commit> drain(Collection<UrlWork.Part> parts) throws InterruptedException {
        return work.drain(parts);
      }

      @Override
      public void drop(Collection<UrlWork.Part> parts) {
        work.drop(parts);
      }
    });
  }

  @Override
  public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener camel, TopicInfo topicInfo) {
    topicInfo.getTopics().forEach(t -> consumers.put(t, consumer));
    new DefaultSubscribeAdapter().subscribe(consumer, listener(camel, consumer), topicInfo);
  }

  /** Camel's listener, told after this worker's view of what it owns has changed. */
  ConsumerRebalanceListener listener(ConsumerRebalanceListener camel, Consumer<?, ?> consumer) {
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
          try {
            List<UrlWork.Commit> commits = handover.drain(parts(partitions));
            if (consumer != null && !commits.isEmpty()) {
              consumer.commitSync(offsets(commits));
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        camel.onPartitionsRevoked(partitions);
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // lost (the session expired): another worker may own them already; nothing of them is checked here any more
        owned.removeAll(partitions);
        handover.drop(parts(partitions));
        camel.onPartitionsLost(partitions);
      }
    };
  }

  private static List<UrlWork.Part> parts(Collection<TopicPartition> partitions) {
    return partitions.stream().map(p -> new UrlWork.Part(p.topic(), p.partition())).toList();
  }

  private static Map<TopicPartition, OffsetAndMetadata> offsets(List<UrlWork.Commit> commits) {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    commits.forEach(c -> m.put(new TopicPartition(c.part().topic(), c.part().partition()),
        new OffsetAndMetadata(c.next())));
    return m;
  }

  /**
   * Commits the offsets of partitions this worker still owns, through their consumer; on its thread (the URL route's
   * last step). A commit that fails (a rebalance under way) is made good by the next one or by the drain.
   */
  void commit(List<UrlWork.Commit> commits) {
    Map<String, List<UrlWork.Commit>> byTopic = new HashMap<>();
    commits.stream().filter(c -> owns(c.part().topic(), c.part().partition()))
        .forEach(c -> byTopic.computeIfAbsent(c.part().topic(), t -> new ArrayList<>()).add(c));
    byTopic.forEach((topic, cs) -> {
      Consumer<?, ?> consumer = consumers.get(topic);
      if (consumer == null) {
        throw new IllegalStateException("no consumer of " + topic + " subscribed through this adapter");
      }
      try {
        consumer.commitSync(offsets(cs));
      } catch (org.apache.kafka.common.errors.RetriableException | org.apache.kafka.clients.consumer.CommitFailedException
          | org.apache.kafka.common.errors.RebalanceInProgressException e) {
        // not committed now: the offsets stay with the work and go with the next commit or the drain
      }
    });
  }

  boolean owns(String topic, int partition) {
    return owned.contains(new TopicPartition(topic, partition));
  }
}
