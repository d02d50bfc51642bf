package org.docgate.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.docgate.fleet.KafkaClientSettings;
import org.docgate.fleet.UrlQueue;
import org.docgate.fleet.UrlTask;
import org.docgate.fleet.UrlWork;

/**
 * Fleet mode's external URLs on Kafka: the URL topic keyed by host (one owner per host, so the owner's limiter is the
 * fleet's), the compacted host-state topic, the producer that queues URL tasks, and the beans of
 * routes/fleet/urls.camel.yaml (a batch per poll: checked, stored, then its offsets committed).
 */
public final class CamelFleetUrls {
  /**
   * The URL topics.
   *
   * @param partitions of the URL topic, fixed when it is created (hosts are placed on them for good, see
   *     org.docgate.fleet.HostSlots): at most this many workers share the URLs, and a count that divides evenly by
   *     the usual worker counts (48: 1, 2, 3, 4, 6, 8, 12...) gives each worker the same number of equal partitions
   * @param batch the most URL tasks one poll hands the route (checked concurrently, committed together)
   */
  public record Topics(String urls, String hostState, int partitions, String group, int batch) {
    public static final String URLS = "docgate.urls";
    public static final String HOST_STATE = "docgate.host-state";
    public static final int PARTITIONS = 48;
    public static final int BATCH = 500;

    public static Topics defaults(String corporaGroup) {
      return new Topics(URLS, HOST_STATE, PARTITIONS, corporaGroup + "-urls", BATCH);
    }
  }

  private CamelFleetUrls() {}

  /**
   * A worker's URL side: the book its corpus scans register URLs in, the queue it produces them to, the host-state
   * table, and the {@link UrlWork} of its URL route. Closed after the worker stops.
   */
  public static final class Side implements AutoCloseable {
    private final KafkaUrlQueue queue;
    private final KafkaHostStates states;
    private final org.docgate.validate.weblinks.OwnerChecker checker;
    private final org.docgate.fleet.FleetUrlBook book;
    private final UrlWork work;

    private Side(KafkaUrlQueue queue, KafkaHostStates states, org.docgate.validate.weblinks.OwnerChecker checker,
        org.docgate.fleet.FleetUrlBook book, UrlWork work) {
      this.queue = queue;
      this.states = states;
      this.checker = checker;
      this.book = book;
      this.work = work;
    }

    public org.docgate.fleet.FleetUrlBook book() {
      return book;
    }

    public UrlWork work() {
      return work;
    }

    @Override
    public void close() {
      checker.close();
      states.close();
      queue.close();
    }
  }

  /**
   * Creates the topics and opens a worker's URL side.
   *
   * @param config the external link settings (links.yaml): its global concurrency is this worker's cap
   * @param network the network the checks use (the worker's own, not a book)
   */
  public static Side open(String brokers, Topics topics, org.docgate.fleet.HotHosts hot,
      org.docgate.report.store.FleetUrls store, org.docgate.validate.weblinks.WebLinkConfig config,
      org.docgate.http.Network network, java.time.Clock clock, String worker) {
    return open(brokers, KafkaClientSettings.NONE, topics, hot, store, config, network, clock, worker);
  }

  /** As above, with the operator's client settings (--kafka-config) on its admin, producers and consumer. */
  public static Side open(String brokers, KafkaClientSettings client, Topics topics, org.docgate.fleet.HotHosts hot,
      org.docgate.report.store.FleetUrls store, org.docgate.validate.weblinks.WebLinkConfig config,
      org.docgate.http.Network network, java.time.Clock clock, String worker) {
    ensureTopics(brokers, client, topics);
    KafkaUrlQueue queue = new KafkaUrlQueue(brokers, client, topics.urls(),
        new org.docgate.fleet.HostSlots(store.hostSlots(), topics.partitions(), clock));
    KafkaHostStates states = new KafkaHostStates(brokers, client, topics.hostState(), worker, clock);
    var checker = new org.docgate.validate.weblinks.OwnerChecker(config, network, clock, config.globalConcurrency(),
        states::publish);
    var book = new org.docgate.fleet.FleetUrlBook(store, queue, hot, clock, worker);
    return new Side(queue, states, checker, book, new UrlWork(store, checker, states, clock, worker, topics.batch()));
  }

  /**
   * Binds the URL route's beans and options onto a worker's Camel Main, with the subscribe adapter that tracks which
   * partitions the worker owns (camel-kafka looks it up by its name, for every consumer of the worker).
   */
  static void bind(Main main, Topics topics, UrlWork work) {
    OwnedPartitions owned = OwnedPartitions.of(work);
    main.bind("subscribeAdapter", owned);
    main.bind("urlWork", work);
    main.bind("urlBatch", new UrlBatch(owned));
    main.bind("kafkaBatchCommit", new KafkaBatchCommit(owned, work));
    main.addInitialProperty("docgate.fleet.urls-topic", topics.urls());
    main.addInitialProperty("docgate.fleet.urls-group", topics.group());
    main.addInitialProperty("docgate.fleet.urls-batch", Integer.toString(topics.batch()));
  }

  /** Creates the URL topic (with its partitions) and the compacted host-state topic when they do not exist. */
  public static void ensureTopics(String brokers, Topics topics) {
    ensureTopics(brokers, KafkaClientSettings.NONE, topics);
  }

  public static void ensureTopics(String brokers, KafkaClientSettings client, Topics topics) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = CamelFleet.admin(client.applyTo(props), client)) {
      for (NewTopic t : List.of(new NewTopic(topics.urls(), topics.partitions(), (short) 1),
          new NewTopic(topics.hostState(), 12, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
              TopicConfig.CLEANUP_POLICY_COMPACT)))) {
        try {
          admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(client.mask("cannot create the topic " + t.name() + " at " + brokers
                + ": " + e.getCause().getMessage()), e.getCause());
          }
        }
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("no Kafka broker answered at " + brokers + " within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the fleet URL topics", e);
    }
  }

  /**
   * A producer of URL tasks to the URL topic, each to its key's partition ({@link org.docgate.fleet.HostSlots}: placed
   * by balance once, in PostgreSQL, not by Kafka's hash of the key); idempotent, acks from all replicas.
   */
  public static final class KafkaUrlQueue implements UrlQueue, AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final org.docgate.fleet.HostSlots slots;

    public KafkaUrlQueue(String brokers, String topic, org.docgate.fleet.HostSlots slots) {
      this(brokers, KafkaClientSettings.NONE, topic, slots);
    }

    public KafkaUrlQueue(String brokers, KafkaClientSettings client, String topic, org.docgate.fleet.HostSlots slots) {
      this.producer = producer(brokers, client);
      this.topic = topic;
      this.slots = slots;
    }

    @Override
    public void send(List<UrlTask> tasks) {
      Map<String, Integer> partition = slots.of(tasks);
      List<Future<RecordMetadata>> sent = new ArrayList<>(tasks.size());
      for (UrlTask t : tasks) {
        sent.add(producer.send(new ProducerRecord<>(topic, partition.get(t.key()), t.key(), t.toJson())));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        try {
          f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          throw new IllegalStateException("cannot queue URLs on " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while queueing URLs", e);
        }
      }
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(10));
    }
  }

  static KafkaProducer<String, String> producer(String brokers, KafkaClientSettings client) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(client.applyTo(p), new StringSerializer(), new StringSerializer());
  }

  /**
   * The batch's records, for {@link UrlWork#submit} (which knows nothing of Camel), without those of partitions this
   * worker no longer owns (revoked or lost while camel-kafka gathered the batch): their new owner checks them.
   */
  static final class UrlBatch {
    private final OwnedPartitions owned;

    UrlBatch(OwnedPartitions owned) {
      this.owned = owned;
    }

    public List<UrlWork.Item> items(List<Exchange> batch) {
      List<UrlWork.Item> items = new ArrayList<>(batch.size());
      for (Exchange e : batch) {
        if (ownedBy(owned, e)) {
          items.add(new UrlWork.Item(e.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
              e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
              e.getMessage().getHeader(KafkaConstants.OFFSET, Long.class), e.getMessage().getBody(String.class)));
        }
      }
      return items;
    }
  }

  private static boolean ownedBy(OwnedPartitions owned, Exchange e) {
    String topic = e.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
    Integer partition = e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
    return topic != null && partition != null && owned.owns(topic, partition);
  }

  /**
   * Commits, per partition this worker owns, the offset after its records whose results are stored with every record
   * before them ({@link UrlWork#stored}): the checks of earlier batches that finished since, not this batch's (they
   * have only started). One synchronous commit per topic, on the consumer's thread; the offsets of a partition given
   * away are committed when it is drained (see {@link OwnedPartitions}).
   */
  static final class KafkaBatchCommit implements Processor {
    private final OwnedPartitions owned;
    private final UrlWork work;

    KafkaBatchCommit(OwnedPartitions owned, UrlWork work) {
      this.owned = owned;
      this.work = work;
    }

    @Override
    public void process(Exchange exchange) {
      owned.commit(work.stored());
    }
  }
}
