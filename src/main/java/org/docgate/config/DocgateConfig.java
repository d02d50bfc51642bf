package org.docgate.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.docgate.config.OwnRepository;
import org.docgate.finding.Severity;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The settings of {@code rules/docgate.yaml}: which files form the corpus, which link targets are not checked, and
 * per-rule severity overrides, where the corpus is read (the renderer profile) and which repository it is.
 *
 * @param ruleSeverities rule id to severity; a rule mapped to {@link Optional#empty()} is off
 * @param renderer a profile name of {@code rules/renderers/}, or empty to detect it from the corpus
 * @param repository the corpus's own repository ({@code github.com/owner/repo}), or empty to read
 *     {@code .git/config}
 * @param ruleOrigins rule id to the {@code file:line} that set its severity, for errors about unknown rule ids
 * @param ignoreFiles whether the corpus's {@code .gitignore} and {@code .docgateignore} files exclude paths
 * @param currencyRecords globs of documents that are records (not judged for currency), added to
 *     {@code rules/currency.yaml}
 * @param currencyLiving globs of documents that are living whatever {@code rules/currency.yaml} says
 * @param siteRoutes whether links are a site's routes ({@code links.siteRoutes})
 */
public record DocgateConfig(
    List<String> include,
    List<String> exclude,
    long maxFileSize,
    List<Pattern> linkIgnores,
    Map<String, Optional<Severity>> ruleSeverities,
    String renderer,
    String repository,
    Map<String, String> ruleOrigins,
    boolean ignoreFiles,
    List<String> currencyRecords,
    List<String> currencyLiving,
    SiteRouteSettings siteRoutes) {

  public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;

  /**
   * The default excludes: {@code .git} and vendored folders, other projects' files (GitHub Linguist's vendor.yml
   * conventions); rules/docgate.yaml lists the same.
   */
  static final List<String> VENDORED = List.of("**/.git/**", "**/node_modules/**", "**/bower_components/**",
      "**/third_party/**", "**/third-party/**", "**/thirdparty/**", "**/3rd_party/**", "**/3rd-party/**",
      "**/vendor/**", "**/vendors/**", "**/vendored/**");

  public DocgateConfig {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    linkIgnores = List.copyOf(linkIgnores);
    ruleSeverities = Map.copyOf(ruleSeverities);
    ruleOrigins = Map.copyOf(ruleOrigins);
    currencyRecords = currencyRecords == null ? List.of() : List.copyOf(currencyRecords);
    currencyLiving = currencyLiving == null ? List.of() : List.copyOf(currencyLiving);
    renderer = renderer == null ? "" : renderer.strip();
    repository = repository == null ? "" : repository.strip();
    siteRoutes = siteRoutes == null ? SiteRouteSettings.DEFAULTS : siteRoutes;
  }

  /** The same settings with another renderer profile ({@code --renderer}). */
  public DocgateConfig withRenderer(String name) {
    return new DocgateConfig(include, exclude, maxFileSize, linkIgnores, ruleSeverities, name, repository,
        ruleOrigins, ignoreFiles, currencyRecords, currencyLiving, siteRoutes);
  }

  /** The same settings with more exclude globs ({@code --exclude}). */
  public DocgateConfig withMoreExcludes(List<String> globs) {
    List<String> all = new java.util.ArrayList<>(exclude);
    all.addAll(globs);
    return new DocgateConfig(include, all, maxFileSize, linkIgnores, ruleSeverities, renderer, repository,
        ruleOrigins, ignoreFiles, currencyRecords, currencyLiving, siteRoutes);
  }

  /** The same settings with the ignore files read or not ({@code --no-ignore}). */
  public DocgateConfig withIgnoreFiles(boolean read) {
    return new DocgateConfig(include, exclude, maxFileSize, linkIgnores, ruleSeverities, renderer, repository,
        ruleOrigins, read, currencyRecords, currencyLiving, siteRoutes);
  }

  /**
   * The built-in defaults: every Markdown file, minus {@code .git/} and vendored folders ({@link #VENDORED}); {@code
   * snippets/incomplete} off (placeholders and excerpts leave nothing to change; rules/docgate.yaml says the same).
   */
  public static DocgateConfig defaults() {
    return new DocgateConfig(List.of("**/*.md", "**/*.markdown", "**/*.mdx"), VENDORED, DEFAULT_MAX_FILE_SIZE,
        List.of(), Map.of("snippets/incomplete", Optional.empty()), "", "", Map.of("snippets/incomplete", "built-in default"),
        true, List.of(), List.of(), SiteRouteSettings.DEFAULTS);
  }

  /** Reads a config file's text strictly; keys left out keep their defaults. */
  public static DocgateConfig parse(String source, String yaml) {
    return parseOver(source, yaml, defaults());
  }

  /**
   * Reads a config file's text strictly over {@code d}, a farther config: keys this file sets win, keys it leaves
   * out keep {@code d}'s values, and {@code rules:} merges per rule id (this file's entries win).
   */
  public static DocgateConfig parseOver(String source, String yaml, DocgateConfig d) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "the config", new LinkedHashSet<>(List.of("corpus", "links", "rules", "renderer", "repository", "currency")));
    Map<String, Node> corpus =
        y.mapping(top.get("corpus"), "corpus", new LinkedHashSet<>(List.of("include", "exclude", "maxFileSize", "ignoreFiles")));
    List<String> include = corpus.containsKey("include") ? y.strings(corpus.get("include"), "corpus.include") : d.include();
    List<String> exclude = corpus.containsKey("exclude") ? y.strings(corpus.get("exclude"), "corpus.exclude") : d.exclude();
    long maxSize = d.maxFileSize();
    if (corpus.containsKey("maxFileSize")) {
      Node n = corpus.get("maxFileSize");
      try {
        maxSize = Units.size(y.scalar(n, "corpus.maxFileSize"));
      } catch (IllegalArgumentException e) {
        throw y.error(n, e.getMessage());
      }
    }
    boolean ignoreFiles = y.bool(corpus.get("ignoreFiles"), "corpus.ignoreFiles", d.ignoreFiles());
    Map<String, Node> links = y.mapping(top.get("links"), "links", new LinkedHashSet<>(List.of("ignore", "siteRoutes")));
    SiteRouteSettings siteRoutes = links.containsKey("siteRoutes")
        ? siteRoutes(y, links.get("siteRoutes"), d.siteRoutes()) : d.siteRoutes();
    List<Pattern> ignores = new java.util.ArrayList<>(links.containsKey("ignore") ? List.of() : d.linkIgnores());
    if (links.containsKey("ignore")) {
      for (String regex : y.strings(links.get("ignore"), "links.ignore")) {
        try {
          ignores.add(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
          throw y.error(links.get("ignore"), "links.ignore: bad regular expression '" + regex + "': "
              + e.getDescription());
        }
      }
    }
    Map<String, Optional<Severity>> severities = new LinkedHashMap<>(d.ruleSeverities());
    Map<String, String> origins = new LinkedHashMap<>(d.ruleOrigins());
    for (Map.Entry<String, Node> e : y.mapping(top.get("rules"), "rules", null).entrySet()) {
      origins.put(e.getKey(), source + ":" + y.line(e.getValue()));
      String value = y.scalar(e.getValue(), "rules." + e.getKey()).strip().toLowerCase(Locale.ROOT);
      if (value.equals("off")) {
        severities.put(e.getKey(), Optional.empty());
      } else {
        try {
          severities.put(e.getKey(), Optional.of(Severity.parse(value)));
        } catch (IllegalArgumentException ex) {
          throw y.error(e.getValue(), "rules." + e.getKey() + ": '" + value + "' is not error, warning, info or off");
        }
      }
    }
    String renderer = top.containsKey("renderer") ? y.scalar(top.get("renderer"), "renderer") : d.renderer();
    String repository = top.containsKey("repository") ? y.scalar(top.get("repository"), "repository") : d.repository();
    if (!repository.isBlank() && OwnRepository.parse(repository, "configured").isEmpty()) {
      throw y.error(top.get("repository"), "repository: '" + repository + "' is not owner/name, host/owner/name "
          + "or a clone URL");
    }
    Map<String, Node> currency = y.mapping(top.get("currency"), "currency", new LinkedHashSet<>(List.of("record", "living")));
    List<String> records = currency.containsKey("record") ? y.strings(currency.get("record"), "currency.record")
        : d.currencyRecords();
    List<String> living = currency.containsKey("living") ? y.strings(currency.get("living"), "currency.living")
        : d.currencyLiving();
    return new DocgateConfig(include, exclude, maxSize, ignores, severities, renderer, repository, origins,
        ignoreFiles, records, living, siteRoutes);
  }

  /** {@code links.siteRoutes}: keys left out keep {@code d}'s values. */
  private static SiteRouteSettings siteRoutes(YamlNodes y, Node node, SiteRouteSettings d) {
    Map<String, Node> m = y.mapping(node, "links.siteRoutes", new LinkedHashSet<>(List.of("root", "extensions",
        "indexPages", "minLinks", "minPercentOfUnresolved", "minPercentOfLinks")));
    String root = m.containsKey("root") ? y.scalar(m.get("root"), "links.siteRoutes.root") : d.root();
    List<String> extensions = m.containsKey("extensions")
        ? y.strings(m.get("extensions"), "links.siteRoutes.extensions") : d.extensions();
    for (String ext : extensions) {
      if (!ext.startsWith(".") || ext.length() < 2 || ext.contains("/")) {
        throw y.error(m.get("extensions"), "links.siteRoutes.extensions: '" + ext + "' is not an extension such as .md");
      }
    }
    List<String> indexPages = m.containsKey("indexPages")
        ? y.strings(m.get("indexPages"), "links.siteRoutes.indexPages") : d.indexPages();
    return new SiteRouteSettings(root, extensions, indexPages,
        y.integer(m.get("minLinks"), "links.siteRoutes.minLinks", 1, d.minLinks()),
        percent(y, m.get("minPercentOfUnresolved"), "links.siteRoutes.minPercentOfUnresolved", d.minPercentOfUnresolved()),
        percent(y, m.get("minPercentOfLinks"), "links.siteRoutes.minPercentOfLinks", d.minPercentOfLinks()));
  }

  private static int percent(YamlNodes y, Node node, String what, int absent) {
    int p = y.integer(node, what, 0, absent);
    if (p > 100) {
      throw y.error(node, what + ": " + p + " is more than 100 (a percentage)");
    }
    return p;
  }

  /**
   * Fails on the first {@code rules:} entry whose id is not in {@code known}, naming the file and line that set it
   * and the nearest known id: a typo ({@code links/missing-fil: off}) would otherwise silence nothing.
   */
  public void checkRuleIds(java.util.Collection<String> known) {
    for (String id : ruleSeverities.keySet()) {
      if (!known.contains(id)) {
        String near = YamlNodes.nearest(id, known);
        throw new ConfigException(ruleOrigins.getOrDefault(id, "the config") + ": unknown rule '" + id + "'"
            + (near == null ? "" : " (did you mean '" + near + "'?)") + "; the rules are listed in the README");
      }
    }
  }
}
