package org.docgate.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.docgate.camel.CamelFleet;
import org.docgate.camel.CamelFleetUrls;
import org.docgate.config.Units;
import org.docgate.fleet.HostSlots;
import org.docgate.fleet.UrlScheduler;
import org.docgate.report.store.FleetRepositories;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code docgate fleet schedule}: the re-check cycle. Leases the URLs whose next check is due (FOR UPDATE SKIP LOCKED,
 * so several schedulers are safe) and produces them to the URL topic; submits again the repositories a URL result
 * changed for. Runs a cycle every {@code --every}, or one with {@code --once} (cron).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, description = "Produce the fleet's due URL checks "
    + "(next-check times from the link cache TTLs) and rescan repositories whose URL results changed.")
final class FleetScheduleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FleetCommand.KafkaOptions kafka;
  @Mixin FleetUrlOptions urls;

  @Mixin DatabaseOption db;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "1m", description = "Time between cycles "
      + "(default: ${DEFAULT-VALUE}).")
  String every;

  @Option(names = "--once", description = "Run one cycle and exit.")
  boolean once;

  @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "30m", description = "How long a produced URL "
      + "is held for its check before a later cycle may produce it again (default: ${DEFAULT-VALUE}).")
  String lease;

  @Option(names = "--batch", defaultValue = "1000", description = "URLs leased per transaction (default: "
      + "${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--name", paramLabel = "NAME", description = "This scheduler's name on its leases (default: "
      + "host:pid).")
  String name;

  @Override
  public Integer call() throws Exception {
    String dbUrl = db.url();
    String me = ProcessName.or(name);
    Duration period = Units.duration(every);
    Duration held = Units.duration(lease);
    CamelFleetUrls.Topics topics = urls.topics(kafka.group);
    CamelFleetUrls.ensureTopics(kafka.brokers, kafka.client(), topics);
    var out = spec.commandLine().getOut();
    try (FleetRepositories fleet = FleetRepositories.open(dbUrl, System.getenv());
        CamelFleetUrls.KafkaUrlQueue queue = new CamelFleetUrls.KafkaUrlQueue(kafka.brokers, kafka.client(),
            topics.urls(), new HostSlots(fleet.urls().hostSlots(), topics.partitions(), Clock.systemUTC()))) {
      UrlScheduler scheduler = new UrlScheduler(fleet.urls(), fleet, queue, jobs -> {
        try {
          CamelFleet.submit(kafka.kafka(), jobs);
        } catch (Exception e) {
          throw new IllegalStateException("cannot submit repositories again: " + e.getMessage(), e);
        }
      }, urls.hot(), Clock.systemUTC(), held, batch, me);
      while (true) {
        UrlScheduler.Cycle c = scheduler.once();
        out.println("scheduled " + c.urls() + " URLs, " + c.repositories().size() + " repositories to scan again");
        out.flush();
        if (once) {
          return DocgateCommand.EXIT_OK;
        }
        Thread.sleep(period);
      }
    }
  }
}
