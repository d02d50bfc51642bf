package org.docgate.fleet;

import java.time.Instant;
import java.util.Optional;
import org.docgate.http.HostGates;

/**
 * The fleet's host-state table (a compacted topic keyed like the URL topic): what each key's owner learned about its
 * host (a Retry-After pause, a widened interval), so a new owner starts where the old one stopped.
 */
public interface HostStates {
  /** One key's newest state and when its owner wrote it. */
  record Stamped(HostGates.HostState state, Instant at, String by) {}

  /** Reads the table up to its current end: a state written before now is seen after this returns. */
  void catchUp();

  Optional<Stamped> latest(String key);

  /** Writes a key's new state (the owner, when it changed). */
  void publish(String key, HostGates.HostState state);

  /** Returns once every state published so far is on the broker (before the offsets of the work are committed). */
  void flush();

  /** No table: every owner starts afresh (tests of other parts, a worker without the topic). */
  HostStates NONE = new HostStates() {
    @Override
    public void catchUp() {}

    @Override
    public Optional<Stamped> latest(String key) {
      return Optional.empty();
    }

    @Override
    public void publish(String key, HostGates.HostState state) {}

    @Override
    public void flush() {}
  };
}
