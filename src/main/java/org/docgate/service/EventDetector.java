package org.docgate.service;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Finds changes from the operating system's file events (directory-watcher: the JDK's inotify watch service on Linux,
 * FSEvents on macOS, ReadDirectoryChangesW on Windows), so an idle corpus costs nothing and a look costs one counter
 * read. Events only say that something moved; the change is then applied from one listing, exactly as with
 * {@link PollingDetector}. Folders the corpus excludes ({@code .git}, {@code node_modules}) are neither watched nor
 * counted. If the watcher dies (for instance the inotify watch limit is hit when folders are added), looks fall back to
 * {@code fallback}.
 */
public final class EventDetector implements ChangeDetector {
  private final Path root;
  private final Predicate<String> excludedFolder;
  private final ChangeDetector fallback;
  private final AtomicLong events = new AtomicLong();
  /** The folders registered with the watch service (each costs one inotify watch on Linux). */
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final ExecutorService thread;
  private final DirectoryWatcher watcher;
  private final CompletableFuture<Void> watching;
  private volatile long taken;
  private volatile long looked;
  private volatile boolean closed;

  /**
   * Starts watching {@code root} and every folder under it that {@code excludedFolder} (corpus-relative path) does
   * not reject; throws when the platform's watcher cannot start (no watch service, watch limit reached).
   */
  public EventDetector(Path root, Predicate<String> excludedFolder, ChangeDetector fallback) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.excludedFolder = excludedFolder;
    this.fallback = fallback;
    this.thread = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().daemon().name("docgate-file-events").factory());
    try {
      this.watcher = DirectoryWatcher.builder()
          .path(this.root)
          .fileHashing(false) // hashing would read every file at start; a listing decides what changed
          .fileTreeVisitor(new FolderVisitor())
          .listener(this::heard)
          .build();
      // registers every folder before it returns: a watch limit fails here, not later
      this.watching = watcher.watchAsync(thread);
    } catch (IOException | RuntimeException e) {
      thread.shutdownNow();
      throw e;
    }
    if (watching.isCompletedExceptionally()) {
      close();
      throw new IOException("file watcher stopped at start: " + watching.exceptionNow().getMessage());
    }
  }

  private void heard(DirectoryChangeEvent event) {
    Path p = event.path();
    boolean inside = event.eventType() != DirectoryChangeEvent.EventType.OVERFLOW && p != null && p.startsWith(root);
    if (inside) {
      Path parent = root.relativize(p).getParent();
      if (parent != null && excludedFolder.test(parent.toString().replace('\\', '/'))) {
        return; // inside an excluded folder the walk never enters
      }
      if (event.isDirectory() && excludedFolder.test(root.relativize(p).toString().replace('\\', '/'))) {
        return;
      }
    }
    // A file modified in place is named; anything else (created, deleted, a folder, an overflow) needs a listing.
    boolean inPlace = inside && !event.isDirectory()
        && event.eventType() == DirectoryChangeEvent.EventType.MODIFY;
    String path = inPlace ? root.relativize(p).toString().replace('\\', '/') : null;
    synchronized (pending) {
      // counted and queued together: a take() after a look() that saw this count finds the event queued
      long number = events.incrementAndGet(); // an overflow counts too: the listing finds what was lost
      if (pending.size() >= MAX_PENDING) {
        pending.clear(); // a checkout of thousands of files: one listing will do, the names are not needed
        path = null;
      }
      pending.add(new Heard(number, path));
    }
  }

  /** One event: its number and the file it modified in place, or null when it changed more than one file's content. */
  private record Heard(long number, String modified) {}

  /** Events not yet taken, in number order; at most {@link #MAX_PENDING}. */
  private final ArrayDeque<Heard> pending = new ArrayDeque<>();

  private static final int MAX_PENDING = 10_000;

  /** The files the last taken events modified in place, or null when they did more (or none were taken). */
  private volatile Set<String> modified;

  /** True while the operating system's events arrive; false once the watcher died and looks poll instead. */
  public boolean watching() {
    return !watching.isDone();
  }

  @Override
  public Object look() {
    if (!watching() && !closed) {
      return fallback.look();
    }
    long n = events.get();
    looked = n;
    return n == taken ? null : n;
  }

  @Override
  public void take() {
    taken = looked;
    Set<String> files = new HashSet<>();
    synchronized (pending) {
      while (!pending.isEmpty() && pending.peekFirst().number() <= taken) {
        String path = pending.pollFirst().modified();
        if (path == null) {
          files = null;
        } else if (files != null) {
          files.add(path);
        }
      }
    }
    modified = files == null || files.isEmpty() ? null : Set.copyOf(files);
    fallback.take();
  }

  /** The files the taken events only modified in place (no file or folder created, removed, renamed), or null. */
  @Override
  public Set<String> modifiedFiles() {
    return watching() ? modified : null;
  }

  @Override
  public LiveCorpus.Listed listed() {
    return watching() ? null : fallback.listed();
  }

  @Override
  public String describe() {
    return "events (" + System.getProperty("os.name") + " file events via directory-watcher, " + folders.size()
        + " folders watched)";
  }

  @Override
  public void close() {
    closed = true;
    try {
      watcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.shutdownNow();
    }
  }

  /** Registers folders only, skipping excluded ones: nothing per file, so starting on 100,000 files is one walk. */
  private final class FolderVisitor implements FileTreeVisitor {
    @Override
    public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          String rel = root.relativize(dir).toString().replace('\\', '/');
          if (!rel.isEmpty() && excludedFolder.test(rel)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          onDirectory.call(dir);
          folders.add(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a folder that vanished while registering: its removal is an event
        }
      });
    }
  }
}
