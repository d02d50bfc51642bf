package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
  private static Path stderrPointingAt(Path dir, String target) throws IOException {
    return Files.createSymbolicLink(dir.resolve("2"), Path.of(target));
  }

  @Test
  void stderrOnATerminalShowsProgress(@TempDir Path dir) throws IOException {
    assertThat(Progress.isTerminal(stderrPointingAt(dir, "/dev/pts/3"))).contains(true);
  }

  @Test
  void stderrRedirectedToALogFileShowsNoProgressEvenWhenStdoutIsATerminal(@TempDir Path dir) throws IOException {
    assertThat(Progress.isTerminal(stderrPointingAt(dir, "/tmp/scan.log"))).contains(false);
  }

  @Test
  void stderrIntoAPipeShowsNoProgress(@TempDir Path dir) throws IOException {
    assertThat(Progress.isTerminal(stderrPointingAt(dir, "pipe:[81234]"))).contains(false);
  }

  @Test
  void withoutDescriptorLinksTheAnswerIsLeftToTheConsole(@TempDir Path dir) {
    assertThat(Progress.isTerminal(dir.resolve("no-such-fd"))).isEmpty();
  }
}
