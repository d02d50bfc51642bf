package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name a fleet worker or scheduler writes on its results and leases. */
class ProcessNameTest {
  @Test
  void aGivenNameIsKept() throws Exception {
    assertThat(ProcessName.or("worker-7")).isEqualTo("worker-7");
  }

  @Test
  void withoutOneItIsTheHostAndThePid() throws Exception {
    assertThat(ProcessName.or(null)).endsWith(":" + ProcessHandle.current().pid())
        .startsWith(java.net.InetAddress.getLocalHost().getHostName() + ":");
  }
}
