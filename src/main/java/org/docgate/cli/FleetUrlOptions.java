package org.docgate.cli;

import java.util.List;
import org.docgate.camel.CamelFleetUrls;
import org.docgate.fleet.HotHosts;
import picocli.CommandLine.Option;

/** The options of fleet mode's external URLs, shared by {@code fleet worker} and {@code fleet schedule}. */
final class FleetUrlOptions {
  @Option(names = "--urls-topic", paramLabel = "NAME", defaultValue = CamelFleetUrls.Topics.URLS,
      description = "The URL topic, keyed by host (default: ${DEFAULT-VALUE}).")
  String urlsTopic;

  @Option(names = "--host-state-topic", paramLabel = "NAME", defaultValue = CamelFleetUrls.Topics.HOST_STATE,
      description = "The compacted host-state topic (default: ${DEFAULT-VALUE}).")
  String hostStateTopic;

  @Option(names = "--url-partitions", defaultValue = "" + CamelFleetUrls.Topics.PARTITIONS, description = "Partitions "
      + "of the URL topic when it is created (default: ${DEFAULT-VALUE}); fixed afterwards (changing it remaps hosts).")
  int partitions;

  @Option(names = "--hot-host", paramLabel = "HOST=K", description = "Split a busy host into K topic keys "
      + "(HOST#0..K-1), each owned by one worker with the host's limits divided by K; give schedulers and workers the "
      + "same list. Repeatable.")
  List<String> hotHosts = List.of();

  CamelFleetUrls.Topics topics(String corporaGroup) {
    return new CamelFleetUrls.Topics(urlsTopic, hostStateTopic, partitions, corporaGroup + "-urls",
        CamelFleetUrls.Topics.BATCH);
  }

  HotHosts hot() {
    return HotHosts.parse(hotHosts);
  }
}
