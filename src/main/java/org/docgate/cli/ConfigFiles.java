package org.docgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.docgate.config.ConfigException;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;

/**
 * The config every command uses. {@code --config FILE} alone when given; else the rules folder's docgate.yaml (or the
 * packaged defaults) as the base, overlaid by the {@code .docgate.yaml} / {@code docgate.yaml} files discovered from
 * the working directory and from the scanned folder up to their git roots, nearest wins (markdownlint-cli2's order).
 */
final class ConfigFiles {
  /** The names a discovered config may have, in the order they are looked for; both in one folder is an error. */
  static final List<String> NAMES = List.of(".docgate.yaml", "docgate.yaml");

  private ConfigFiles() {}

  /**
   * The config of a scan of {@code scanned} run from {@code workingDir}: {@code configFile} alone when given, else the
   * discovered files over the rules folder's; then {@code renderer} (null: not given) over it.
   */
  static DocgateConfig load(Path configFile, RuleFiles rules, String renderer, Path scanned, Path workingDir)
      throws IOException {
    DocgateConfig cfg = configFile != null ? load(configFile, rules) : overlay(base(rules), discover(scanned, workingDir));
    return renderer == null ? cfg : cfg.withRenderer(renderer);
  }

  static DocgateConfig load(Path configFile, RuleFiles rules) throws IOException {
    if (configFile != null) {
      return DocgateConfig.parse(configFile.toString(), Files.readString(configFile, StandardCharsets.UTF_8));
    }
    return base(rules);
  }

  private static DocgateConfig base(RuleFiles rules) {
    return rules.read("docgate.yaml")
        .map(f -> DocgateConfig.parse(f.source(), f.text()))
        .orElse(DocgateConfig.defaults());
  }

  /** Applies the files farthest first, so the nearest one's keys win. */
  static DocgateConfig overlay(DocgateConfig base, List<Path> nearestFirst) throws IOException {
    DocgateConfig cfg = base;
    for (int i = nearestFirst.size() - 1; i >= 0; i--) {
      Path file = nearestFirst.get(i);
      cfg = DocgateConfig.parseOver(file.toString(), Files.readString(file, StandardCharsets.UTF_8), cfg);
    }
    return cfg;
  }

  /**
   * The config files that apply to a scan of {@code scanned} run from {@code workingDir}, nearest first: the scanned
   * folder and its parents up to the git root, then the working directory and its parents up to its git root (a
   * folder already listed is not listed twice). Without a git root (no {@code .git} above), only the folder itself
   * is looked at, so a config in a home folder never applies by accident.
   */
  static List<Path> discover(Path scanned, Path workingDir) {
    List<Path> folders = new ArrayList<>();
    for (Path start : new Path[] {scanned, workingDir}) {
      if (start == null) {
        continue;
      }
      for (Path folder : upToGitRoot(start.toAbsolutePath().normalize())) {
        if (!folders.contains(folder)) {
          folders.add(folder);
        }
      }
    }
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      List<Path> here = NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).toList();
      if (here.size() > 1) {
        throw new ConfigException(folder + ": both " + String.join(" and ", NAMES) + " are here; keep one");
      }
      files.addAll(here);
    }
    return files;
  }

  /** {@code start} (a folder, or a file's folder) and its parents up to the first holding {@code .git}. */
  static List<Path> upToGitRoot(Path start) {
    Path first = Files.isDirectory(start) ? start : start.getParent();
    List<Path> chain = new ArrayList<>();
    for (Path p = first; p != null; p = p.getParent()) {
      chain.add(p);
      if (Files.exists(p.resolve(".git"))) {
        return chain;
      }
    }
    return first == null ? List.of() : List.of(first);
  }
}
