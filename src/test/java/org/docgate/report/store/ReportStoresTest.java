package org.docgate.report.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.docgate.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: which database a URL means, and one-line errors when it cannot be opened. */
class ReportStoresTest {
  @TempDir Path tmp;

  @Test
  void noUrlMeansH2InTheDataDirectoryWhichItCreates() {
    Path data = tmp.resolve("a/b/data");
    try (ReportStore store = ReportStores.open(null, data)) {
      assertThat(store.runs(0, 1).total()).isZero();
    }
    assertThat(data.resolve("docgate.mv.db")).isRegularFile();
  }

  @Test
  void anUnsupportedUrlIsAConfigError() {
    assertThatThrownBy(() -> ReportStores.open("jdbc:mysql://db/x?password=hunter2", tmp))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unsupported database URL 'jdbc:mysql://db/x?password=***': expected "
            + "jdbc:postgresql://host:port/database (or none, for the embedded store in the data directory)");
    assertThatThrownBy(() -> ReportStores.open("postgres://db/x", tmp)).isInstanceOf(ConfigException.class);
  }

  @Test
  void anUnreachablePostgresIsAOneLineConfigError() {
    // port 1 on loopback: nothing listens there, the connection is refused at once
    assertThatThrownBy(() -> ReportStores.open("jdbc:postgresql://127.0.0.1:1/docgate?connectTimeout=2", tmp,
        CorpusId.DEFAULT, Clock.systemUTC(), Map.of("DOCGATE_DB_USER", "u", "DOCGATE_DB_PASSWORD", "secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot open the report store at jdbc:postgresql://127.0.0.1:1/docgate")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aDataDirectoryThatIsAFileIsAConfigError() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> ReportStores.open(null, file)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot create the data directory " + file);
  }

  @Test
  void anH2FileAlreadyOpenInAnotherProcessIsAConfigError() throws Exception {
    Path data = tmp.resolve("data");
    ReportStores.open(null, data).close();
    Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), HoldStore.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    try {
      assertThat(new String(other.getInputStream().readNBytes(5), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("open\n");
      assertThatThrownBy(() -> ReportStores.open(null, data)).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("cannot open the report store at jdbc:h2:file:" + data.toAbsolutePath())
          .hasMessageEndingWith(": another docgate (or another program) has this data directory open; one process"
              + " per data directory: stop the other one, or give this one its own --data")
          .hasMessageNotContaining("\n");
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void theUserAndPasswordComeFromTheEnvironmentUnlessTheUrlHasThem() {
    Map<String, String> env = Map.of("DOCGATE_DB_USER", "u", "DOCGATE_DB_PASSWORD", "secret");
    assertThat(ReportStores.credentials("jdbc:postgresql://h/db", env))
        .containsOnly(Map.entry("user", "u"), Map.entry("password", "secret"));
    assertThat(ReportStores.credentials("jdbc:postgresql://h/db?USER=a", env))
        .containsOnly(Map.entry("password", "secret"));
    assertThat(ReportStores.credentials("jdbc:postgresql://h/db?user=a&password=p", env)).isEmpty();
    assertThat(ReportStores.credentials("jdbc:postgresql://h/db", Map.of())).isEmpty();
  }

  @Test
  void passwordsAreRedactedFromMessages() {
    assertThat(ReportStores.redact("jdbc:postgresql://h/db?user=a&password=p%40ss&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
  }

  @Test
  void theValidatorIsTheRuleFamily() {
    assertThat(JdbcReportStore.validatorOf("links/missing-anchor")).isEqualTo("links");
    assertThat(JdbcReportStore.validatorOf("terms/docgate.Case")).isEqualTo("terms");
    assertThat(JdbcReportStore.validatorOf("odd")).isEqualTo("odd");
  }

  /** Child process: holds the H2 store open until killed. */
  public static final class HoldStore {
    private HoldStore() {}

    public static void main(String[] args) throws Exception {
      ReportStore store = ReportStores.open(null, Path.of(args[0]));
      System.out.print("open\n");
      System.out.flush();
      Thread.sleep(120_000);
      store.close();
    }
  }
}
