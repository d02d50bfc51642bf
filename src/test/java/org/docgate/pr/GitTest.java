package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.docgate.BusyCommonPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTest {
  @TempDir Path tmp;

  @Test
  void aDiffLargerThanThePipeBufferIsReadWhileTheCommonPoolIsBusy() throws Exception {
    TestRepo repo = TestRepo.init(tmp.resolve("repo"));
    String base = repo.write("README.md", "# r\n").commit("base");
    String longName = "a-rather-long-folder-name-so-that-the-name-status-output-fills-the-pipe/";
    for (int i = 0; i < 1500; i++) {
      repo.write(longName + "document-number-" + i + ".md", "# " + i + "\n");
    }
    String head = repo.commit("many files");
    Git git = new Git(repo.dir(), Duration.ofSeconds(20));

    // git writes ~150 KB to stdout; a reader queued on the (busy) common pool would leave git blocked on a full pipe
    // until the timeout.
    try (BusyCommonPool busy = new BusyCommonPool()) {
      List<Change> changes = git.changes(base, head);
      assertThat(changes).hasSize(1500);
    }
  }
}
