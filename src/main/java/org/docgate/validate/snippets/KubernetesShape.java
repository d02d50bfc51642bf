package org.docgate.validate.snippets;

import static org.docgate.validate.snippets.SnippetMappings.key;
import static org.docgate.validate.snippets.SnippetMappings.value;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The structure a Kubernetes object must have: {@code metadata.name} or {@code metadata.generateName}. */
record KubernetesShape(Set<String> optionalGroups, Set<String> optionalKinds, List<String> optionalKindSuffixes) {

  /** A problem with a composed YAML document, if it is a Kubernetes object missing its name. */
  Optional<Problem> check(Node document) {
    if (!(document instanceof MappingNode root)) {
      return Optional.empty();
    }
    Node apiVersion = value(root, "apiVersion");
    Node kind = value(root, "kind");
    if (!(apiVersion instanceof ScalarNode version) || !(kind instanceof ScalarNode kindScalar)) {
      return Optional.empty();
    }
    String group = version.getValue().contains("/")
        ? version.getValue().substring(0, version.getValue().indexOf('/')) : "";
    String k = kindScalar.getValue();
    if (optionalGroups.contains(group) || optionalKinds.contains(k)
        || optionalKindSuffixes.stream().anyMatch(s -> k.endsWith(s) && !k.equals(s))) {
      return Optional.empty();
    }
    Node metadata = value(root, "metadata");
    if (metadata instanceof MappingNode m && (value(m, "name") != null || value(m, "generateName") != null)) {
      return Optional.empty();
    }
    Node at = metadata != null ? key(root, "metadata") : kind;
    int line = at.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
    String what = metadata == null ? "no metadata" : "metadata without name or generateName";
    // docs show objects in part (a Pod's affinity, a Job's policy): an excerpt, not a broken manifest
    return Optional.of(Problem.excerpt(line, 1,
        "Kubernetes " + k + " (" + version.getValue() + ") has " + what));
  }
}
