package org.docgate.validate.snippets.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class SeccompFilterTest {
  @Test
  void programsExistForTheTwoKnownArchitecturesOnly() {
    assertThat(SeccompFilter.program("amd64")).get().satisfies(p -> assertThat(p).hasSize(9 * 8));
    assertThat(SeccompFilter.program("aarch64")).isPresent();
    assertThat(SeccompFilter.program("riscv64")).isEmpty();
  }

  @Test
  void theX86ProgramChecksTheArchThenRefusesShmgetAndMemfds() {
    ByteBuffer b = ByteBuffer.wrap(SeccompFilter.program("amd64").orElseThrow()).order(ByteOrder.nativeOrder());
    int[][] expected = {
        {0x20, 0, 0, 4}, {0x15, 0, 6, 0xc000003e}, {0x20, 0, 0, 0}, {0x35, 4, 0, 0x40000000},
        {0x15, 3, 0, 29}, {0x15, 2, 0, 319}, {0x15, 1, 0, 447}, {0x06, 0, 0, 0x7fff0000}, {0x06, 0, 0, 0x00050001}};
    for (int[] ins : expected) {
      assertThat(new int[] {b.getShort() & 0xffff, b.get() & 0xff, b.get() & 0xff, b.getInt()}).containsExactly(ins);
    }
  }
}
