package org.docgate.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.text.EditDistance;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Strict reading of small YAML rule files: every error names the file and the 1-based line. */
public final class YamlNodes {
  private final String source;

  private YamlNodes(String source) {
    this.source = source;
  }

  /** Composes a YAML text into a node tree; an empty document gives an empty mapping. */
  public static Node parse(String source, String yaml) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
      return new Compose(settings).composeString(yaml).orElse(null);
    } catch (YamlEngineException e) {
      throw new ConfigException(source + ": invalid YAML: " + e.getMessage().replace('\n', ' '));
    }
  }

  public static YamlNodes in(String source) {
    return new YamlNodes(source);
  }

  public int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  public ConfigException error(Node node, String message) {
    return new ConfigException(source + ":" + line(node) + ": " + message);
  }

  /** The top mapping of a whole rules file (empty for an empty file), rejecting keys that are not allowed. */
  public Map<String, Node> top(String yaml, String what, Set<String> allowedKeys) {
    return mapping(parse(source, yaml), what, allowedKeys);
  }

  /** The entries of a mapping, rejecting keys that are not allowed. */
  public Map<String, Node> mapping(Node node, String what, Set<String> allowedKeys) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, what + " must be a mapping");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode(), "a key in " + what);
      if (allowedKeys != null && !allowedKeys.contains(key)) {
        String near = nearest(key, allowedKeys);
        throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what
            + (near == null ? "" : " (did you mean '" + near + "'?)")
            + " (expected one of " + String.join(", ", allowedKeys) + ")");
      }
      if (out.put(key, tuple.getValueNode()) != null) {
        throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
      }
    }
    return out;
  }

  /**
   * The candidate closest to {@code word} by edit distance, ignoring case, if it is within a third of the word's
   * length (at least 1): close enough to be a typo, not just another name. Null when none is.
   */
  public static String nearest(String word, java.util.Collection<String> candidates) {
    int limit = Math.max(1, word.length() / 3);
    String best = null;
    int bestDistance = limit + 1;
    for (String c : candidates) {
      int d = EditDistance.between(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT),
          limit);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  public String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(node, what + " must be a single value");
    }
    return scalar.getValue();
  }

  public List<String> strings(Node node, String what) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar.getValue());
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw error(node, what + " must be a list");
    }
    List<String> out = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      out.add(scalar(item, "an item of " + what));
    }
    return out;
  }

  /**
   * A {@code true}/{@code false} scalar, in any letter case as YAML's core schema reads them; {@code absent} when the
   * key is missing ({@code node} null).
   */
  public boolean bool(Node node, String what, boolean absent) {
    if (node == null) {
      return absent;
    }
    String v = scalar(node, what).strip();
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(node, what + ": '" + v + "' is not true or false");
    };
  }

  /** A whole number scalar of at least {@code min}; {@code absent} when the key is missing ({@code node} null). */
  public int integer(Node node, String what, int min, int absent) {
    if (node == null) {
      return absent;
    }
    String v = scalar(node, what).strip();
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw error(node, what + ": '" + v + "' is not a whole number");
    }
    if (n < min) {
      throw error(node, what + ": must be at least " + min);
    }
    return n;
  }
}
