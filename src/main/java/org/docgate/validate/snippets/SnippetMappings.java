package org.docgate.validate.snippets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Lookups in a mapping of a YAML snippet (a Kubernetes object, a compose file). Unlike {@code config.YamlNodes}, which
 * reads our own rules files strictly, a snippet is the reader's text: a key that is not a plain scalar is only skipped.
 */
final class SnippetMappings {
  private SnippetMappings() {}

  /** A key's text, or null when the key is not a scalar (a {@code ? [a, b]} complex key). */
  static String name(Node key) {
    return key instanceof ScalarNode s ? s.getValue() : null;
  }

  /** The scalar keys and their values; the first of a repeated key wins. */
  static Map<String, Node> keys(MappingNode mapping) {
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      String k = name(t.getKeyNode());
      if (k != null) {
        keys.putIfAbsent(k, t.getValueNode());
      }
    }
    return keys;
  }

  /** The key node named {@code key} (where a finding about the key points), or null. */
  static Node key(MappingNode mapping, String key) {
    for (NodeTuple t : mapping.getValue()) {
      if (key.equals(name(t.getKeyNode()))) {
        return t.getKeyNode();
      }
    }
    return null;
  }

  /** The value of the first key named {@code key}, or null. */
  static Node value(MappingNode mapping, String key) {
    for (NodeTuple t : mapping.getValue()) {
      if (key.equals(name(t.getKeyNode()))) {
        return t.getValueNode();
      }
    }
    return null;
  }
}
