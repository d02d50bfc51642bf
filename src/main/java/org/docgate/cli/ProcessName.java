package org.docgate.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name a fleet process puts on what it writes ({@code worker --worker-id}, {@code schedule --name}). */
final class ProcessName {
  private ProcessName() {}

  /** {@code given}, else {@code host:pid}: unique per process on a machine, and says which machine. */
  static String or(String given) throws UnknownHostException {
    return given != null ? given : InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
  }
}
