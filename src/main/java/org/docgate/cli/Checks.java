package org.docgate.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.docgate.finding.Severity;
import picocli.CommandLine;

/** Checks of arguments that several commands take alike (serve and readiness, scan and pr); failures exit 2. */
final class Checks {
  private Checks() {}

  /** The {@code <dir>} argument must be a folder. */
  static void corpusFolder(Path corpus) throws NoSuchFileException {
    if (!Files.isDirectory(corpus)) {
      throw new NoSuchFileException(corpus + " (the corpus must be a folder)");
    }
  }

  /** A {@code --fail-on} or {@code --min-severity} value: error, warning or info; another is a usage error. */
  static Severity severity(CommandLine cmd, String option, String value) {
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, option + ": " + e.getMessage());
    }
  }

  /** {@code --min-score} is a readiness score, 0 to 100. */
  static void minScore(CommandLine cmd, double minScore) {
    if (!(minScore >= 0 && minScore <= 100)) {
      throw new CommandLine.ParameterException(cmd, "--min-score must be between 0 and 100");
    }
  }
}
