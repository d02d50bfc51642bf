package org.docgate.validate.snippets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.docgate.validate.snippets.run.RunSettings;
import org.snakeyaml.engine.v2.nodes.Node;

/** The strict loading of {@code rules/snippets/*.yaml} (the rules themselves are declared in its rules.yaml). */
public final class SnippetRules {
  static final String LANGUAGES_FILE = "snippets/languages.yaml";
  static final String KUBERNETES_FILE = "snippets/kubernetes.yaml";
  static final String COMPOSE_FILE = "snippets/compose.yaml";
  static final String RUN_FILE = "snippets/run.yaml";
  static final String SHELLCHECK_FILE = "snippets/shellcheck.yaml";
  static final String CACHE_FILE = "snippets/cache.yaml";
  static final String DOCKERFILE_FILE = "snippets/dockerfile.yaml";

  private SnippetRules() {}

  /** The language map of a rules folder; errors name the file and line. */
  static Languages languages(RuleFiles rules, Set<String> kinds) {
    return rules.load(LANGUAGES_FILE, (source, text) -> parseLanguages(source, text, kinds));
  }

  /** The language map; {@code kinds}: the checker kinds a language may name ({@link SnippetCheckers#kinds()}). */
  static Languages parseLanguages(String source, String text, Set<String> kinds) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(text, "the languages file", Set.of("languages"));
    Node list = top.get("languages");
    if (list == null) {
      throw new ConfigException(source + ": 'languages' is missing");
    }
    Map<String, Language> byWord = new HashMap<>();
    for (Map.Entry<String, Node> e : y.mapping(list, "languages", null).entrySet()) {
      String name = e.getKey();
      if (!name.matches("[a-z0-9][a-z0-9+#_-]*")) {
        throw y.error(e.getValue(), "language name '" + name + "' must be lower case letters, digits, + # _ -");
      }
      Map<String, Node> entry = y.mapping(e.getValue(), "language '" + name + "'", Set.of("aliases", "checker"));
      String checker = Language.NONE;
      if (entry.containsKey("checker")) {
        String label = y.scalar(entry.get("checker"), "checker of '" + name + "'");
        if (!kinds.contains(label)) {
          throw y.error(entry.get("checker"),
              "unknown checker '" + label + "' for '" + name + "' (expected one of " + String.join(", ", kinds) + ")");
        }
        checker = label;
      }
      Language language = new Language(name, checker);
      List<String> words = new ArrayList<>();
      words.add(name);
      words.addAll(y.strings(entry.get("aliases"), "aliases of '" + name + "'"));
      for (String word : words) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        Language other = byWord.put(w, language);
        if (other != null) {
          throw y.error(e.getValue(), "'" + w + "' is already a name or alias of '" + other.name() + "'");
        }
      }
    }
    return new Languages(byWord);
  }

  static KubernetesShape kubernetes(RuleFiles rules) {
    return rules.load(KUBERNETES_FILE, SnippetRules::parseKubernetes);
  }

  static KubernetesShape parseKubernetes(String source, String text) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(text, "the kubernetes file", Set.of("metadataOptional"));
    Map<String, Node> optional = y.mapping(top.get("metadataOptional"), "metadataOptional",
        Set.of("apiGroups", "kinds", "kindSuffixes"));
    return new KubernetesShape(Set.copyOf(y.strings(optional.get("apiGroups"), "apiGroups")),
        Set.copyOf(y.strings(optional.get("kinds"), "kinds")),
        List.copyOf(y.strings(optional.get("kindSuffixes"), "kindSuffixes")));
  }

  static ComposeShape compose(RuleFiles rules) {
    return rules.load(COMPOSE_FILE, SnippetRules::parseCompose);
  }

  static ComposeShape parseCompose(String source, String text) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(text, "the compose file",
        Set.of("topLevelKeys", "serviceKeys"));
    for (String key : List.of("topLevelKeys", "serviceKeys")) {
      if (!top.containsKey(key)) {
        throw new ConfigException(source + ": '" + key + "' is missing");
      }
    }
    return new ComposeShape(Set.copyOf(y.strings(top.get("topLevelKeys"), "topLevelKeys")),
        Set.copyOf(y.strings(top.get("serviceKeys"), "serviceKeys")));
  }

  /** Whether the subprocess checkers' verdicts are kept between runs; true when the file is absent. */
  static boolean cacheEnabled(RuleFiles rules) {
    return rules.read(CACHE_FILE).map(f -> parseCacheEnabled(f.source(), f.text())).orElse(true);
  }

  static boolean parseCacheEnabled(String source, String text) {
    YamlNodes y = YamlNodes.in(source);
    return y.bool(y.top(text, "the snippet cache file", Set.of("enabled")).get("enabled"), "enabled", true);
  }

  /** The sandbox limits; defaults when the file is absent. */
  public static RunSettings run(RuleFiles rules) {
    return rules.read(RUN_FILE).map(f -> parseRun(f.source(), f.text())).orElseGet(RunSettings::defaults);
  }

  static RunSettings parseRun(String source, String text) {
    YamlNodes y = YamlNodes.in(source);
    Set<String> keys = Set.of("enabled", "timeoutSeconds", "cpuSeconds", "memoryMb", "processes", "outputKb", "tmpMb");
    Map<String, Node> top = y.top(text, "the run file", keys);
    RunSettings d = RunSettings.defaults();
    boolean enabled = y.bool(top.get("enabled"), "enabled", d.enabled());
    try {
      return new RunSettings(enabled,
          java.time.Duration.ofSeconds(number(y, top, "timeoutSeconds", (int) d.timeout().toSeconds())),
          number(y, top, "cpuSeconds", d.cpuSeconds()), number(y, top, "memoryMb", d.memoryMb()),
          number(y, top, "processes", d.processes()), number(y, top, "outputKb", d.outputKb()),
          number(y, top, "tmpMb", d.tmpMb()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + e.getMessage());
    }
  }

  private static int number(YamlNodes y, Map<String, Node> top, String key, int fallback) {
    return y.integer(top.get(key), key, Integer.MIN_VALUE, fallback);
  }

  /** The ShellCheck codes not reported for snippets; none when the file is absent. */
  static Set<String> shellcheckExcluded(RuleFiles rules) {
    return rules.read(SHELLCHECK_FILE).map(f -> parseShellcheck(f.source(), f.text())).orElse(Set.of());
  }

  static Set<String> parseShellcheck(String source, String text) {
    return parseExcluded(source, text, "the shellcheck file", "SC", "a ShellCheck code");
  }

  /** The hadolint-style Dockerfile warnings not reported for snippets; none when the file is absent. */
  static Set<String> dockerfileExcluded(RuleFiles rules) {
    return rules.read(DOCKERFILE_FILE).map(f -> parseDockerfile(f.source(), f.text())).orElse(Set.of());
  }

  static Set<String> parseDockerfile(String source, String text) {
    return parseExcluded(source, text, "the dockerfile file", "DL", "a hadolint code");
  }

  /** An {@code exclude:} list of codes: {@code prefix} followed by 4 digits. */
  private static Set<String> parseExcluded(String source, String text, String what, String prefix, String name) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(text, what, Set.of("exclude"));
    Set<String> codes = new java.util.TreeSet<>();
    for (String code : y.strings(top.get("exclude"), "exclude")) {
      if (!code.matches(prefix + "\\d{4}")) {
        throw y.error(top.get("exclude"), "'" + code + "' is not " + name + " (" + prefix + " followed by 4 digits)");
      }
      codes.add(code);
    }
    return Set.copyOf(codes);
  }
}
