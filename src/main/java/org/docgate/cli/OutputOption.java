package org.docgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output FILE}: where a command writes what it would print (scan, pr, terms import, manifest import). */
final class OutputOption {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output (the report; for terms "
      + "and manifest import the YAML) to FILE instead of stdout.")
  Path output;

  /** Writes {@code text} to {@code --output} (its folders made), else prints it. */
  void write(String text, PrintWriter stdout) throws IOException {
    if (output == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      write(output, text);
    }
  }

  /** Writes a file, making its folders. */
  static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
