package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import org.docgate.pr.TestRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A user's routes folder is the pipeline of every command: a step it adds to the scan route (a bean counting the
 * documents of the per-document split) is seen in {@code scan}, in {@code serve} (its start scan and an incremental
 * refresh) and in {@code pr} (both trees, full and touched-only).
 */
class UserRoutesTest {
  private static final String INDENT = " ".repeat(14);
  private static final String VALIDATE_STEP = INDENT + "- bean:\n"
      + INDENT + "    ref: validation\n"
      + INDENT + "    method: \"validate(${body}, ${exchangeProperty.prepared})\"\n";

  @TempDir Path routes;

  @BeforeEach
  void aRoutesFolderThatCountsDocuments() throws Exception {
    String packaged = Files.readString(Path.of("routes/scan.camel.yaml"), StandardCharsets.UTF_8);
    assertThat(packaged).as("the packaged scan route's validate step").contains(VALIDATE_STEP);
    String counting = packaged.replace(VALIDATE_STEP, INDENT + "- bean:\n"
        + INDENT + "    ref: documentCounter\n"
        + INDENT + "    method: \"count(${body})\"\n" + VALIDATE_STEP);
    // no errors.camel.yaml: the packaged error configuration is used
    Files.writeString(routes.resolve("scan.camel.yaml"), """
        - beans:
            - name: documentCounter
              type: org.docgate.cli.DocumentCounter
        """ + counting, StandardCharsets.UTF_8);
    DocumentCounter.SEEN.set(0);
  }

  @Test
  void scanRunsTheUsersStepOnEveryDocument(@TempDir Path corpus) throws Exception {
    write(corpus, "a.md", "# A\n\n[b](b.md)\n");
    write(corpus, "b.md", "# B\n");
    write(corpus, "guide/c.md", "# C\n");
    Cli.Run run = Cli.docgate("scan", corpus.toString(), "--routes", routes.toString(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(DocumentCounter.SEEN.get()).isEqualTo(3);
  }

  @Test
  void serveRunsTheUsersStepInItsStartScanAndInAnIncrementalRefresh(@TempDir Path corpus, @TempDir Path data)
      throws Exception {
    write(corpus, "a.md", "# A\n\n[b](b.md)\n");
    write(corpus, "b.md", "# B\n");
    write(corpus, "c.md", "# C\n");
    ServeCommand serve = new ServeCommand();
    serve.stop = new CountDownLatch(1);
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(serve).setErr(new PrintWriter(err, true));
    Thread running = new Thread(() -> command.execute(corpus.toString(), "--data", data.toString(), "--port", "0",
        "--management-port", "0", "--watch", "100", "--watch-mode", "poll", "--schedule", "off", "--offline",
        "--only", "links", "--routes", routes.toString()), "serve-under-test");
    running.start();
    try {
      // the start scan (and a first watch tick that may come before it: both are full scans) sees every document
      awaitCount(3, () -> DocumentCounter.SEEN.get(), err);
      int afterStart = settled(err);
      assertThat(afterStart % 3).as("full scans only so far").isZero();
      // c.md is linked by nobody: links (the only validator) re-checks it alone
      write(corpus, "c.md", "# C again\n\n[a](a.md)\n");
      awaitCount(afterStart + 1, () -> DocumentCounter.SEEN.get(), err);
      assertThat(settled(err)).isEqualTo(afterStart + 1);
    } finally {
      serve.stop.countDown();
      running.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(running.isAlive()).isFalse();
  }

  @Test
  void prRunsTheUsersStepOnBothTreesFullAndTouchedOnly(@TempDir Path dir) throws Exception {
    TestRepo repo = PrCommandTest.mustShowRepo(dir);
    Cli.Run full = PrCommandTest.pr(repo.dir(), "--format", "json", "--routes", routes.toString());
    assertThat(full.exit()).as(full.err()).isEqualTo(1);
    assertThat(DocumentCounter.SEEN.get()).as("seven documents in each tree").isEqualTo(14);

    DocumentCounter.SEEN.set(0);
    Cli.Run touched = PrCommandTest.pr(repo.dir(), "--format", "json", "--touched-only", "--routes",
        routes.toString());
    assertThat(touched.exit()).as(touched.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(touched.out());
    int touchedInBoth = json.path("touched").size() * 2; // every touched document exists in both trees here
    assertThat(touchedInBoth).isEqualTo(12);
    assertThat(DocumentCounter.SEEN.get()).isEqualTo(touchedInBoth);
  }

  /** The count once it stayed the same for a second (no scan running). */
  private static int settled(StringWriter log) throws InterruptedException {
    int last = -1;
    int now = DocumentCounter.SEEN.get();
    while (now != last) {
      last = now;
      Thread.sleep(1000);
      now = DocumentCounter.SEEN.get();
    }
    return now;
  }

  private static void awaitCount(int expected, IntSupplier count, StringWriter log) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count.getAsInt() < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(count.getAsInt()).as("documents seen by the user's step; serve said:\n" + log)
        .isGreaterThanOrEqualTo(expected);
  }

  private static void write(Path corpus, String path, String text) throws Exception {
    org.docgate.FileEdits.write(corpus, path, text);
  }
}
