package org.docgate.validate.snippets;

import org.docgate.process.Subprocess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests that need a program (shellcheck, gofmt, bwrap) skip with a message when it is missing here, and fail when
 * {@code CI=true}: CI installs them (.ci/run), so a missing one there is a broken build, not a skip.
 */
public final class Tools {
  private static final Pattern REQUIRES = Pattern.compile("<!--\\s*requires:\\s*([\\w-]+)\\s*-->");

  private Tools() {}

  /** Requires every program a fixture names in a {@code <!-- requires: name -->} comment. */
  public static void require(String fixture) {
    Matcher m = REQUIRES.matcher(fixture);
    while (m.find()) {
      require(m.group(1), m.group(1).equals("node-babel") // node and @babel/parser (Debian: nodejs, node-babel7)
          ? JavaScriptChecker.onPath(JavaScriptChecker.Dialect.JAVASCRIPT, VerdictCache.OFF).unavailable().isEmpty()
          : Subprocess.find(m.group(1)).isPresent());
    }
  }

  public static void require(String what, boolean present) {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as(what + " is required in CI (.ci/run installs it)").isTrue();
    }
    assumeTrue(present, what + " is not installed here: skipped");
  }
}
