package org.docgate.report.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which corpus a run belongs to: the configured name, else the folder's real path. */
class CorpusIdTest {
  @TempDir Path tmp;

  @Test
  void aSymlinkAndItsTargetAreOneCorpusAndTwoCheckoutsAreTwo() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path link = Files.createSymbolicLink(tmp.resolve("current"), docs);
    Path other = Files.createDirectories(tmp.resolve("docs-copy"));

    assertThat(CorpusId.of(link, null)).isEqualTo(CorpusId.of(docs, " "))
        .isEqualTo(new CorpusId(docs.toRealPath().toString()));
    assertThat(CorpusId.of(other, null)).isNotEqualTo(CorpusId.of(docs, null));
  }

  @Test
  void aConfiguredNameWinsOverThePath() {
    assertThat(CorpusId.of(tmp, " handbook ")).isEqualTo(new CorpusId("handbook"));
  }

  @Test
  void blankOverlongOrControlCharacterIdsAreRefused() {
    assertThatThrownBy(() -> new CorpusId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CorpusId("a\nb")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a corpus id must not contain control characters");
    assertThatThrownBy(() -> new CorpusId("x".repeat(1001))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CorpusId.of(tmp.resolve("missing"), null)).hasMessageContaining("missing");
  }
}
