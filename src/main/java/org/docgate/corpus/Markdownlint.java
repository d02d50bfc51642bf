package org.docgate.corpus;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docgate.markdown.LintRule;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownlintComments;
import org.docgate.markdown.MarkdownlintSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The corpus's own markdownlint configuration, for the docgate rules that overlap markdownlint's (MD001
 * heading-skip, MD040 missing-language, MD041 missing-title): a maintainer who turned a rule off, in a config file
 * or with an inline comment, is not told the same thing again by docgate.
 *
 * <p>Config files are found as markdownlint-cli2 finds them, in any folder of the corpus: {@code
 * .markdownlint-cli2.jsonc} or {@code .markdownlint-cli2.yaml} (their {@code config} key), else {@code
 * .markdownlint.jsonc}, {@code .json}, {@code .yaml} or {@code .yml}; a folder's config is laid over its parent's, key
 * by key, and {@code extends} naming a file of the corpus is read first. JavaScript configs ({@code .cjs}, {@code
 * .mjs}) and package names in {@code extends} cannot be read and are skipped, as is a file that does not parse.
 * Derived once per corpus index; a document's inline comments are read on the first question about it.
 */
public final class Markdownlint {
  /** Config file names in one folder, the first present one winning (cli2's own files before the generic ones). */
  static final List<String> CLI2_FILES = List.of(".markdownlint-cli2.jsonc", ".markdownlint-cli2.yaml");
  static final List<String> CONFIG_FILES =
      List.of(".markdownlint.jsonc", ".markdownlint.json", ".markdownlint.yaml", ".markdownlint.yml");

  private static final Object KEY = new Object();
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  /** Reads a corpus file's text by its corpus-relative path; empty when it cannot be read. */
  @FunctionalInterface
  public interface FileText {
    Optional<String> read(String path);
  }

  private final Set<String> corpusFiles;
  private final FileText files;
  private final Map<String, MarkdownlintSettings> byFolder = new HashMap<>();
  private final Cache<MarkdownDocument, MarkdownlintComments> comments = Caffeine.newBuilder().weakKeys().build();

  Markdownlint(Set<String> corpusFiles, FileText files) {
    this.corpusFiles = corpusFiles;
    this.files = files;
  }

  /** The corpus's markdownlint settings, read from its folder once per index. */
  public static Markdownlint of(CorpusIndex index) {
    return index.derived(KEY, i -> new Markdownlint(i.files(), disk(i)));
  }

  /** Settings read through {@code files} (tests, or a corpus held in memory). */
  public static Markdownlint of(Set<String> corpusFiles, FileText files) {
    return new Markdownlint(Set.copyOf(corpusFiles), files);
  }

  /**
   * Whether markdownlint would report {@code rule} ({@code MD001}, {@code MD040}, {@code MD041}) at this line of the
   * document, after the config files that apply to its folder and its inline comments. A rule docgate has no
   * equivalent for is always "applies" (nothing in markdownlint's config can turn off a docgate-only check).
   */
  public boolean applies(String rule, MarkdownDocument doc, int line) {
    LintRule r = LintRule.byId(rule);
    return r == null || commentsOf(doc).enabled(r, line);
  }

  /** Whether the config files alone (no inline comment) turn {@code rule} on for a document at {@code path}. */
  public boolean configured(String rule, String path) {
    LintRule r = LintRule.byId(rule);
    return r == null || settingsFor(path).enabled(r);
  }

  /** The merged config-file settings for a document at this corpus-relative path. */
  public synchronized MarkdownlintSettings settingsFor(String path) {
    int slash = path.lastIndexOf('/');
    return folder(slash < 0 ? "" : path.substring(0, slash));
  }

  private MarkdownlintComments commentsOf(MarkdownDocument doc) {
    return comments.get(doc, d -> MarkdownlintComments.resolve(
        files.read(d.path()).map(t -> t.lines().toList()).orElse(List.of()), settingsFor(d.path())));
  }

  private MarkdownlintSettings folder(String dir) {
    MarkdownlintSettings known = byFolder.get(dir);
    if (known != null) {
      return known;
    }
    MarkdownlintSettings parent = dir.isEmpty() ? MarkdownlintSettings.DEFAULT
        : folder(dir.lastIndexOf('/') < 0 ? "" : dir.substring(0, dir.lastIndexOf('/')));
    Map<String, Object> own = own(dir);
    MarkdownlintSettings settings = own.isEmpty() ? parent : parent.overriddenBy(own);
    byFolder.put(dir, settings);
    return settings;
  }

  /** The config object a folder's own file gives, or an empty one. */
  private Map<String, Object> own(String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    for (String name : CLI2_FILES) {
      if (corpusFiles.contains(prefix + name)) {
        Map<String, Object> options = parse(prefix + name);
        if (options.get("config") instanceof Map<?, ?> config) {
          return withExtends(prefix, cast(config), new HashSet<>());
        }
        break;
      }
    }
    for (String name : CONFIG_FILES) {
      if (corpusFiles.contains(prefix + name)) {
        return withExtends(prefix, parse(prefix + name), new HashSet<>(Set.of(prefix + name)));
      }
    }
    return Map.of();
  }

  /** A config with the file its {@code extends} names read under it (relative to the config's folder). */
  private Map<String, Object> withExtends(String prefix, Map<String, Object> config, Set<String> seen) {
    if (!(config.get("extends") instanceof String target)) {
      return config;
    }
    String path = normalize(prefix + target);
    if (path == null || !corpusFiles.contains(path) || !seen.add(path)) {
      return config;
    }
    int slash = path.lastIndexOf('/');
    Map<String, Object> merged = new LinkedHashMap<>(withExtends(slash < 0 ? "" : path.substring(0, slash + 1),
        parse(path), seen));
    config.forEach((k, v) -> {
      if (!k.equals("extends")) {
        merged.put(k, v);
      }
    });
    return merged;
  }

  private Map<String, Object> parse(String path) {
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      return Map.of();
    }
    try {
      Object value = path.endsWith(".yaml") || path.endsWith(".yml")
          ? new Load(LoadSettings.builder().setLabel(path).build()).loadFromString(text.get())
          : JSON.readValue(text.get(), new TypeReference<LinkedHashMap<String, Object>>() {});
      return value instanceof Map<?, ?> map ? cast(map) : Map.of();
    } catch (Exception e) {
      return Map.of(); // markdownlint would stop with an error; docgate then judges by its own defaults
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return new LinkedHashMap<>((Map<String, Object>) map);
  }

  private static FileText disk(CorpusIndex index) {
    return path -> index.inputText(path, Long.MAX_VALUE);
  }

  /** {@code a/./b/../c} to {@code a/c}; null when it climbs out of the corpus. */
  static String normalize(String path) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
