package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docgate serve} refuses bad set-ups with one line and exit 2, before anything starts. */
class ServeCommandTest {
  @TempDir Path corpus;
  @TempDir Path data;

  @Test
  void aPortInUseIsAClearError() throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n");
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress("127.0.0.1", 0));
      Cli.Run run = Cli.docgate("serve", corpus.toString(), "--data", data.toString(), "--port",
          Integer.toString(busy.getLocalPort()), "--offline");
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort() + " (--port)")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void theStoreIsNeverInsideTheCorpus() {
    Cli.Run run = Cli.docgate("serve", corpus.toString(), "--data", corpus.resolve(".docgate").toString(),
        "--offline");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("inside the corpus");
    assertThat(corpus.resolve(".docgate")).doesNotExist();
  }

  @Test
  void aMissingCorpusIsAClearError() {
    Cli.Run run = Cli.docgate("serve", corpus.resolve("nope").toString(), "--offline");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("the corpus must be a folder");
  }

  @Test
  void anUnknownWatchModeIsAClearError() {
    Cli.Run run = Cli.docgate("serve", corpus.toString(), "--data", data.toString(), "--watch-mode", "inotify",
        "--offline");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--watch-mode must be auto, events or poll, got 'inotify'");
  }

  @Test
  void aDocgateYamlInTheCorpusIsReadAsScanReadsIt() throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n");
    Files.writeString(corpus.resolve(".docgate.yaml"), "rules:\n  links/missing-fil: off\n");
    // the store URL is bad too: a serve that ignored the file would fail there instead, never hang
    Cli.Run run = Cli.docgate("serve", corpus.toString(), "--db", "jdbc:nothing:here", "--port", "0",
        "--management-port", "0", "--offline");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(".docgate.yaml").contains("unknown rule 'links/missing-fil'");
  }
}
