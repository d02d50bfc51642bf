package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI, in-process and through Camel, on a corpus of everything that goes wrong in practice: wrong encoding,
 * binary data, a huge file, pathological nesting, symlink loops, broken links, unreadable files and a FIFO. The scan
 * must finish, report each as a finding, still validate the good file, and print no stack trace anywhere.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputCorpusTest {
  private static final long MB = 1024 * 1024;
  private static final int DEEP = 10_000;

  @TempDir static Path corpus;

  static boolean chmodBlocksReading;
  static boolean fifoCreated;
  static int exitCode;
  static String stdout;
  static String stderr;
  static String console;
  static JsonNode report;
  static long scanMillis;

  @BeforeAll
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  static void scanABadCorpus() throws Exception {
    writeCorpus(corpus);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // Camel, slf4j and the JVM's uncaught-exception handler write to System.out/err, not to our writers: capture
    // those too, so that a stack trace printed by any thread fails the test.
    ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream capture = new PrintStream(new Tee(consoleBytes, originalErr), true, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    try {
      System.setOut(capture);
      System.setErr(capture);
      exitCode = DocgateCommand.execute(new String[] {"scan", corpus.toString(), "--format", "json", "--offline"},
          new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    scanMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("BadInputCorpusTest: whole CLI scan of the bad corpus took %,d ms%n", scanMillis);
    stdout = out.toString();
    stderr = err.toString();
    console = consoleBytes.toString(StandardCharsets.UTF_8);
    report = new ObjectMapper().readTree(stdout);
  }

  static void writeCorpus(Path dir) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("README.md"),
        "# Guide\n\nSee [setup](setup.md) and [the Chinese page](gbk.md).\n", StandardCharsets.UTF_8);
    Files.write(dir.resolve("gbk.md"), "中文标题\n".getBytes(Charset.forName("GBK")));
    Files.write(dir.resolve("binary.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
        0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
    writeHugeFile(dir.resolve("huge.md"), 50 * MB);

    Files.createDirectories(dir.resolve("deep"));
    Files.writeString(dir.resolve("deep/blockquote.md"), "> ".repeat(DEEP) + "deep text\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("deep/list.md"), "- ".repeat(DEEP) + "deep item\n", StandardCharsets.UTF_8);

    Files.createDirectories(dir.resolve("loop"));
    Files.createSymbolicLink(dir.resolve("loop/up"), Path.of(".."));
    Files.createSymbolicLink(dir.resolve("dangling.md"), Path.of("does-not-exist.md"));

    Path locked = Files.writeString(dir.resolve("locked.md"), "# Locked\n", StandardCharsets.UTF_8);
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    }
    chmodBlocksReading = !Files.isReadable(locked);
    if (!chmodBlocksReading) {
      Files.delete(locked); // root (or a capability) reads it anyway: nothing to test
    }

    fifoCreated = mkfifo(dir.resolve("pipe.md"));
  }

  /** Streams the content: 50 MB must never sit in one String or array. */
  static void writeHugeFile(Path file, long size) throws IOException {
    byte[] line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += line.length) {
        out.write(line);
      }
    }
  }

  static boolean mkfifo(Path path) throws InterruptedException {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false; // no mkfifo on this system
    }
  }

  @Test
  void theScanExitsWithOneAndPrintsAValidJsonReport() {
    assertThat(exitCode).as("stderr: %s%nconsole: %s", stderr, console).isEqualTo(DocgateCommand.EXIT_FINDINGS);
    assertThat(report.path("schema").asText()).isEqualTo("docgate/report@1");
    assertThat(report.path("findings").isArray()).isTrue();
  }

  @Test
  void noOutputContainsAJavaStackTrace() {
    for (String text : List.of(stdout, stderr, console)) {
      assertThat(text).doesNotContain("\tat ").doesNotContain("Exception in thread")
          .doesNotContain("StackOverflowError");
    }
  }

  @Test
  void aGbkFileIsAnEncodingFindingThatNamesGbk() {
    assertThat(finding("corpus/encoding", "gbk.md").path("message").asText()).contains("GBK/GB18030");
  }

  @Test
  void aBinaryFileNamedMarkdownIsABinaryFinding() {
    finding("corpus/binary", "binary.md");
  }

  @Test
  void aFileOverTheSizeLimitIsTooLargeWithoutBeingRead() {
    assertThat(finding("corpus/too-large", "huge.md").path("message").asText())
        .contains("over the limit of 20,971,520 bytes");
  }

  @Test
  void tenThousandLevelsOfBlockQuotesOrListsAreUnparsableNotACrash() {
    finding("corpus/unparsable", "deep/blockquote.md");
    finding("corpus/unparsable", "deep/list.md");
  }

  @Test
  void aSymlinkToItsOwnParentFolderIsALoopThatIsNotFollowed() {
    finding("corpus/symlink-loop", "loop/up");
    assertThat(paths()).noneMatch(p -> p.startsWith("loop/up/"));
  }

  @Test
  void aDanglingSymlinkIsUnreadable() {
    assertThat(finding("corpus/unreadable", "dangling.md").path("message").asText()).contains("broken symbolic link");
  }

  @Test
  void aFileWithoutReadPermissionIsUnreadableWhenNotRunningAsRoot() {
    assumeTrue(chmodBlocksReading, "running as root: chmod 000 does not stop reading");
    assertThat(finding("corpus/unreadable", "locked.md").path("message").asText()).contains("permission denied");
  }

  @Test
  void aFifoIsUnreadableAndTheScanDoesNotHangOnIt() {
    assumeTrue(fifoCreated, "mkfifo is not available");
    assertThat(finding("corpus/unreadable", "pipe.md").path("message").asText()).contains("not a regular file");
  }

  @Test
  void theGoodFileIsStillValidatedNextToTheBadOnes() {
    JsonNode missing = finding("links/missing-file", "README.md");
    assertThat(missing.path("target").asText()).isEqualTo("setup.md");
    assertThat(findings()).as("a file that could not be parsed is still a valid link target")
        .noneMatch(f -> "gbk.md".equals(f.path("target").asText()));
  }

  @Test
  void nestingThatOverflowsASmallThreadStackIsParsedOnABigStackThread() throws Exception {
    // Under the nesting limit, but deeper than a 256 KB stack can take in flexmark's recursive list parser.
    String text = "- ".repeat(900) + "deep item\n";
    Path file = Files.writeString(corpus.resolve("deep/small-stack.md"), text, StandardCharsets.UTF_8);
    assumeTrue(overflowsOnSmallStack(() -> new MarkdownParser().parse("deep/small-stack.md", text)),
        "this JVM parses 900 levels on a 256 KB stack: the retry path is not exercised");

    DocumentLoader loader = new DocumentLoader(new MarkdownParser());
    SourceFile source = new SourceFile("deep/small-stack.md", file, Files.size(file));
    AtomicReference<LoadedDocument> loaded = new AtomicReference<>();
    long start = System.nanoTime();
    runOnSmallStack(() -> loaded.set(loader.load(source)));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("BadInputCorpusTest: 900-level list retried on a big stack in %,d ms%n", millis);

    assertThat(loaded.get().findings()).isEmpty();
    assertThat(loaded.get().document()).isNotNull();
  }

  @Test
  void tenThousandLevelsOfNestingAreRejectedQuicklyOnAnyStack() throws Exception {
    DocumentLoader loader = new DocumentLoader(new MarkdownParser());
    for (String path : List.of("deep/blockquote.md", "deep/list.md")) {
      Path file = corpus.resolve(path);
      SourceFile source = new SourceFile(path, file, Files.size(file));
      List<LoadedDocument> results = new ArrayList<>();
      long start = System.nanoTime();
      results.add(loader.load(source)); // this thread's stack
      runOnSmallStack(() -> results.add(loader.load(source)));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("BadInputCorpusTest: %s loaded twice (normal and 256 KB stack) in %,d ms%n", path, millis);

      assertThat(results).allSatisfy(r -> {
        assertThat(r.document()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> {
          assertThat(f.rule()).isEqualTo("corpus/unparsable");
          assertThat(f.message()).contains("10,000 levels");
        });
      });
    }
  }

  private static boolean overflowsOnSmallStack(Runnable task) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    runOnSmallStack(() -> {
      try {
        task.run();
      } catch (StackOverflowError e) {
        thrown.set(e);
      }
    });
    return thrown.get() != null;
  }

  private static void runOnSmallStack(Runnable task) throws InterruptedException {
    Thread thread = new Thread(null, task, "small-stack", 256 * 1024);
    thread.start();
    thread.join();
  }

  private static List<JsonNode> findings() {
    List<JsonNode> all = new ArrayList<>();
    report.path("findings").forEach(all::add);
    return all;
  }

  private static List<String> paths() {
    return findings().stream().map(f -> f.path("path").asText()).toList();
  }

  private static JsonNode finding(String rule, String path) {
    List<JsonNode> matches = findings().stream()
        .filter(f -> rule.equals(f.path("rule").asText()) && path.equals(f.path("path").asText()))
        .toList();
    assertThat(matches).as("a %s finding on %s among:%n%s", rule, path, String.join("\n", summaries()))
        .isNotEmpty();
    return matches.get(0);
  }

  private static List<String> summaries() {
    return findings().stream()
        .map(f -> f.path("path").asText() + ": " + f.path("rule").asText() + ": " + f.path("message").asText())
        .toList();
  }

  /** Writes to the capture buffer and still shows everything on the real stream (helps when a test fails). */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
