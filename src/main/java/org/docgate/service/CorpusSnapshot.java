package org.docgate.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.SourceFile;

/**
 * What the corpus looked like at one listing: each Markdown file's size and modification time, plus every other file
 * and folder a link may point to. Two snapshots give the {@link Changes} between them.
 */
public record CorpusSnapshot(Map<String, Stamp> markdown, Set<String> files, Set<String> directories) {

  /** Size and modification time; a file whose stamp is unchanged is not read again. */
  public record Stamp(long size, long modifiedNanos) {}

  public static final CorpusSnapshot EMPTY = new CorpusSnapshot(Map.of(), Set.of(), Set.of());

  public static CorpusSnapshot of(CorpusListing listing) {
    Map<String, Stamp> stamps = new HashMap<>();
    for (SourceFile f : listing.markdown()) {
      stamps.put(f.path(), new Stamp(f.size(), modified(f)));
    }
    return new CorpusSnapshot(Map.copyOf(stamps), Set.copyOf(listing.files()), Set.copyOf(listing.directories()));
  }

  private static long modified(SourceFile f) {
    if (f.modifiedNanos() >= 0) {
      return f.modifiedNanos(); // the walk read it already: no second stat per file and tick
    }
    try {
      FileTime t = Files.getLastModifiedTime(f.file());
      return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return -1; // unreadable now: the loader reports it; a later readable state differs and is re-read
    }
  }

  /** The Markdown files added, changed and removed since {@code before}, and whether other files came or went. */
  public Changes since(CorpusSnapshot before) {
    Set<String> added = new HashSet<>();
    Set<String> changed = new HashSet<>();
    Set<String> removed = new HashSet<>();
    markdown.forEach((path, stamp) -> {
      Stamp old = before.markdown.get(path);
      if (old == null) {
        added.add(path);
      } else if (!old.equals(stamp)) {
        changed.add(path);
      }
    });
    before.markdown.keySet().forEach(path -> {
      if (!markdown.containsKey(path)) {
        removed.add(path);
      }
    });
    Set<String> otherFiles = new HashSet<>();
    symmetricDifference(files, before.files, otherFiles);
    symmetricDifference(directories, before.directories, otherFiles);
    otherFiles.removeAll(added);
    otherFiles.removeAll(removed);
    return new Changes(added, changed, removed, otherFiles);
  }

  private static void symmetricDifference(Set<String> a, Set<String> b, Set<String> out) {
    for (String s : a) {
      if (!b.contains(s)) {
        out.add(s);
      }
    }
    for (String s : b) {
      if (!a.contains(s)) {
        out.add(s);
      }
    }
  }
}
