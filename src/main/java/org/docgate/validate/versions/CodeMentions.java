package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.WordFinder;

/**
 * What code blocks say about versions: container image tags of manifest products ({@code image: docker:20.10},
 * {@code kindest/node:v1.27.3}) and Kubernetes {@code apiVersion}/{@code kind} pairs of YAML documents. Built once
 * from the manifest; pure and thread-safe.
 */
public final class CodeMentions {
  private static final Pattern API_VERSION = Pattern.compile("^\\s*-?\\s*apiVersion:\\s*[\"']?([A-Za-z0-9.\\-]+/)?"
      + "(v\\d+(?:(?:alpha|beta)\\d+)?)[\"']?\\s*(?:#.*)?$");
  private static final Pattern KIND = Pattern.compile("^\\s*-?\\s*kind:\\s*[\"']?([A-Za-z]+)[\"']?\\s*(?:#.*)?$");
  private static final Pattern TAG = Pattern.compile("(v?\\d{1,4}(?:\\.\\d{1,4}){0,3})(?![0-9.])");
  /**
   * A version variable, key or flag: {@code ISTIO_VERSION=1.21.0}, {@code --kubernetes-version=v1.26.0},
   * {@code kubernetesVersion: v1.26.0}, {@code ARG NODE_VERSION=16}: group 1 the name before "version", group 2 the
   * version (no variable, range or pre-release: {@code $VERSION}, {@code ~> 1.0}, {@code 1.30-rc.1} are not one).
   */
  private static final Pattern ASSIGNMENT = Pattern.compile("(?<![A-Za-z0-9_$.])(?:--?)?([A-Za-z][A-Za-z0-9]*"
      + "(?:[_-][A-Za-z0-9]+)*?)[_-]?(?:VERSION|Version|version)[\"']?(?:\\s*[:=]\\s*|\\s+(?=[\"']?v?\\d))[\"']?"
      + "(v?\\d{1,4}(?:\\.\\d{1,4}){0,3})(?![0-9A-Za-z.+\\-~])");

  /**
   * A field that states the oldest version a package supports, not one it uses: Cargo's {@code rust-version = "1.56"}
   * in {@code Cargo.toml} and {@code "rust_version": "1.56"} in {@code cargo metadata}'s output (the Cargo book, three
   * of round 27's version findings, judged WRONG). A lower bound is no stale use.
   */
  private static final Pattern MINIMUM_FIELD = Pattern.compile("[\"']?rust[-_]version\\b");

  /** An IPv4 address where a tag would be: a host and its address ({@code docker:93.184.216.34}), no image. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])");

  /** An image reference whose tag is a product version; offsets are in the line. */
  public record ImageTag(Product product, Version version, int lineIndex, int column, String text, String tag,
      boolean variant) {
    /** A function runtime ({@code runtime: nodejs14.x}), not an image: its fix is a maintained runtime. */
    public boolean runtime() {
      return text.regionMatches(true, 0, "runtime", 0, 7);
    }

    /** An image's own tag (not a variant naming what it is built on). */
    public ImageTag(Product product, Version version, int lineIndex, int column, String text, String tag) {
      this(product, version, lineIndex, column, text, tag, false);
    }

    /**
     * The reference with its tag's version replaced and the rest of the tag kept: {@code node:16-alpine} with 22 is
     * {@code node:22-alpine} (the variant is the reader's choice), {@code traefik:v2.10} with 3.5 is
     * {@code traefik:v3.5}.
     */
    public String retagged(Version newer) {
      Matcher m = TAG.matcher(tag);
      if (!m.lookingAt()) {
        // a codename tag (debian:buster-slim): the newer cycle's codename, the rest of the tag kept
        int nameEnd = codenameEnd(tag);
        String name = product.codenameOf(newer);
        return text.substring(0, text.length() - tag.length()) + (name != null && !name.contains(" ") ? name
            : newer.toString()) + tag.substring(nameEnd);
      }
      int versionEnd = m.end(1);
      return text.substring(0, text.length() - tag.length()) + (tag.startsWith("v") ? "v" : "") + newer
          + tag.substring(versionEnd);
    }
  }

  /** A version variable of a product ({@code ISTIO_VERSION=1.21.0}); offsets are in the line. */
  public record Assignment(Product product, Version version, int lineIndex, int column, String text) {}

  /** One {@code apiVersion:} line with the kind of its YAML document (null when there is none). */
  public record ApiUse(String apiVersion, String kind, int lineIndex, int column) {}

  private final Map<String, Product> byImage = new LinkedHashMap<>();
  private final List<PinPattern> pinPatterns;
  /** Every pin pattern's first word, to pass over in one look a line that holds none (most lines of code). */
  private final WordFinder pinFirstWords;
  /** Single-word images of the data's products, as a tag's variant names them ({@code ubuntu} in -ubuntu20.04). */
  private final Map<String, Product> variantNames = new LinkedHashMap<>();
  private final Pattern variantPattern;
  /** The names of {@link #variantNames}, found in a line in one pass. */
  private final WordFinder variantFinder;
  /** Products by name, alias and image name, lower case without separators ({@code nodejs}, {@code k8s}, {@code node}). */
  private final Map<String, Product> byVariableName = new LinkedHashMap<>();
  private final Pattern images;
  /**
   * {@code name:} of every image: a line holding none of them cannot match {@link #images} (a cheap pre-check, in
   * one pass over the line: hundreds of images, every line of every code block).
   */
  private final WordFinder needles;

  public CodeMentions(List<Product> products) {
    this(products, List.of());
  }

  /** With the packages and commands that pin a product's version ({@link #pins}). */
  public CodeMentions(List<Product> products, List<VersionManifest.Pin> pins) {
    this.pinPatterns = pinPatterns(pins);
    this.pinFirstWords = new WordFinder(pinPatterns.stream().map(PinPattern::firstWord).toList(), false);
    List<String> names = new ArrayList<>();
    java.util.Set<String> ambiguous = new java.util.HashSet<>();
    for (Product p : products) {
      for (String image : p.images()) {
        byImage.putIfAbsent(image, p);
        names.add(image);
      }
      List<String> spellings = new ArrayList<>(p.aliases());
      spellings.addAll(p.images()); // kindest/node is kindestnode, not node (Node.js's image)
      for (String a : spellings) {
        String key = variableKey(a);
        Product before = byVariableName.putIfAbsent(key, p);
        if (key.length() < 2 || before != null && before != p) {
          ambiguous.add(key);
        }
      }
    }
    ambiguous.forEach(byVariableName::remove);
    for (Product p : products) {
      for (String image : p.images()) {
        if (p.eolOnly() && image.matches("[a-z]+")) {
          variantNames.putIfAbsent(image, p);
        }
      }
    }
    StringBuilder alt = new StringBuilder();
    variantNames.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(n -> alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(n)));
    variantPattern = alt.isEmpty() ? null
        : Pattern.compile("[-_](" + alt + ")(\\d{1,4}(?:\\.\\d{1,4})?)(?![0-9.])");
    variantFinder = new WordFinder(List.copyOf(variantNames.keySet()), false);
    names.sort(Comparator.comparingInt(String::length).reversed());
    needles = new WordFinder(names.stream().map(n -> n + ":").toList(), false);
    StringBuilder re = new StringBuilder();
    for (String n : names) {
      re.append(re.isEmpty() ? "" : "|").append(Pattern.quote(n));
    }
    // The image name must start the reference or follow a registry prefix ending in '/', e.g. docker.io/library/.
    images = names.isEmpty() ? Pattern.compile("(?!)")
        // not inside a wildcard pattern: "reference=*fedora:3*" (buildah's images filter, judged WRONG in round 27)
        : Pattern.compile("(?<![A-Za-z0-9_./\\-*])((?:[A-Za-z0-9.\\-]+(?::\\d+)?/)*?)(" + re + "):([A-Za-z0-9_.\\-]++)"
            + "(?![*?])");
  }

  /** A YAML key whose value is an object's observed state, written by the cluster: {@code status:}, its parts. */
  private static final Pattern STATUS_KEY = Pattern.compile(
      "^\\s*(?:-\\s+)?(status|containerStatuses|initContainerStatuses|ephemeralContainerStatuses):\\s*$");
  private static final Pattern KEY = Pattern.compile("^(\\s*)(?:-\\s+)?[A-Za-z_][\\w.-]*:");

  /**
   * Whether line {@code i} of a YAML block lies under a {@code status:} mapping (or a container status list): the
   * image a pod reports it runs ({@code kubectl get pod -o yaml} output, a KEP's example of a status), not one to
   * pin. Read by indentation: each enclosing key is the nearest line above that starts further left.
   */
  static boolean inStatus(String[] lines, int i) {
    int indent = indent(lines[i]);
    for (int j = i - 1; j >= 0 && indent > 0; j--) {
      Matcher key = KEY.matcher(lines[j]);
      if (!key.lookingAt() || key.group(1).length() >= indent) {
        continue;
      }
      if (STATUS_KEY.matcher(lines[j]).matches()) {
        return true;
      }
      // a list item's parent key may stand at its dash's column ("containerStatuses:" over "- image: x")
      indent = key.group(1).length() + (lines[j].stripLeading().startsWith("- ") ? 1 : 0);
    }
    return false;
  }

  /** The line's indentation, a list item's dash included ("  - image: x" is indented 4: its key's column). */
  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '-' && n + 1 < line.length()
        && line.charAt(n + 1) == ' ')) {
      n++;
    }
    return n;
  }

  /**
   * Image tags in a code block body that are versions of a manifest product (tags such as {@code latest} are not),
   * and the variants of any image's tag that name what it is built on ({@link #variants}).
   */
  public List<ImageTag> imageTags(String body) {
    List<ImageTag> out = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      variants(lines[i], i, out);
      runtime(lines[i], i, out);
      if (!mayHoldImage(lines[i]) || inStatus(lines, i)) {
        continue;
      }
      Matcher m = images.matcher(lines[i]);
      while (m.find()) {
        String prefix = m.group(1);
        if (!prefix.isEmpty() && !prefix.matches("(?:docker\\.io/|index\\.docker\\.io/)?(?:library/)?|.*\\.(?:io|com|org|dev)/.*")) {
          continue; // someone else's image of the same name: myorg/docker:20.10 is not Docker 20.10
        }
        if (MODULE_SPECIFIER.matcher(lines[i].substring(0, m.start())).find()) {
          continue; // require('node:v8'), import v8 from 'node:v8': Node.js's built-in module, not an image
        }
        if (m.start() > 0 && lines[i].charAt(m.start() - 1) == ':') {
          continue; // cpe:/o:fedoraproject:fedora:33, a CPE or URN's segments (systemd's ELF metadata, round 30)
        }
        Product product = byImage.get(m.group(2));
        Matcher tag = TAG.matcher(m.group(3));
        Version named = tag.lookingAt() ? null : product.codenames().get(
            m.group(3).substring(0, codenameEnd(m.group(3))).toLowerCase(java.util.Locale.ROOT));
        if (named != null) {
          // debian:buster-slim, ubuntu:jammy: the version data's codename of a cycle (probes of rounds 27-29)
          out.add(new ImageTag(product, named, i, m.start() + 1, m.group(), m.group(3)));
          continue;
        }
        if (!tag.lookingAt() || IPV4.matcher(m.group(3)).lookingAt()) {
          continue; // --add-host=docker:10.180.0.1: a host name and its address (docker-cli's run and build pages)
        }
        try {
          // node:16-alpine is Node.js 16; docker:20 is no Docker version (Docker's lines have two numbers)
          Version v = Version.parse(tag.group(1), product.scheme() == VersionScheme.MAJOR
              ? VersionScheme.MAJOR : VersionScheme.DOTTED);
          out.add(new ImageTag(product, v, i, m.start() + 1, m.group(), m.group(3)));
        } catch (IllegalArgumentException e) {
          // a tag such as 2024-01-01 or 3: not a version of this product
        }
      }
    }
    return out;
  }

  /**
   * A function's runtime as serverless and cloud configs name it: {@code runtime: nodejs14.x} (AWS Lambda),
   * {@code runtime: python3.7}, {@code runtime: nodejs:6} (OpenWhisk), {@code runtime: Nodejs8.9} (Tencent), a
   * product's name or image name glued to its version. Six of round 35's ten versions probes (serverless 3.40's
   * docs) were such runtimes. Group 1 the key, 2 the name, 3 the version.
   */
  private static final Pattern RUNTIME = Pattern.compile("(?i)(?<![\\w-])(runtime[\"']?\\s*[:=]\\s*[\"']?)"
      + "([a-z]+)[:-]?(\\d{1,3}(?:\\.\\d{1,3})?)(?:\\.x)?(?=[\"']?\\s*(?:[,#}]|$))");

  private void runtime(String line, int lineIndex, List<ImageTag> out) {
    if (line.length() < 10 || !mentionsRuntime(line)) {
      return; // most code lines: one pass without a copy of the line, before the regex
    }
    Matcher m = RUNTIME.matcher(line);
    if (!m.find()) {
      return;
    }
    Product product = byVariableName.get(variableKey(m.group(2)));
    if (product == null) {
      return;
    }
    try {
      Version v = Version.parse(m.group(3), product.scheme() == VersionScheme.MAJOR
          ? VersionScheme.MAJOR : VersionScheme.DOTTED);
      // as the message names it: "runtime: nodejs18.x" whatever the key's quoting ("Runtime       = \"nodejs18.x")
      String value = m.group().substring(m.group(1).length());
      out.add(new ImageTag(product, v, lineIndex, m.start(2) + 1, "runtime: " + value, value, true));
    } catch (IllegalArgumentException e) {
      // not a version of it
    }
  }

  /** Whether {@code line} holds "runtime" in any case (what {@link #RUNTIME} needs), without copying it. */
  static boolean mentionsRuntime(String line) {
    for (int i = 2; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c == 'n' || c == 'N') && line.regionMatches(true, i - 2, "runtime", 0, 7)) {
        return true;
      }
    }
    return false;
  }

  /** Where a tag's first word ends ({@code buster} of {@code buster-slim}): at a dash, dot or underscore. */
  static int codenameEnd(String tag) {
    int end = 0;
    while (end < tag.length() && Character.isLetter(tag.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * The text before a module specifier of JavaScript/TypeScript ({@code require('}, {@code import('}, {@code from '},
   * {@code import '}): a string there names a module ({@code node:v8}, {@code node:fs}), never a container image.
   */
  private static final Pattern MODULE_SPECIFIER =
      Pattern.compile("(?:\\b(?:require|import)\\s*\\(\\s*|\\b(?:from|import)\\s+)['\"`]$");

  /** Any image reference: a name (with its registry and path) and a tag. */
  private static final Pattern REFERENCE = Pattern.compile("(?<![A-Za-z0-9_./\\-])([a-z0-9][a-z0-9._\\-]*"
      + "(?:/[a-z0-9][a-z0-9._\\-]*)*):([A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127})");

  /**
   * Variants of a tag that name the image it is built on with its version, after a dash or underscore:
   * {@code nvidia/cuda:11.0-runtime-ubuntu20.04} is built on Ubuntu 20.04, {@code python:3.9-alpine3.18} on Alpine
   * Linux 3.18 (the name is one of a data product's single-word images: ubuntu, alpine, centos, python...). The
   * image itself may be one nobody knows; what it is built on is a claim the tag makes. Added to {@code out} as
   * {@link ImageTag#variant() variant} tags (no fix: the tag's other parts must change with it).
   */
  private void variants(String line, int lineIndex, List<ImageTag> out) {
    if (variantPattern == null || line.indexOf(':') < 0) {
      return;
    }
    if (!variantFinder.in(line)) { // one pass over the line, not one search per name
      return;
    }
    Matcher m = REFERENCE.matcher(line);
    while (m.find()) {
      Matcher v = variantPattern.matcher(m.group(2));
      while (v.find()) {
        Product product = variantNames.get(v.group(1));
        try {
          Version version = Version.parse(v.group(2), product.scheme() == VersionScheme.MAJOR
              ? VersionScheme.MAJOR : VersionScheme.DOTTED);
          out.add(new ImageTag(product, version, lineIndex, m.start() + 1, m.group(), v.group(1) + v.group(2),
              true));
        } catch (IllegalArgumentException e) {
          // not a version of it
        }
      }
    }
  }

  /**
   * Version variables, keys and flags of a product in a code block body: the name before "version" is a product's
   * name, alias or image name, ignoring case and separators ({@code ISTIO_VERSION}, {@code kubernetesVersion},
   * {@code --kubernetes-version}, {@code NODE_VERSION}); {@code cluster_version} names no product and is left alone.
   */
  public List<Assignment> assignments(String body) {
    List<Assignment> out = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].contains("ersion") && !lines[i].contains("ERSION")) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(lines[i]);
      while (m.find()) {
        Product product = byVariableName.get(variableKey(m.group(1)));
        if (product == null || MINIMUM_FIELD.matcher(m.group()).lookingAt()) {
          continue;
        }
        try {
          VersionScheme scheme = product.scheme() == VersionScheme.MAJOR ? VersionScheme.MAJOR : VersionScheme.DOTTED;
          Version v = Version.parse(m.group(2), scheme);
          out.add(new Assignment(product, v, i, m.start() + 1, m.group()));
        } catch (IllegalArgumentException e) {
          // KUBERNETES_VERSION=1: not a version of this product
        }
      }
    }
    return out;
  }

  /**
   * A pinned version: {@code 1.26.0}, {@code v1.26.x}, {@code 1.26.*} (a minor with any patch), after a Debian epoch
   * ({@code docker-ce=5:25.0.6-1~ubuntu.22.04~jammy}).
   */
  private static final String PINNED = "['\"]?(?:\\d{1,2}:)?(v?\\d{1,4}\\.\\d{1,4}(?:\\.(?:\\d{1,4}|[xX*]))?)";
  /** After a package's version: its revision ({@code -00}, {@code -1.1}, {@code -*}) and a closing quote. */
  private static final String REVISION = "(?:-[A-Za-z0-9.*~+]*)?['\"]?(?![A-Za-z0-9.])";

  /**
   * One compiled {@link VersionManifest.Pin}: where its version is in a line; {@code firstWord} of its name, which a
   * line must hold for the pattern to be tried (split once here, not once per line and pin).
   */
  private record PinPattern(VersionManifest.Pin pin, Pattern pattern, String firstWord) {}

  /**
   * Versions that commands pin (the manifest's {@code packages} and {@code commands}): {@code apt-get install -y
   * kubeadm='1.26.x-*'}, {@code yum install kubelet-1.29.0-0}, {@code kubeadm upgrade apply v1.26.x}. A wildcard
   * patch ({@code 1.26.x}, {@code 1.26.*}) is the minor itself. The text is the package or command with its version.
   */
  public List<Assignment> pins(String body) {
    List<Assignment> out = new ArrayList<>();
    if (pinPatterns.isEmpty()) {
      return out;
    }
    List<PinPattern> patterns = pinPatterns;
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!pinFirstWords.in(lines[i])) {
        continue;
      }
      for (PinPattern p : patterns) {
        if (!lines[i].contains(p.firstWord())) {
          continue;
        }
        Matcher m = p.pattern().matcher(lines[i]);
        while (m.find()) {
          try {
            Version v = Version.parse(m.group(1).replace('*', 'x'), VersionScheme.DOTTED);
            out.add(new Assignment(p.pin().product(), v, i, m.start() + 1, m.group().strip()));
          } catch (IllegalArgumentException e) {
            // not a version of this product
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(Assignment::lineIndex).thenComparingInt(Assignment::column));
    return out;
  }

  private static List<PinPattern> pinPatterns(List<VersionManifest.Pin> pins) {
    return pins.stream().map(p -> {
      String name = String.join("\\s+", java.util.Arrays.stream(p.name().split("\\s+")).map(Pattern::quote)
          .toList());
      String re = "(?<![A-Za-z0-9_./\\-])" + name + (p.command()
          ? "\\s+(?:--?[A-Za-z][A-Za-z0-9-]*(?:=\\S+)?\\s+)*" + PINNED + "['\"]?(?![A-Za-z0-9.])"
          : "(?:==?|-)" + PINNED + REVISION);
      return new PinPattern(p, Pattern.compile(re), p.name().split(" ")[0]);
    }).toList();
  }

  private static final Pattern SPEC = Pattern.compile("^spec:\\s*(?:#.*)?$");
  private static final Pattern SPEC_VERSION =
      Pattern.compile("^(\\s+)version:\\s*[\"']?(v?\\d{1,4}(?:\\.\\d{1,4}){0,3})[\"']?\\s*(?:#.*)?$");

  /**
   * {@code spec.version} of a YAML document whose kind a product's operator owns ({@code kind: KnativeServing} with
   * {@code spec: version: "1.10.0"}): the version the operator installs. {@code kinds} maps kind to product.
   */
  public static List<Assignment> specVersions(String body, Map<String, Product> kinds) {
    List<Assignment> out = new ArrayList<>();
    if (kinds.isEmpty() || !body.contains("kind")) {
      return out; // without a kind: line no document has an operator's kind
    }
    String[] lines = body.split("\n", -1);
    int docStart = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i < lines.length && !lines[i].strip().equals("---")) {
        continue;
      }
      Product product = null;
      for (int j = docStart; j < i && product == null; j++) {
        if (!lines[j].contains("kind")) {
          continue; // the cheap pre-check: KIND needs the word
        }
        Matcher k = KIND.matcher(lines[j]);
        if (k.matches() && !lines[j].startsWith(" ")) {
          product = kinds.get(k.group(1));
        }
      }
      boolean inSpec = false;
      for (int j = docStart; product != null && j < i; j++) {
        if (!lines[j].isBlank() && !lines[j].startsWith(" ") && !isComment(lines[j])) {
          inSpec = SPEC.matcher(lines[j]).matches();
          continue;
        }
        Matcher v = SPEC_VERSION.matcher(lines[j]);
        if (inSpec && v.matches() && v.group(1).length() == firstIndent(lines, j)) {
          try {
            Version version = Version.parse(v.group(2), product.scheme() == VersionScheme.MAJOR
                ? VersionScheme.MAJOR : VersionScheme.DOTTED);
            out.add(new Assignment(product, version, j, v.group(1).length() + 1, lines[j].strip()));
          } catch (IllegalArgumentException e) {
            // version: 1 is no version of this product
          }
        }
      }
      docStart = i + 1;
    }
    return out;
  }

  /** The indent of the first key under the top-level key above line {@code j}: spec's own keys, not nested ones. */
  private static int firstIndent(String[] lines, int j) {
    int top = j;
    while (top > 0 && (lines[top].isBlank() || lines[top].startsWith(" ") || isComment(lines[top]))) {
      top--;
    }
    for (int k = top + 1; k <= j; k++) {
      if (!lines[k].isBlank() && !isComment(lines[k])) {
        return lines[k].length() - lines[k].stripLeading().length();
      }
    }
    return -1;
  }

  /** A YAML comment line (or an HTML comment, as documentation sometimes puts in a block): no structure. */
  private static boolean isComment(String line) {
    String t = line.strip();
    return t.startsWith("#") || t.startsWith("<!--");
  }

  private static String variableKey(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private boolean mayHoldImage(String line) {
    return line.indexOf(':') >= 0 && needles.in(line);
  }

  /**
   * The {@code kind:} key of the mapping that holds the apiVersion key on line {@code at}: a key at the same column,
   * reached without passing a line that starts further left (the mapping's end), or null.
   */
  private static String kindBeside(String[] lines, int at, int from, int to) {
    int column = keyColumn(lines[at]);
    for (int step : new int[] {-1, 1}) {
      for (int j = at + step; j >= from && j < to; j += step) {
        if (lines[j].isBlank() || isComment(lines[j])) {
          continue;
        }
        int c = keyColumn(lines[j]);
        if (c < column || step > 0 && c == column && lines[j].stripLeading().startsWith("- ")) {
          break; // the mapping ends (below: the next list item opens another)
        }
        Matcher k = KIND.matcher(lines[j]);
        if (c == column && k.matches()) {
          return k.group(1);
        }
        if (step < 0 && c == column && lines[j].stripLeading().startsWith("- ")) {
          break; // the line that opens this list item's mapping
        }
      }
    }
    return null;
  }

  /** Where a YAML line's key starts: after its indentation and a list item's dash. */
  private static int keyColumn(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    while (i + 1 < line.length() && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
      i += 2;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** apiVersion lines of a YAML body, each with the kind of its document ({@code ---} separates documents). */
  public static List<ApiUse> apiVersions(String body) {
    List<ApiUse> out = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    int docStart = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i == lines.length || lines[i].strip().equals("---")) {
        String kind = null;
        List<int[]> uses = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (int j = docStart; j < i; j++) {
          if (!lines[j].contains("apiVersion") && !lines[j].contains("kind")) {
            continue; // the cheap pre-check: both patterns need one of these words
          }
          Matcher a = API_VERSION.matcher(lines[j]);
          if (a.matches()) {
            versions.add((a.group(1) == null ? "" : a.group(1)) + a.group(2));
            uses.add(new int[] {j, lines[j].indexOf("apiVersion") + 1});
          }
          Matcher k = KIND.matcher(lines[j]);
          if (k.matches() && kind == null) {
            kind = k.group(1);
          }
        }
        for (int u = 0; u < uses.size(); u++) {
          // an apiVersion pairs with the kind beside it in its own mapping (a List's items: "- apiVersion:
          // extensions/v1beta1" over "  kind: Deployment", kubectl's book, judged WRONG in round 29 when read as an
          // Ingress); else the first apiVersion of a document with the document's kind, nested ones kind-less
          String beside = kindBeside(lines, uses.get(u)[0], docStart, i);
          out.add(new ApiUse(versions.get(u), beside != null ? beside : u == 0 ? kind : null, uses.get(u)[0],
              uses.get(u)[1]));
        }
        docStart = i + 1;
      }
    }
    return out;
  }
}
