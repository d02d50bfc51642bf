package org.docgate.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size and modification time: a file whose stamp is unchanged need not be read again. {@link #ABSENT} for a
 * file that is not there or cannot be read.
 */
public record FileStamp(long size, long modifiedNanos) {
  public static final FileStamp ABSENT = new FileStamp(-1, -1);

  public static FileStamp of(BasicFileAttributes attributes) {
    return new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
  }

  public static FileStamp of(Path file) {
    try {
      return of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (IOException | RuntimeException e) {
      return ABSENT;
    }
  }
}
