package org.docgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Test edits of a corpus's files that the service's change detection (size and modification time) always sees. */
public final class FileEdits {
  private FileEdits() {}

  /**
   * Writes {@code text} (UTF-8) to {@code path} under {@code corpus}, making its folders. On a file system with a coarse
   * clock a rewrite can keep the modification time it had: the time is then moved a second on, as a later write's
   * would be.
   */
  public static void write(Path corpus, String path, String text) throws IOException {
    Path file = corpus.resolve(path);
    Files.createDirectories(file.getParent());
    FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    Files.writeString(file, text);
    if (before != null && Files.getLastModifiedTime(file).equals(before)) {
      Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1000));
    }
  }
}
