package org.docgate.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules folder: the user's own (given with {@code --rules DIR}) overrides the copy packaged in the jar, file by
 * file. Validators read their data through this, never from the working directory.
 */
public final class RuleFiles {
  private static final String PACKAGED = "/rules/";
  private final Path userDir;

  private RuleFiles(Path userDir) {
    this.userDir = userDir;
  }

  /** Only the packaged rules. */
  public static RuleFiles packaged() {
    return new RuleFiles(null);
  }

  /** The user's folder first, then the packaged rules. */
  public static RuleFiles overlay(Path userDir) {
    if (!Files.isDirectory(userDir)) {
      throw new ConfigException(userDir + ": rules folder not found");
    }
    return new RuleFiles(userDir);
  }

  /** A rules file's text and where it came from (for messages). */
  public record RuleFile(String source, String text) {}

  /** The file at {@code relative} (e.g. {@code versions/manifest.yaml}), from the user's folder if it has one. */
  public Optional<RuleFile> read(String relative) {
    try {
      if (userDir != null) {
        Path file = userDir.resolve(relative);
        if (Files.isRegularFile(file)) {
          return Optional.of(new RuleFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
      try (InputStream in = RuleFiles.class.getResourceAsStream(PACKAGED + relative)) {
        if (in == null) {
          return Optional.empty();
        }
        return Optional.of(new RuleFile("rules/" + relative + " (packaged)",
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules file " + relative + ": " + e.getMessage(), e);
    }
  }

  /** The file at {@code relative}, which must exist (the packaged rules have it), read by {@code parse(source, text)}. */
  public <T> T load(String relative, java.util.function.BiFunction<String, String, T> parse) {
    RuleFile file = require(relative);
    return parse.apply(file.source(), file.text());
  }

  /** The file at {@code relative}, which must exist (the packaged rules have it). */
  public RuleFile require(String relative) {
    return read(relative).orElseThrow(() -> new ConfigException("rules/" + relative + ": not found"));
  }

  /**
   * The names of the files directly in a rules subfolder ending with {@code suffix}, sorted: the user's folder
   * when it has that subfolder, else the packaged one.
   */
  public List<String> list(String relativeDir, String suffix) {
    try {
      if (userDir != null && Files.isDirectory(userDir.resolve(relativeDir))) {
        return names(userDir.resolve(relativeDir), suffix);
      }
      URL url = RuleFiles.class.getResource(PACKAGED + relativeDir);
      if (url == null) {
        return List.of();
      }
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return names(fs.provider().getPath(uri), suffix);
      }
      return names(Path.of(uri), suffix);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list rules folder " + relativeDir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> names(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
    }
  }
}
