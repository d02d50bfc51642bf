package org.docgate.validate.links;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.snakeyaml.engine.v2.nodes.Node;

/** Every renderer profile of {@code rules/renderers/*.yaml}, read strictly (errors name the file and line). */
public final class RendererProfiles {
  public static final String DEFAULT = "github";
  private static final String FOLDER = "renderers";
  private static final List<String> KEYS = List.of("description", "fragments", "folderIndex", "folderIndexCase", "aboveRoot",
      "footnotes", "headingAttributes", "htmlHeadings", "slugs", "idPrefix", "detect");

  private final Map<String, RendererProfile> byName;

  private RendererProfiles(Map<String, RendererProfile> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static RendererProfiles fromRules(RuleFiles rules) {
    Map<String, RendererProfile> byName = new LinkedHashMap<>();
    for (String file : rules.list(FOLDER, ".yaml")) {
      RuleFiles.RuleFile f = rules.read(FOLDER + "/" + file).orElseThrow();
      RendererProfile p = parse(file.substring(0, file.length() - ".yaml".length()), f.source(), f.text());
      byName.put(p.name(), p);
    }
    if (!byName.containsKey(DEFAULT)) {
      throw new ConfigException("rules/" + FOLDER + ": no " + DEFAULT + ".yaml (the default renderer profile)");
    }
    return new RendererProfiles(byName);
  }

  /** One profile file's text. */
  public static RendererProfile parse(String name, String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Node root = YamlNodes.parse(source, yaml);
    Map<String, Node> top = y.mapping(root, "the profile", new LinkedHashSet<>(KEYS));
    for (String key : KEYS) {
      if (!top.containsKey(key) && !key.equals("detect") && !key.equals("idPrefix")) {
        throw new ConfigException(source + ":" + (root == null ? 1 : y.line(root)) + ": missing key '" + key + "'");
      }
    }
    boolean ignoreCase = switch (y.scalar(top.get("fragments"), "fragments")) {
      case "case-insensitive" -> true;
      case "case-sensitive" -> false;
      default -> throw y.error(top.get("fragments"), "fragments: expected case-sensitive or case-insensitive");
    };
    boolean indexIgnoreCase = switch (y.scalar(top.get("folderIndexCase"), "folderIndexCase")) {
      case "insensitive" -> true;
      case "sensitive" -> false;
      default -> throw y.error(top.get("folderIndexCase"), "folderIndexCase: expected sensitive or insensitive");
    };
    boolean clamp = switch (y.scalar(top.get("aboveRoot"), "aboveRoot")) {
      case "clamp" -> true;
      case "outside" -> false;
      default -> throw y.error(top.get("aboveRoot"), "aboveRoot: expected clamp or outside");
    };
    SlugStyle slugs;
    try {
      slugs = SlugStyle.parse(y.scalar(top.get("slugs"), "slugs"));
    } catch (IllegalArgumentException e) {
      throw y.error(top.get("slugs"), "slugs: expected one of " + labels());
    }
    Map<String, Node> detect = y.mapping(top.get("detect"), "detect",
        new LinkedHashSet<>(List.of("files", "directories", "configFiles", "configKeys")));
    RendererProfile.Detection detection = new RendererProfile.Detection(
        y.strings(detect.get("files"), "detect.files"), y.strings(detect.get("directories"), "detect.directories"),
        y.strings(detect.get("configFiles"), "detect.configFiles"),
        y.strings(detect.get("configKeys"), "detect.configKeys"));
    if (detection.configFiles().isEmpty() != detection.configKeys().isEmpty()) {
      throw y.error(top.get("detect"), "detect: configFiles and configKeys go together");
    }
    return new RendererProfile(name, y.scalar(top.get("description"), "description"), ignoreCase,
        y.strings(top.get("folderIndex"), "folderIndex"), indexIgnoreCase, clamp, bool(y, top.get("footnotes"), "footnotes"),
        bool(y, top.get("headingAttributes"), "headingAttributes"),
        bool(y, top.get("htmlHeadings"), "htmlHeadings"), slugs,
        top.get("idPrefix") == null ? "" : y.scalar(top.get("idPrefix"), "idPrefix"), detection);
  }

  private static boolean bool(YamlNodes y, Node node, String what) {
    return switch (y.scalar(node, what)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw y.error(node, what + ": expected true or false");
    };
  }

  private static String labels() {
    return String.join(", ", java.util.Arrays.stream(SlugStyle.values()).map(SlugStyle::label).toList());
  }

  /** The profile called {@code name}; unknown names fail with the list of known ones. */
  public RendererProfile named(String name, String where) {
    RendererProfile p = byName.get(name);
    if (p == null) {
      throw new ConfigException(where + ": unknown renderer '" + name + "' (known: "
          + String.join(", ", names()) + ")");
    }
    return p;
  }

  /** Profile names, sorted. */
  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  public List<RendererProfile> all() {
    return names().stream().map(byName::get).toList();
  }
}
