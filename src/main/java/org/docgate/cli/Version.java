package org.docgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code docgate --version}: the version from the jar manifest ("dev" when run from classes), then the commit the
 * build was made from ({@code org/docgate/build.properties}, written by the build with the git command; "-dirty" when
 * the work tree had uncommitted changes, "unknown" outside a git work tree). The first line stays "docgate VERSION":
 * SARIF and the Pushgateway user agent read it.
 */
final class Version implements CommandLine.IVersionProvider {
  static final String BUILD_PROPERTIES = "/org/docgate/build.properties";

  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"docgate " + (v == null ? "dev" : v), "commit " + commit()};
  }

  /** The version alone ({@code 1.2.0}, {@code dev}): SARIF's driver and the user agents name it. */
  static String number() {
    return new Version().getVersion()[0].substring("docgate ".length());
  }

  static String commit() {
    try (InputStream in = Version.class.getResourceAsStream(BUILD_PROPERTIES)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("commit", "unknown").strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
