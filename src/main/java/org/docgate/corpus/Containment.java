package org.docgate.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a folder docgate would write to lies inside the corpus, judged by where it really is: a lexical check misses
 * {@code --data /tmp/store} when {@code /tmp/store} (or a parent of it) is a symbolic link into the corpus. The path
 * may not exist yet, so the nearest existing ancestor is resolved with {@code toRealPath} and the rest appended.
 */
public final class Containment {
  private Containment() {}

  /** True when {@code candidate}, followed through every existing symbolic link, is {@code root} or inside it. */
  public static boolean isInside(Path candidate, Path root) {
    return real(candidate).startsWith(real(root));
  }

  /** The real path of the nearest existing ancestor, with the not-yet-existing rest appended (normalised). */
  public static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + existing, e);
    }
  }
}
