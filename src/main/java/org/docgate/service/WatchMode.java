package org.docgate.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code serve --watch-mode}: how changes are found. {@code events}: the operating system's file events (fails at start
 * when they are unavailable); {@code poll}: listing the corpus; {@code auto} (default): events, except on network
 * file systems, whose remote changes raise no local events, or when the watcher cannot start.
 */
public enum WatchMode {
  AUTO, EVENTS, POLL;

  /** File system types whose changes made on another machine raise no local events (Linux names). */
  static final Set<String> NETWORK_FILE_SYSTEMS = Set.of("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs",
      "9p", "afs", "ceph", "glusterfs", "fuse.glusterfs", "lustre", "gpfs", "fuse.sshfs", "davfs", "fuse.rclone",
      "vboxsf", "virtiofs", "fuse.grpcfuse", "fuse.s3fs");

  public static WatchMode parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--watch-mode must be auto, events or poll, got '" + value + "'");
    }
  }

  /**
   * The detector for this mode. {@code note} hears why {@code auto} chose polling. {@code events} throws when the
   * file events cannot be had.
   */
  public ChangeDetector open(LiveCorpus corpus, Predicate<String> excludedFolder, Clock clock, Consumer<String> note)
      throws IOException {
    PollingDetector polling = new PollingDetector(corpus, clock);
    if (this == POLL) {
      return polling;
    }
    if (this == AUTO) {
      String type = fileSystemType(corpus.root());
      if (NETWORK_FILE_SYSTEMS.contains(type) || type.startsWith("nfs")) {
        note.accept("the corpus is on a " + type + " file system, whose remote changes raise no events: polling");
        return polling;
      }
    }
    try {
      return new EventDetector(corpus.root(), excludedFolder, polling);
    } catch (IOException | RuntimeException e) {
      if (this == EVENTS) {
        throw new IOException("--watch-mode events: cannot watch " + corpus.root() + ": " + e.getMessage(), e);
      }
      note.accept("file events unavailable (" + e.getMessage() + "): polling");
      return polling;
    }
  }

  static String fileSystemType(Path root) {
    try {
      return Files.getFileStore(root).type().toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      return "unknown";
    }
  }
}
