package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Untrusted corpus text: a snippet marked to run may try to fill host memory through the sandbox's tmpfs mounts.
 * Only /tmp (its size cap, 16 MB by default) and a 1 MB /dev/shm can be written; bwrap's root and /dev are read-only,
 * and at most two runs are alive at once ({@code SandboxTest}, which can see the runs' clocks). Each snippet below
 * prints what it managed to write; its output block is what the limits allow, so a scan with no finding is the proof.
 */
class SandboxMemoryTest {
  /** Tries 200 MB in 1 MB files in each place, then says how far it got and why it stopped. */
  private static final String FILL = """
      for dir in / /dev /dev/shm "$HOME"; do
        n=0
        while [ "$n" -lt 200 ] && why=$( { head -c 1048576 /dev/zero > "$dir/fill-$n"; } 2>&1 ); do
          n=$((n + 1))
        done
        if [ "$n" -eq 0 ]; then size="0 MB"; elif [ "$n" -le 1 ]; then size="at most 1 MB"
        elif [ "$n" -le 16 ]; then size="at most 16 MB"; else size="$n MB"; fi
        echo "$dir: $size, ${why##*: }"
      done
      """;

  @TempDir
  Path corpus;

  @Test
  void writing200MegabytesOutsideTmpFailsAndTmpHoldsItsCap() throws Exception {
    ScanReport report = scan(corpus, "fill.md", "# Fill\n\n```bash {run}\n" + FILL + "```\n\n```output\n"
        + "/: 0 MB, Read-only file system\n"
        + "/dev: 0 MB, Read-only file system\n"
        + "/dev/shm: at most 1 MB, No space left on device\n"
        + "/tmp: at most 16 MB, No space left on device\n"
        + "```\n");
    assertThat(runFindings(report)).isEmpty();
    assertThat(runStats(report)).isEqualTo(Map.of("passed", 1L));
  }

  /** SysV shared memory and memfd files are host memory no rlimit counts: a run held 900 MB and 600 MB that way. */
  @Test
  void sharedMemoryAndMemfdFilesAreRefused() throws Exception {
    ScanReport report = scan(corpus, "shm.md", "# Shm\n\n```python {run}\n"
        + "import ctypes, os\n"
        + "libc = ctypes.CDLL(None, use_errno=True)\n"
        + "r = libc.shmget(0, 300 * 1024 * 1024, 0o1000 | 0o600)\n"
        + "print('shmget', 'refused' if r < 0 else 'allowed', os.strerror(ctypes.get_errno()) if r < 0 else '')\n"
        + "try:\n"
        + "    os.memfd_create('fill')\n"
        + "    print('memfd allowed')\n"
        + "except OSError as e:\n"
        + "    print('memfd refused', e.strerror)\n"
        + "```\n\n```output\nshmget refused Operation not permitted\nmemfd refused Operation not permitted\n```\n");
    assertThat(runFindings(report)).isEmpty();
    assertThat(runStats(report)).isEqualTo(Map.of("passed", 1L));
  }

  @Test
  void oneFileLargerThanTheTmpCapIsCutAtTheCap() throws Exception {
    ScanReport report = scan(corpus, "big.md",
        "# Big\n\n```bash {run}\nhead -c 10000000 /dev/zero > a\nhead -c 10000000 /dev/zero > b\n```\n");
    assertThat(runFindings(report)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("snippets/run-failed");
      assertThat(f.message()).contains("hit the file size limit (16 MB)").contains("No space left on device");
    });
  }

  static ScanReport scan(Path dir, String name, String markdown) throws Exception {
    Files.writeString(dir.resolve(name), markdown);
    ScanReport report = Scans.run(dir);
    List<Finding> refused = report.findings().stream()
        .filter(f -> f.rule().equals("snippets/sandbox-unavailable")).toList();
    requireSandbox(refused.isEmpty() ? "" : refused.get(0).message());
    return report;
  }

  static List<Finding> runFindings(ScanReport report) {
    return report.findings().stream().filter(f -> f.rule().startsWith("snippets/run")
        || f.rule().equals("snippets/output-mismatch")).toList();
  }

  static Map<?, ?> runStats(ScanReport report) {
    return (Map<?, ?>) ((Map<?, ?>) report.stats().get("snippets")).get("run");
  }

  /** Skips where bubblewrap does not work here; fails in CI, which installs it. */
  static void requireSandbox(String why) {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(why).as("a working bubblewrap sandbox is required in CI (.ci/run installs it)").isEmpty();
    }
    assumeTrue(why.isEmpty(), "no working sandbox here (" + why + "): skipped");
  }
}
