package org.docgate.validate.versions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.docgate.corpus.Glob;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code rules/versions/manifest.yaml}: the products, their supported lines, the historical-context cues and
 * the code checks. Loaded strictly: unknown keys, unparsable versions, duplicate aliases and an empty file fail
 * with {@code file:line} messages. Immutable.
 *
 * @param checkImageTags whether container image tags in code blocks are mentions
 * @param checkApiVersions whether removed Kubernetes apiVersions in code blocks are findings
 * @param eolOnly the products of the version data ({@link EndOfLifeData}) that the manifest does not name: only a
 *     certain mention of an end-of-life release cycle of theirs is reported
 * @param versionKinds Kubernetes kinds whose {@code spec.version} is a product's version ({@code KnativeServing}:
 *     Knative), from {@link EndOfLifeNames}
 * @param checkVariables whether version variables, keys and flags in code blocks ({@code ISTIO_VERSION=1.21.0},
 *     {@code --kubernetes-version=v1.26.0}) are mentions
 */
public record VersionManifest(List<Product> products, HistoricalContext context, boolean checkImageTags,
    boolean checkApiVersions, List<Product> eolOnly, boolean checkVariables, Map<String, Product> versionKinds,
    Map<String, List<Product.EolLine>> upstreamCycles, List<Pin> pins) {
  public static final String FILE = "versions/manifest.yaml";

  private static final Set<String> TOP = keys("products", "context", "code");
  private static final Set<String> PRODUCT = keys("aliases", "scheme", "current", "minimumSupported", "eol",
      "images", "notes", "links", "endoflife", "packages", "commands");
  private static final Set<String> EOL = keys("line", "date");
  private static final Set<String> CONTEXT = keys("cues", "headingCues", "exemptPaths", "baselineHeadings");
  private static final Set<String> LANGUAGES = keys("zh", "en");
  private static final Set<String> CODE = keys("imageTags", "apiVersions", "variables");

  public VersionManifest {
    products = List.copyOf(products);
    eolOnly = List.copyOf(eolOnly);
    versionKinds = Map.copyOf(versionKinds);
    upstreamCycles = Map.copyOf(upstreamCycles);
    pins = List.copyOf(pins);
  }

  /**
   * A way commands name a product's version: a package pinned to it ({@code kubeadm=1.26.x-*},
   * {@code kubelet-1.29.0}: {@code command} false) or a command whose argument is the version
   * ({@code kubeadm upgrade apply v1.26.x}: {@code command} true).
   */
  public record Pin(Product product, String name, boolean command) {}

  /** As the canonical constructor, without upstream cycles and pins (tests that build a manifest by hand). */
  public VersionManifest(List<Product> products, HistoricalContext context, boolean checkImageTags,
      boolean checkApiVersions, List<Product> eolOnly, boolean checkVariables, Map<String, Product> versionKinds) {
    this(products, context, checkImageTags, checkApiVersions, eolOnly, checkVariables, versionKinds, Map.of(),
        List.of());
  }

  /**
   * Every release cycle the version data gives a product, the current lines included (the manifest's own eol list
   * holds only the lines older than its baseline): what a text calling a version "supported" is held to. Empty for
   * a product the data does not hold.
   */
  public List<Product.EolLine> cyclesOf(Product p) {
    return p.eolOnly() ? p.eol() : upstreamCycles.getOrDefault(p.name(), List.of());
  }

  /** A manifest without version data. */
  public VersionManifest(List<Product> products, HistoricalContext context, boolean checkImageTags,
      boolean checkApiVersions) {
    this(products, context, checkImageTags, checkApiVersions, List.of(), checkImageTags, Map.of());
  }

  /** The manifest's products, then the data's products it does not name. */
  public List<Product> allProducts() {
    List<Product> all = new ArrayList<>(products);
    all.addAll(eolOnly);
    return all;
  }

  /** The Kubernetes entry (apiVersion removals are judged against it), or null. */
  public Product kubernetes() {
    return products.stream().filter(p -> p.name().equals("Kubernetes")).findFirst().orElse(null);
  }

  /**
   * Reads the manifest and the version data beside it from the rules folder (the user's copy first); a missing
   * manifest is an error, missing data is none.
   */
  public static VersionManifest load(RuleFiles rules) {
    return rules.load(FILE, (source, yaml) -> parse(source, yaml, EndOfLifeData.load(rules),
        EndOfLifeNames.load(rules)));
  }

  /** The manifest alone, without version data. */
  public static VersionManifest parse(String source, String yaml) {
    return parse(source, yaml, EndOfLifeData.NONE);
  }

  /**
   * The manifest with version data: a product's {@code endoflife: <id>} takes its end-of-life dates from the data
   * (for the cycles older than its oldest current line: the corpus's baseline still decides what is current), and
   * every data product the manifest does not name, whose title no manifest alias already claims, becomes an
   * {@link Product#eolOnly() eol-only} product matched by its title.
   */
  public static VersionManifest parse(String source, String yaml, EndOfLifeData data) {
    return parse(source, yaml, data, EndOfLifeNames.NONE);
  }

  /**
   * As {@link #parse(String, String, EndOfLifeData)}, with the other spellings and container images of the data's
   * products ({@link EndOfLifeNames}); a name for an id the data does not hold fails with its file:line.
   */
  public static VersionManifest parse(String source, String yaml, EndOfLifeData data, EndOfLifeNames names) {
    YamlNodes y = YamlNodes.in(source);
    Node root = YamlNodes.parse(source, yaml);
    if (root == null || (root instanceof MappingNode m && m.getValue().isEmpty())) {
      throw new ConfigException(source + ":1: the version manifest is empty (it needs a 'products' mapping)");
    }
    Map<String, Node> top = y.mapping(root, "the version manifest", TOP);
    Node productsNode = top.get("products");
    if (productsNode == null) {
      throw y.error(root, "the version manifest has no 'products' mapping");
    }
    if (!(productsNode instanceof MappingNode productMap) || productMap.getValue().isEmpty()) {
      throw y.error(productsNode, "products must be a mapping of product names to entries");
    }
    List<Product> products = new ArrayList<>();
    Map<String, String> aliasOwner = new HashMap<>();
    Set<String> linked = new LinkedHashSet<>();
    Map<String, List<Product.EolLine>> upstream = new java.util.LinkedHashMap<>();
    List<Pin> pins = new ArrayList<>();
    Set<String> pinNames = new java.util.HashSet<>();
    for (NodeTuple t : productMap.getValue()) {
      String name = y.scalar(t.getKeyNode(), "a product name");
      Product product = product(y, name, t.getKeyNode(), t.getValueNode(), aliasOwner, data, linked);
      products.add(product);
      Map<String, Node> f = y.mapping(t.getValueNode(), "products." + name, PRODUCT);
      if (f.containsKey("endoflife") && data.products().containsKey(y.scalar(f.get("endoflife"), "endoflife"))) {
        upstream.put(name, data.products().get(y.scalar(f.get("endoflife"), "endoflife")).cycles().stream()
            .map(EndOfLifeData.Cycle::eolLine).toList());
      }
      for (String key : List.of("packages", "commands")) {
        for (Node item : items(f.get(key))) {
          String pin = y.scalar(item, "products." + name + "." + key + " item").strip();
          if (pin.isEmpty() || !pinNames.add(pin)) {
            throw y.error(item, "products." + name + "." + key + ": " + (pin.isEmpty() ? "an empty name"
                : "duplicate package or command '" + pin + "'"));
          }
          pins.add(new Pin(product, pin, key.equals("commands")));
        }
      }
    }
    Map<String, Node> context = y.mapping(top.get("context"), "context", CONTEXT);
    List<String> cues = languages(y, context.get("cues"), "context.cues");
    List<String> headingCues = languages(y, context.get("headingCues"), "context.headingCues");
    List<String> baselineHeadings = languages(y, context.get("baselineHeadings"), "context.baselineHeadings");
    List<Glob> exempt = new ArrayList<>();
    for (String g : y.strings(context.get("exemptPaths"), "context.exemptPaths")) {
      exempt.add(Glob.of(g));
    }
    Map<String, Node> code = y.mapping(top.get("code"), "code", CODE);
    boolean images = y.bool(code.get("imageTags"), "code.imageTags", true);
    boolean apis = y.bool(code.get("apiVersions"), "code.apiVersions", true);
    boolean variables = y.bool(code.get("variables"), "code.variables", true);
    List<Product> eolOnly = eolOnly(data, names, linked, aliasOwner.keySet());
    Map<String, Product> kinds = new java.util.LinkedHashMap<>();
    names.byId().forEach((id, n) -> {
      EndOfLifeData.DataProduct d = data.products().get(id);
      eolOnly.stream().filter(p -> d != null && p.name().equals(d.title())).findFirst()
          .ifPresent(p -> n.kinds().forEach(k -> kinds.putIfAbsent(k, p)));
    });
    return new VersionManifest(products, new HistoricalContext(cues, headingCues, exempt, baselineHeadings), images, apis,
        eolOnly, variables, kinds, upstream, pins);
  }

  /** The data's products the manifest does not link, matched by title (case-sensitive, like every alias). */
  private static List<Product> eolOnly(EndOfLifeData data, EndOfLifeNames names, Set<String> linked,
      Set<String> manifestAliases) {
    if (data != EndOfLifeData.NONE) {
      names.byId().forEach((id, n) -> {
        if (!data.products().containsKey(id)) {
          throw new ConfigException(n.where() + ": '" + id + "' is not a product of the version data ("
              + data.source() + ")");
        }
      });
    }
    List<Product> out = new ArrayList<>();
    Set<String> titles = new java.util.HashSet<>();
    Set<String> claimed = new java.util.HashSet<>(manifestAliases);
    for (EndOfLifeData.DataProduct p : data.products().values()) {
      if (linked.contains(p.id()) || p.cycles().isEmpty() || manifestAliases.contains(p.title())
          || !titles.add(p.title())) {
        continue;
      }
      EndOfLifeNames.Names named = names.byId().get(p.id());
      List<String> aliases = new ArrayList<>(List.of(p.title()));
      claimed.add(p.title());
      if (named != null) {
        named.aliases().stream().filter(claimed::add).forEach(aliases::add);
      }
      List<Product.EolLine> lines = p.cycles().stream().map(EndOfLifeData.Cycle::eolLine).toList();
      List<Version> all = p.cycles().stream().map(EndOfLifeData.Cycle::version).toList();
      Version newest = all.stream().max(Version::compareTo).orElseThrow();
      Version oldest = all.stream().min(Version::compareTo).orElseThrow();
      // cycles named by one number (Node.js 16, CentOS 7): a bare major is a version of this product
      VersionScheme scheme = all.stream().anyMatch(v -> v.numbers().size() == 1)
          ? VersionScheme.MAJOR : VersionScheme.DOTTED;
      out.add(new Product(p.title(), aliases, scheme, List.of(newest), oldest, lines,
          named == null ? List.of() : named.images(), List.of("endoflife.date: " + p.id()), true,
          Product.codenames(p.cycles())));
    }
    return out;
  }

  private static Product product(YamlNodes y, String name, Node keyNode, Node node, Map<String, String> aliasOwner,
      EndOfLifeData data, Set<String> linked) {
    String what = "products." + name;
    Map<String, Node> f = y.mapping(node, what, PRODUCT);
    if (!f.containsKey("current")) {
      throw y.error(keyNode, what + ": 'current' is required (one or more supported lines)");
    }
    VersionScheme scheme = VersionScheme.DOTTED;
    if (f.containsKey("scheme")) {
      try {
        scheme = VersionScheme.parse(y.scalar(f.get("scheme"), what + ".scheme"));
      } catch (IllegalArgumentException e) {
        throw y.error(f.get("scheme"), what + ".scheme: " + e.getMessage());
      }
    }
    List<String> aliases = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Node> aliasNodes = new ArrayList<>();
    aliasNodes.add(keyNode);
    aliasNodes.addAll(items(f.get("aliases")));
    for (Node at : aliasNodes) {
      String alias = y.scalar(at, what + ".aliases item");
      if (alias.isBlank()) {
        throw y.error(at, what + ": an alias is empty");
      }
      String owner = aliasOwner.putIfAbsent(alias, name);
      if (owner != null || !seen.add(alias)) {
        throw y.error(at, what + ": duplicate alias '" + alias + "'"
            + (owner != null && !owner.equals(name) ? " (already an alias of " + owner + ")" : ""));
      }
      aliases.add(alias);
    }
    List<Version> current = new ArrayList<>();
    for (Node item : items(f.get("current"))) {
      current.add(version(y, item, what + ".current", scheme));
    }
    Version newest = current.stream().max(Version::compareTo).orElseThrow();
    Version oldest = current.stream().min(Version::compareTo).orElseThrow();
    Version minimum = oldest;
    if (f.containsKey("minimumSupported")) {
      minimum = version(y, f.get("minimumSupported"), what + ".minimumSupported", scheme);
      if (minimum.compareTo(newest) > 0) {
        throw y.error(f.get("minimumSupported"), what + ".minimumSupported " + minimum
            + " is newer than the newest current line " + newest);
      }
    }
    List<Product.EolLine> eol = new ArrayList<>();
    for (Node item : items(f.get("eol"))) {
      Map<String, Node> e = y.mapping(item, what + ".eol item", EOL);
      if (!e.containsKey("line") || !e.containsKey("date")) {
        throw y.error(item, what + ".eol: each item needs 'line' and 'date'");
      }
      Version line = version(y, e.get("line"), what + ".eol.line", scheme);
      if (line.compareAtPrecision(oldest) >= 0) {
        throw y.error(e.get("line"), what + ".eol: line " + line + " is not older than the current line " + oldest);
      }
      String dateText = y.scalar(e.get("date"), what + ".eol.date");
      try {
        eol.add(new Product.EolLine(line, LocalDate.parse(dateText.strip())));
      } catch (DateTimeParseException ex) {
        throw y.error(e.get("date"), what + ".eol.date: '" + dateText + "' is not a date (YYYY-MM-DD)");
      }
    }
    EndOfLifeData.DataProduct known = null;
    if (f.containsKey("endoflife")) {
      String id = y.scalar(f.get("endoflife"), what + ".endoflife");
      known = data.products().get(id);
      if (known == null && data != EndOfLifeData.NONE) {
        throw y.error(f.get("endoflife"), what + ".endoflife: '" + id + "' is not a product of the version data ("
            + data.source() + ")");
      }
      linked.add(id);
      if (known != null) {
        for (EndOfLifeData.Cycle c : known.cycles()) {
          // the data speaks for the lines the corpus no longer calls current; its baseline decides the rest
          if (c.version().compareAtPrecision(oldest) < 0) {
            eol.add(c.eolLine());
          }
        }
      }
    }
    List<String> images = y.strings(f.get("images"), what + ".images");
    List<String> notes = new ArrayList<>(y.strings(f.get("notes"), what + ".notes"));
    notes.addAll(y.strings(f.get("links"), what + ".links"));
    return new Product(name, aliases, scheme, current, minimum, eol, images, notes, false,
        known == null ? Map.of() : Product.codenames(known.cycles()));
  }

  private static List<Node> items(Node node) {
    if (node == null) {
      return List.of();
    }
    return node instanceof SequenceNode s ? s.getValue() : List.of(node);
  }

  private static Version version(YamlNodes y, Node node, String what, VersionScheme scheme) {
    String text = y.scalar(node, what);
    try {
      return Version.parse(text, scheme);
    } catch (IllegalArgumentException e) {
      throw y.error(node, what + ": " + e.getMessage());
    }
  }

  private static List<String> languages(YamlNodes y, Node node, String what) {
    Map<String, Node> byLanguage = y.mapping(node, what, LANGUAGES);
    List<String> out = new ArrayList<>();
    byLanguage.forEach((lang, list) -> {
      for (String w : y.strings(list, what + "." + lang)) {
        if (w.isBlank()) {
          throw y.error(list, what + "." + lang + ": an empty cue word would match everything");
        }
        out.add(w.strip());
      }
    });
    return out;
  }

  private static Set<String> keys(String... k) {
    return new LinkedHashSet<>(List.of(k));
  }
}
