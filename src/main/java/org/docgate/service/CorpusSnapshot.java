package org.docgate.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.FileStamp;
import org.docgate.corpus.SourceFile;

/**
 * What the corpus looked like at one listing: each Markdown file's size and modification time, every other file and
 * folder a link may point to, and the stamps of the other files the scans read ({@link CorpusIndex#inputs}: a site
 * generator's navigation, a linter's settings, metadata files). Two snapshots give the {@link Changes} between them.
 */
public record CorpusSnapshot(Map<String, FileStamp> markdown, Set<String> files, Set<String> directories,
    Map<String, FileStamp> inputs) {

  public static final CorpusSnapshot EMPTY = new CorpusSnapshot(Map.of(), Set.of(), Set.of(), Map.of());

  public static CorpusSnapshot of(CorpusListing listing) {
    return of(listing, Set.of());
  }

  /** The listing, and the stamps of these other files now ({@code stat} each). */
  public static CorpusSnapshot of(CorpusListing listing, Set<String> inputs) {
    Map<String, FileStamp> stamps = new HashMap<>();
    for (SourceFile f : listing.markdown()) {
      stamps.put(f.path(), new FileStamp(f.size(), modified(f)));
    }
    Map<String, FileStamp> read = new HashMap<>();
    for (String path : inputs) {
      read.put(path, FileStamp.of(listing.root().resolve(path)));
    }
    return new CorpusSnapshot(Map.copyOf(stamps), Set.copyOf(listing.files()), Set.copyOf(listing.directories()),
        Map.copyOf(read));
  }

  /** This snapshot with these stamps of other files taking the place of its own (what a scan read). */
  public CorpusSnapshot withInputs(Map<String, FileStamp> read) {
    Map<String, FileStamp> all = new HashMap<>(inputs);
    all.putAll(read);
    all.keySet().removeIf(path -> !files.contains(path));
    return new CorpusSnapshot(markdown, files, directories, Map.copyOf(all));
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
      FileStamp old = before.markdown.get(path);
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

  /** The other files the scans read ({@link #inputs}) whose stamp changed since {@code before}, or that came or went. */
  public Set<String> inputsChangedSince(CorpusSnapshot before) {
    Set<String> changed = new HashSet<>();
    inputs.forEach((path, stamp) -> {
      FileStamp old = before.inputs.get(path);
      if (old != null && !old.equals(stamp)) {
        changed.add(path);
      }
    });
    before.inputs.keySet().forEach(path -> {
      if (files.contains(path) != before.files.contains(path)) {
        changed.add(path); // gone (or back)
      }
    });
    return changed;
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
