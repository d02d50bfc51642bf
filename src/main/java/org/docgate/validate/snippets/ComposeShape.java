package org.docgate.validate.snippets;

import static org.docgate.validate.snippets.SnippetMappings.key;
import static org.docgate.validate.snippets.SnippetMappings.keys;
import static org.docgate.validate.snippets.SnippetMappings.name;
import static org.docgate.validate.snippets.SnippetMappings.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The structure of a docker-compose file ({@code rules/snippets/compose.yaml}): known top-level and service keys,
 * every service a mapping with {@code image}, {@code build} or {@code extends}, {@code ports} in the short syntax or
 * as mappings, {@code depends_on} naming services of the file. A document is a compose file only when it says so (a
 * top-level {@code services} plus {@code version}, {@code include}, or a service with {@code image} or
 * {@code build}), so other YAML with a {@code services} key is never judged.
 */
record ComposeShape(Set<String> topLevelKeys, Set<String> serviceKeys) {
  private static final String MERGE = "<<";
  private static final Pattern PORT = Pattern.compile("\\d{1,5}(-\\d{1,5})?");
  private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  /** Interpolation ({@code ${PORT}}), placeholders ({@code <port>}) and templates: not judged. */
  private static final Pattern VARIABLE = Pattern.compile("[$<>{}]");

  ComposeShape {
    topLevelKeys = Set.copyOf(topLevelKeys);
    serviceKeys = Set.copyOf(serviceKeys);
  }

  /** A line of a snippet's body (1-based) and what to tell the author there. */
  record Hint(int line, String message) {}

  /** Whether a composed YAML document is a compose file by the rule above. */
  static boolean isCompose(Node document) {
    if (!(document instanceof MappingNode root) || value(root, "services") == null) {
      return false;
    }
    if (value(root, "version") != null || value(root, "include") != null) {
      return true;
    }
    if (value(root, "services") instanceof MappingNode services) {
      for (NodeTuple t : services.getValue()) {
        if (t.getValueNode() instanceof MappingNode service
            && (keys(service).containsKey("image") || keys(service).containsKey("build"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first structural problem of a compose file, if the document is one. */
  Optional<Problem> check(Node document) {
    if (!isCompose(document)) {
      return Optional.empty();
    }
    MappingNode root = (MappingNode) document;
    for (NodeTuple t : root.getValue()) {
      String key = name(t.getKeyNode());
      if (key != null && !key.startsWith("x-") && !topLevelKeys.contains(key)) {
        return problem(t.getKeyNode(), "compose: unknown top-level key '" + key + "'" + suggestion(key, topLevelKeys)
            + " (the Compose Specification allows " + String.join(", ", sorted(topLevelKeys)) + " and x-*)");
      }
    }
    Node servicesNode = value(root, "services");
    if (!(servicesNode instanceof MappingNode services)) {
      return problem(servicesNode, "compose: 'services' must be a mapping of service names to services");
    }
    Map<String, Node> names = keys(services);
    for (NodeTuple t : services.getValue()) {
      String name = name(t.getKeyNode());
      if (name == null) {
        continue;
      }
      if (!(t.getValueNode() instanceof MappingNode service)) {
        return problem(t.getKeyNode(), "compose: service '" + name + "' must be a mapping (image, ports...)");
      }
      Optional<Problem> p = checkService(name, t.getKeyNode(), service, names, value(root, "include") != null);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** Advice for a compose file that is valid: a top-level {@code version} is obsolete. */
  static List<Hint> hints(Node document) {
    if (!isCompose(document)) {
      return List.of();
    }
    Node version = key((MappingNode) document, "version");
    if (version == null) {
      return List.of();
    }
    return List.of(new Hint(line(version), "compose: the top-level 'version' is obsolete: the Compose Specification"
        + " ignores it (docker compose warns); remove it"));
  }

  private Optional<Problem> checkService(String name, Node at, MappingNode service, Map<String, Node> services,
      boolean includes) {
    for (NodeTuple t : service.getValue()) {
      String key = name(t.getKeyNode());
      if (key != null && !key.equals(MERGE) && !key.startsWith("x-") && !serviceKeys.contains(key)) {
        return problem(t.getKeyNode(), "compose: service '" + name + "' has unknown key '" + key + "'"
            + suggestion(key, serviceKeys));
      }
    }
    Map<String, Node> own = keys(service);
    Map<String, Node> all = withMerged(service);
    if (!all.containsKey("image") && !all.containsKey("build") && !all.containsKey("extends")) {
      return problem(at, "compose: service '" + name + "' has neither 'image' nor 'build'");
    }
    Node ports = own.get("ports");
    if (ports != null) {
      if (!(ports instanceof SequenceNode list)) {
        return problem(ports, "compose: 'ports' of service '" + name + "' must be a list");
      }
      for (Node item : list.getValue()) {
        if (item instanceof ScalarNode s && !validPort(s.getValue())) {
          return problem(item, "compose: port '" + s.getValue() + "' of service '" + name + "' is not"
              + " [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]");
        }
        if (item instanceof SequenceNode) {
          return problem(item, "compose: a port of service '" + name + "' must be a string, a number or a mapping");
        }
      }
    }
    Node dependsOn = own.get("depends_on");
    if (dependsOn != null && !includes) {
      List<Node> needed = new ArrayList<>();
      if (dependsOn instanceof SequenceNode list) {
        needed.addAll(list.getValue());
      } else if (dependsOn instanceof MappingNode map) {
        map.getValue().forEach(t -> needed.add(t.getKeyNode()));
      } else {
        return problem(dependsOn, "compose: 'depends_on' of service '" + name + "' must be a list or a mapping");
      }
      for (Node n : needed) {
        if (n instanceof ScalarNode s && !VARIABLE.matcher(s.getValue()).find()
            && !services.containsKey(s.getValue())) {
          return problem(n, "compose: service '" + name + "' depends on '" + s.getValue()
              + "', which is not a service of this file");
        }
      }
    }
    return Optional.empty();
  }

  /** The short port syntax: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ports or ranges. */
  static boolean validPort(String value) {
    String v = value.strip();
    if (VARIABLE.matcher(v).find()) {
      return true;
    }
    v = v.replaceFirst("(?i)/(tcp|udp|sctp)$", "");
    int last = v.lastIndexOf(':');
    if (last < 0) {
      return port(v);
    }
    String container = v.substring(last + 1);
    String rest = v.substring(0, last);
    int hostAt = rest.lastIndexOf(':');
    if (rest.startsWith("[") && rest.endsWith("]")) { // [::1]:80: an address and the container port
      return IP.matcher(rest).matches() && port(container);
    }
    if (hostAt < 0) {
      return port(rest) && port(container);
    }
    String host = rest.substring(hostAt + 1);
    String ip = rest.substring(0, hostAt);
    return IP.matcher(ip).matches() && (host.isEmpty() || port(host)) && port(container);
  }

  private static boolean port(String s) {
    if (!PORT.matcher(s).matches()) {
      return false;
    }
    for (String p : s.split("-")) {
      if (Integer.parseInt(p) > 65535) {
        return false;
      }
    }
    return true;
  }

  /** Keys of a mapping and of the mappings merged into it with {@code <<}. */
  private static Map<String, Node> withMerged(MappingNode mapping) {
    Map<String, Node> all = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      String key = name(t.getKeyNode());
      if (MERGE.equals(key)) {
        Node merged = t.getValueNode();
        List<Node> sources = merged instanceof SequenceNode s ? s.getValue() : List.of(merged);
        for (Node source : sources) {
          if (source instanceof MappingNode m) {
            keys(m).forEach(all::putIfAbsent);
          }
        }
      } else if (key != null) {
        all.put(key, t.getValueNode());
      }
    }
    return all;
  }

  private static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : sorted(known)) {
      int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }

  private static Optional<Problem> problem(Node at, String message) {
    int column = at.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
    return Optional.of(new Problem(line(at), column, message, true));
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }
}
