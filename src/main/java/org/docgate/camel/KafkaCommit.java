package org.docgate.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the offset of the message an exchange came from: the last step of a fleet route, after the result is
 * stored. One synchronous commit per corpus scan: a scan takes seconds, so the 75-140 commits/s it allows
 * (fleet.md) never limit, and a commit that returned is one a fail-over sees.
 */
final class KafkaCommit implements Processor {
  @Override
  public void process(Exchange exchange) {
    KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
    if (commit == null) {
      throw new IllegalStateException("no Kafka commit on this exchange: the route's consumer needs"
          + " allowManualCommit=true");
    }
    commit.commit();
  }
}
