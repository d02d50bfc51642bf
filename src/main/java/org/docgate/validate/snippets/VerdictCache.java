package org.docgate.validate.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.docgate.cache.AtomicWrite;
import org.docgate.corpus.Containment;

/**
 * The verdicts of external checkers (bash, python3, gofmt, ShellCheck) kept between runs by content: a text the same
 * program already judged with the same arguments is not sent to it again. Each checker and identity has one file,
 * {@code <folder>/snippets/<checker>-<16 hex of the identity's SHA-256>.tsv}: a header line with the whole identity,
 * then one line per text, {@code <SHA-256 of the text, hex> TAB <verdict, as the checker's Codec writes it>}. The
 * identity is the checker's name, its program's identity (real path, size and modification time: installing another
 * version changes them) and all docgate gives it (arguments, scripts, excluded codes, the verdicts' format), so an
 * upgrade or other arguments start another file and never read the old one.
 *
 * <p>A cache is never worth a wrong result or a failed scan: a file whose header is not the identity, a line that
 * cannot be read back (a partial write, an older format) or a file that cannot be read are misses; files are replaced
 * whole (a temporary file, then a rename), so a killed run leaves the previous one; a failed write is ignored. A cache
 * folder inside the scanned corpus is neither read nor written ({@link #refuseInside}): a corpus must not bring
 * verdicts of its own. Thread-safe.
 */
final class VerdictCache {
  /** No persistent cache: every text goes to its checker (library callers and tests, {@code --no-snippet-cache}). */
  static final VerdictCache OFF = new VerdictCache(null);
  static final String HEADER = "docgate-snippet-verdicts 1\t";
  /** Entries kept per file: this run's first, then older ones, so a file stays a few MB at most. */
  static final int MAX_ENTRIES = 100_000;

  /** How a checker's verdict is written to one line and read back; read throws on anything it did not write. */
  interface Codec<V> {
    String write(V verdict);

    V read(String line);
  }

  private final Path folder;
  private final Queue<Shelf<?>> shelves = new ConcurrentLinkedQueue<>();
  private volatile boolean refused;

  private VerdictCache(Path folder) {
    this.folder = folder;
  }

  /** The cache under {@code folder} (verdicts go to its {@code snippets/} sub-folder). */
  static VerdictCache in(Path folder) {
    return new VerdictCache(folder.toAbsolutePath().normalize().resolve("snippets"));
  }

  /** Where the files are, or empty when off. */
  Optional<Path> folder() {
    return Optional.ofNullable(folder);
  }

  boolean enabled() {
    return folder != null && !refused;
  }

  /**
   * Turns this cache off for good when its folder is inside {@code corpusRoot}: docgate never writes into a corpus,
   * and verdicts a corpus brings along could hide its own findings.
   */
  void refuseInside(Path corpusRoot) {
    if (folder != null && corpusRoot != null && Containment.isInside(folder, corpusRoot)) {
      refused = true;
    }
  }

  /**
   * The shelf of one checker. {@code identity} is asked once, on first use (it may start a process, as Python's
   * interpreter lookup does); empty: that checker's verdicts are not cached.
   */
  <V> Shelf<V> shelf(String checker, Supplier<Optional<String>> identity, Codec<V> codec) {
    Shelf<V> s = new Shelf<>(checker, identity, codec);
    if (folder != null) {
      shelves.add(s);
    }
    return s;
  }

  /** Writes every shelf that learnt verdicts since it was read; returns the files written. */
  List<Path> save() {
    List<Path> written = new ArrayList<>();
    if (!enabled()) {
      return written;
    }
    for (Shelf<?> s : shelves) {
      s.save().ifPresent(written::add);
    }
    return written;
  }

  /** The SHA-256 of a text's UTF-8 bytes, in hex: a text's key. */
  static String hash(String text) {
    return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** One digest per thread: looking one up for each of a scan's ~10,000 texts cost as much as the hashing. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  });

  /**
   * What identifies an installed program without starting it: its real path, size and modification time. Empty when
   * it cannot be read (then nothing of that checker is cached).
   */
  static Optional<String> programIdentity(String program) {
    try {
      Path real = Path.of(program).toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      return Optional.of(real + " " + a.size() + " " + a.lastModifiedTime().toMillis());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** One checker's verdicts: read on first use, written by {@link #save}. Thread-safe. */
  final class Shelf<V> {
    private final String checker;
    private final Supplier<Optional<String>> identitySource;
    private final Codec<V> codec;
    /** Lines read from the file, by text hash: decoded when asked, so a bad line costs nothing until then. */
    private Map<String, String> stored;
    /** Verdicts learnt or used in this process, by text hash, encoded. */
    private final Map<String, String> used = new LinkedHashMap<>();
    private Optional<String> identity;
    private boolean dirty;

    private Shelf(String checker, Supplier<Optional<String>> identity, Codec<V> codec) {
      this.checker = checker;
      this.identitySource = identity;
      this.codec = codec;
    }

    /** The verdicts known for these texts (the others are misses). */
    synchronized Map<String, V> known(Collection<String> texts) {
      Map<String, V> out = new HashMap<>();
      if (!load()) {
        return out;
      }
      for (String text : texts) {
        String key = hash(text);
        String line = used.containsKey(key) ? used.get(key) : stored.get(key);
        if (line == null || out.containsKey(text)) {
          continue;
        }
        try {
          V verdict = codec.read(line);
          if (verdict != null) {
            out.put(text, verdict);
            used.put(key, line);
          }
        } catch (RuntimeException unreadable) {
          stored.remove(key); // a partial or foreign line: checked again, and replaced at the next save
          dirty = true;
        }
      }
      return out;
    }

    /** Verdicts a checker gave in this run. */
    synchronized void learn(Map<String, V> verdicts) {
      if (!load() || verdicts.isEmpty()) {
        return;
      }
      verdicts.forEach((text, v) -> used.put(hash(text), codec.write(v)));
      dirty = true;
    }

    /** Reads the file once; false when this shelf is off. */
    private boolean load() {
      if (!enabled()) {
        return false;
      }
      if (identity == null) {
        identity = identitySource.get().map(id -> checker + "\n" + id);
      }
      if (identity.isEmpty()) {
        return false;
      }
      if (stored == null) {
        stored = read(file());
      }
      return true;
    }

    private Path file() {
      return folder.resolve(checker + "-" + hash(identity.get()).substring(0, 16) + ".tsv");
    }

    private Map<String, String> read(Path file) {
      Map<String, String> out = new HashMap<>();
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return out; // missing, unreadable or not UTF-8: an empty shelf
      }
      if (lines.isEmpty() || !lines.get(0).equals(HEADER + escape(identity.get()))) {
        return out; // another identity whose name collides, or not ours
      }
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        int tab = line.indexOf('\t');
        if (tab == 64 && isHexKey(line)) {
          out.put(line.substring(0, 64), line.substring(65));
        }
      }
      return out;
    }

    /** Whether the line's first 64 characters are lower-case hex digits (a key). */
    private static boolean isHexKey(String line) {
      for (int i = 0; i < 64; i++) {
        char c = line.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
          return false;
        }
      }
      return true;
    }

    /** Writes the file when this run learnt something: this run's verdicts first, then what the file held. */
    private synchronized Optional<Path> save() {
      if (!dirty || stored == null || identity == null || identity.isEmpty()) {
        return Optional.empty();
      }
      Path file = file();
      Map<String, String> all = new LinkedHashMap<>(used);
      // another scan may have written the file meanwhile (two corpora, two checkouts): keep its lines too
      Map<String, String> onDisk = read(file);
      onDisk.putAll(stored);
      for (Map.Entry<String, String> e : onDisk.entrySet()) {
        if (all.size() >= MAX_ENTRIES) {
          break;
        }
        all.putIfAbsent(e.getKey(), e.getValue());
      }
      try {
        AtomicWrite.write(file, w -> {
          w.write(HEADER + escape(identity.get()));
          w.write('\n');
          for (Map.Entry<String, String> e : all.entrySet()) {
            if (e.getValue().indexOf('\n') < 0) {
              w.write(e.getKey());
              w.write('\t');
              w.write(e.getValue());
              w.write('\n');
            }
          }
        });
        stored = all;
        used.clear();
        dirty = false;
        return Optional.of(file);
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // a cache that cannot be written only costs the next run its time
      }
    }
  }

  /** The identity on one line (it holds newlines and tabs between its parts). */
  private static String escape(String identity) {
    return identity.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }
}
