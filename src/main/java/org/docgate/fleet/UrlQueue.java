package org.docgate.fleet;

import java.util.List;

/** Where URL tasks go: the URL topic (org.docgate.camel's Kafka producer), keyed by {@link UrlTask#key()}. */
@FunctionalInterface
public interface UrlQueue {
  /** Returns once the broker has them all. */
  void send(List<UrlTask> tasks);
}
