package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.docgate.cli.DocgateCommand;
import org.docgate.corpus.Containment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Untrusted corpus, trusted operator who makes a mistake: docgate never writes its store into the corpus it scans,
 * also when {@code --data} reaches the corpus through a symbolic link (the check used to be lexical).
 */
class DataDirContainmentTest {
  @TempDir Path temp;
  ServerSocket busy;

  record Run(int exit, String err) {}

  static Run docgate(String... args) {
    StringWriter err = new StringWriter();
    int exit = DocgateCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Run(exit, err.toString());
  }

  /**
   * A port in use: were the data folder accepted, serve would stop at the port check (exit 2, another message)
   * instead of starting and never returning.
   */
  String busyPort() throws Exception {
    busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    return String.valueOf(busy.getLocalPort());
  }

  @AfterEach
  void release() throws Exception {
    if (busy != null) {
      busy.close();
    }
  }

  Path corpus() throws Exception {
    Path corpus = Files.createDirectories(temp.resolve("corpus/docs"));
    Files.writeString(corpus.resolve("a.md"), "# A\n");
    return corpus.getParent();
  }

  static long files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.count();
    }
  }

  @Test
  void aDataFolderLinkedIntoTheCorpusIsRefused() throws Exception {
    Path corpus = corpus();
    Path link = Files.createSymbolicLink(temp.resolve("store"), corpus.resolve("docs"));
    long before = files(corpus);
    Run run = docgate("serve", corpus.toString(), "--data", link.resolve("db").toString(), "--offline",
        "--port", busyPort(), "--management-port", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is inside the corpus").contains("symbolic link");
    assertThat(files(corpus)).isEqualTo(before);
  }

  @Test
  void aLinkedParentOfTheDataFolderIsFollowedToo() throws Exception {
    Path corpus = corpus();
    Path parent = Files.createSymbolicLink(temp.resolve("data-home"), corpus);
    Run run = docgate("serve", corpus.toString(), "--data", parent.resolve("not/yet/there").toString(),
        "--offline", "--port", busyPort(), "--management-port", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is inside the corpus");
    assertThat(corpus.resolve("not")).doesNotExist();
  }

  @Test
  void aCorpusGivenThroughALinkIsComparedByItsRealPlace() throws Exception {
    Path corpus = corpus();
    Path corpusLink = Files.createSymbolicLink(temp.resolve("corpus-link"), corpus);
    assertThat(Containment.isInside(corpus.resolve("docs/.store"), corpusLink)).isTrue();
    assertThat(Containment.isInside(temp.resolve("elsewhere/store"), corpusLink)).isFalse();
    assertThat(Containment.isInside(temp.resolve("corpus-other"), corpus)).as("a sibling with a common prefix")
        .isFalse();
  }
}
