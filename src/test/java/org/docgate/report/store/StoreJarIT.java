package org.docgate.report.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar alone can migrate and use the H2 store: Flyway finds its database support through ServiceLoader
 * (merged by the shade plugin's ServicesResourceTransformer) and the migrations inside the jar.
 */
class StoreJarIT {
  static final Path JAR = Path.of(System.getProperty("docgate.jar", "target/docgate.jar")).toAbsolutePath();

  static final String PROBE = """
      import java.nio.file.Path;
      import org.docgate.report.store.*;

      public class Probe {
        public static void main(String[] args) {
          try (ReportStore store = ReportStores.open(null, Path.of(args[0]))) {
            store.failInterrupted();
            long id = store.begin(new RunStart("cli", "/corpus", null, null));
            System.out.println("runs " + store.runs(0, 10).total() + " latest " + id);
          }
        }
      }
      """;

  @Test
  void theShadedJarMigratesAndReopensAnH2Store(@TempDir Path tmp) throws Exception {
    Path probe = Files.writeString(tmp.resolve("Probe.java"), PROBE);
    Path data = tmp.resolve("data");
    assertThat(run(probe, data)).isEqualTo("runs 1 latest 1");
    assertThat(run(probe, data)).as("second start: schema current, data kept").isEqualTo("runs 2 latest 2");
    assertThat(data.resolve("docgate.mv.db")).isRegularFile();
  }

  private static String run(Path probe, Path data) throws Exception {
    Path out = Files.createTempFile("probe-out", ".txt");
    Path err = Files.createTempFile("probe-err", ".txt");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", JAR.toString(), probe.toString(), data.toString()))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("probe finished").isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stderr).doesNotContain("\tat ");
    return Files.readString(out, StandardCharsets.UTF_8).strip();
  }
}
