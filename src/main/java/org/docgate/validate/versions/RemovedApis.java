package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code rules/versions/removed-apis.yaml}: Kubernetes apiVersions removed from the API server, by group/version and
 * kind (the file names its source, the Kubernetes "Deprecated API Migration Guide"). Read strictly (file:line
 * errors); immutable; pure.
 *
 * @param removals every kind the file names, entry by entry, in the file's order
 */
public record RemovedApis(List<Removal> removals) {
  public static final String FILE = "versions/removed-apis.yaml";
  private static final Set<String> TOP = Set.of("removed");
  private static final Set<String> ENTRY = Set.of("apiVersion", "kinds", "removedIn", "replacement");

  public RemovedApis {
    removals = List.copyOf(removals);
  }

  /**
   * One removal.
   *
   * @param kind the kind the guide lists as no longer served at that apiVersion
   * @param replacement the apiVersion to use instead
   */
  public record Removal(String apiVersion, String kind, Version removedIn, String replacement) {}

  /** The removals of the rules folder (the user's copy first; the packaged rules have the file). */
  public static RemovedApis load(RuleFiles rules) {
    return rules.load(FILE, RemovedApis::parse);
  }

  public static RemovedApis parse(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "the removed apiVersions", TOP);
    List<Removal> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (!(top.get("removed") instanceof SequenceNode removed)) {
      throw top.containsKey("removed") ? y.error(top.get("removed"), "removed must be a list")
          : new ConfigException(source + ": no 'removed' list");
    }
    for (Node entry : removed.getValue()) {
      Map<String, Node> f = y.mapping(entry, "an entry of removed", ENTRY);
      for (String key : ENTRY) {
        if (!f.containsKey(key)) {
          throw y.error(entry, "an entry of removed has no " + key);
        }
      }
      String apiVersion = y.scalar(f.get("apiVersion"), "apiVersion").strip();
      String what = "removed " + apiVersion;
      String replacement = y.scalar(f.get("replacement"), what + ".replacement").strip();
      Version removedIn;
      try {
        removedIn = Version.parse(y.scalar(f.get("removedIn"), what + ".removedIn"), VersionScheme.DOTTED);
      } catch (IllegalArgumentException e) {
        throw y.error(f.get("removedIn"), what + ".removedIn: " + e.getMessage());
      }
      List<String> kinds = y.strings(f.get("kinds"), what + ".kinds");
      if (apiVersion.isEmpty() || replacement.isEmpty() || kinds.isEmpty()) {
        throw y.error(entry, what + ": apiVersion, kinds and replacement must not be empty");
      }
      for (String kind : kinds) {
        if (kind.isBlank() || !seen.add(apiVersion + " " + kind.strip())) {
          throw y.error(f.get("kinds"), what + ": kind '" + kind + "' is empty or listed twice for this apiVersion");
        }
        out.add(new Removal(apiVersion, kind.strip(), removedIn, replacement));
      }
    }
    return new RemovedApis(out);
  }

  /**
   * The removal that applies to an apiVersion and kind. Without a kind, the latest removal of that apiVersion
   * (so an unknown kind is never said to be removed earlier than it was); a kind the file does not name at that
   * apiVersion, none.
   */
  public Optional<Removal> lookup(String apiVersion, String kind) {
    Removal latest = null;
    for (Removal r : removals) {
      if (!r.apiVersion().equals(apiVersion)) {
        continue;
      }
      if (kind != null && r.kind().equals(kind)) {
        return Optional.of(r);
      }
      if (kind == null && (latest == null || r.removedIn().compareTo(latest.removedIn()) > 0)) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }
}
