package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What code blocks say about versions: container image tags of manifest products ({@code image: docker:20.10},
 * {@code kindest/node:v1.27.3}) and Kubernetes {@code apiVersion}/{@code kind} pairs of YAML documents. Built once
 * from the manifest; pure and thread-safe.
 */
public final class CodeMentions {
  private static final Pattern API_VERSION = Pattern.compile("^\\s*-?\\s*apiVersion:\\s*[\"']?([A-Za-z0-9.\\-]+/)?"
      + "(v\\d+(?:(?:alpha|beta)\\d+)?)[\"']?\\s*(?:#.*)?$");
  private static final Pattern KIND = Pattern.compile("^\\s*-?\\s*kind:\\s*[\"']?([A-Za-z]+)[\"']?\\s*(?:#.*)?$");
  private static final Pattern TAG = Pattern.compile("(v?\\d{1,4}(?:\\.\\d{1,4}){1,3})(?![0-9.])");

  /** An image reference whose tag is a product version; offsets are in the line. */
  public record ImageTag(Product product, Version version, int lineIndex, int column, String text, String tag) {}

  /** One {@code apiVersion:} line with the kind of its YAML document (null when there is none). */
  public record ApiUse(String apiVersion, String kind, int lineIndex, int column) {}

  private final Map<String, Product> byImage = new LinkedHashMap<>();
  private final Pattern images;
  /** {@code name:} of every image: a line holding none of them cannot match {@link #images} (a cheap pre-check). */
  private final String[] needles;

  public CodeMentions(List<Product> products) {
    List<String> names = new ArrayList<>();
    for (Product p : products) {
      for (String image : p.images()) {
        byImage.put(image, p);
        names.add(image);
      }
    }
    names.sort(Comparator.comparingInt(String::length).reversed());
    needles = names.stream().map(n -> n + ":").toArray(String[]::new);
    StringBuilder re = new StringBuilder();
    for (String n : names) {
      re.append(re.isEmpty() ? "" : "|").append(Pattern.quote(n));
    }
    // The image name must start the reference or follow a registry prefix ending in '/', e.g. docker.io/library/.
    images = names.isEmpty() ? Pattern.compile("(?!)")
        : Pattern.compile("(?<![A-Za-z0-9_./\\-])((?:[A-Za-z0-9.\\-]+(?::\\d+)?/)*?)(" + re + "):([A-Za-z0-9_.\\-]+)");
  }

  /** Image tags in a code block body that are versions of a manifest product (tags such as {@code latest} are not). */
  public List<ImageTag> imageTags(String body) {
    List<ImageTag> out = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!mayHoldImage(lines[i])) {
        continue;
      }
      Matcher m = images.matcher(lines[i]);
      while (m.find()) {
        String prefix = m.group(1);
        if (!prefix.isEmpty() && !prefix.matches("(?:docker\\.io/|index\\.docker\\.io/)?(?:library/)?|.*\\.(?:io|com|org|dev)/.*")) {
          continue; // someone else's image of the same name: myorg/docker:20.10 is not Docker 20.10
        }
        Product product = byImage.get(m.group(2));
        Matcher tag = TAG.matcher(m.group(3));
        if (!tag.lookingAt()) {
          continue;
        }
        try {
          Version v = Version.parse(tag.group(1), VersionScheme.DOTTED);
          out.add(new ImageTag(product, v, i, m.start() + 1, m.group(), m.group(3)));
        } catch (IllegalArgumentException e) {
          // a tag such as 2024-01-01 or 3: not a version of this product
        }
      }
    }
    return out;
  }

  private boolean mayHoldImage(String line) {
    if (line.indexOf(':') < 0) {
      return false;
    }
    for (String needle : needles) {
      if (line.contains(needle)) {
        return true;
      }
    }
    return false;
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
          // Only the first apiVersion of a document pairs with its kind; nested ones (e.g. in a CRD) are kind-less.
          out.add(new ApiUse(versions.get(u), u == 0 ? kind : null, uses.get(u)[0], uses.get(u)[1]));
        }
        docStart = i + 1;
      }
    }
    return out;
  }
}
