package org.docgate.validate.versions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * {@code rules/versions/endoflife-names.yaml}: how text and code name the products of the version data that the
 * manifest does not name: other spellings ({@code RHEL} for Red Hat Enterprise Linux) and container images
 * ({@code node} is Node.js, {@code postgres} PostgreSQL), so that {@code FROM node:16-alpine} is a mention of
 * Node.js 16, and the Kubernetes kinds whose {@code spec.version} is the product's version ({@code KnativeServing}). Read strictly (file:line errors). Immutable.
 *
 * @param byId per endoflife.date id
 */
public record EndOfLifeNames(Map<String, Names> byId) {
  public static final String FILE = "versions/endoflife-names.yaml";
  private static final Set<String> TOP = Set.of("products");
  private static final Set<String> PRODUCT = Set.of("aliases", "images", "kinds");

  public static final EndOfLifeNames NONE = new EndOfLifeNames(Map.of());

  public EndOfLifeNames {
    byId = Map.copyOf(byId);
  }

  /** One product's names, and the line of the file that gave them (for errors about an unknown id). */
  public record Names(List<String> aliases, List<String> images, List<String> kinds, String where) {
    public Names {
      aliases = List.copyOf(aliases);
      images = List.copyOf(images);
      kinds = List.copyOf(kinds);
    }
  }

  /** The names beside the manifest in the rules folder (the user's copy first), or {@link #NONE}. */
  public static EndOfLifeNames load(RuleFiles rules) {
    return rules.read(FILE).map(f -> parse(f.source(), f.text())).orElse(NONE);
  }

  public static EndOfLifeNames parse(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "the product names", TOP);
    Map<String, Names> out = new LinkedHashMap<>();
    for (NodeTuple t : EndOfLifeData.products(source, top)) {
      String id = y.scalar(t.getKeyNode(), "a product id");
      String what = "products." + id;
      Map<String, Node> f = y.mapping(t.getValueNode(), what, PRODUCT);
      List<String> aliases = y.strings(f.get("aliases"), what + ".aliases");
      List<String> images = y.strings(f.get("images"), what + ".images");
      for (String s : aliases) {
        if (s.isBlank()) {
          throw y.error(t.getKeyNode(), what + ": an alias is empty");
        }
      }
      List<String> kinds = y.strings(f.get("kinds"), what + ".kinds");
      if (out.put(id, new Names(aliases, images, kinds, source + ":" + y.line(t.getKeyNode()))) != null) {
        throw y.error(t.getKeyNode(), "duplicate product '" + id + "'");
      }
    }
    return new EndOfLifeNames(out);
  }
}
