package org.docgate.cache;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A cache file written whole or not at all: a temporary file beside it, then a rename over it (atomic where the file
 * system has one), so a killed run never leaves half a file for the next run to read.
 */
public final class AtomicWrite {
  /** What goes into the file. */
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicWrite() {}

  /** Writes {@code body} to {@code file} (UTF-8), creating its folder. */
  public static void write(Path file, Body body) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
