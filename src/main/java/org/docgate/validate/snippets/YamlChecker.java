package org.docgate.validate.snippets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.docgate.config.DeclaredRules;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML 1.2 snippets, in process: every document is composed (not constructed, so custom tags such as {@code !Ref}
 * are fine), duplicate keys in any mapping are errors, Kubernetes objects must have a name and compose files must
 * follow the Compose Specification ({@link ComposeShape}).
 */
final class YamlChecker implements TextChecker {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  @Override
  public String kind() {
    return "yaml";
  }

  /** Placeholders as words, and a configuration reference's {@code [ key: <type> | default = x ]} notation. */
  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.YAML;
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    return LanguageGuess.inData(body, problemLine);
  }

  private final KubernetesShape kubernetes;
  private final ComposeShape compose;

  YamlChecker(KubernetesShape kubernetes, ComposeShape compose) {
    this.kubernetes = kubernetes;
    this.compose = compose;
  }

  /** Immutable once built, so one serves every snippet and thread. */
  private static final LoadSettings SETTINGS = LoadSettings.builder().setLabel("snippet")
      .setAllowDuplicateKeys(false).setMaxAliasesForCollections(1000).build();

  /** Advice for a YAML snippet that passed: an obsolete compose {@code version}. */
  @Override
  public Map<String, List<Hint>> hints(Collection<String> texts) {
    return Hint.perText(texts, t -> asHints(hints(t)));
  }

  private static List<Hint> asHints(List<ComposeShape.Hint> hints) {
    return hints.stream().map(h -> new Hint(RULES.rule("snippets/compose-version"), h.line(), 1, h.message())).toList();
  }

  /** Advice for a YAML snippet that passed: an obsolete compose {@code version}. */
  List<ComposeShape.Hint> hints(String text) {
    try {
      List<ComposeShape.Hint> hints = new ArrayList<>();
      for (Node document : new Compose(SETTINGS).composeAllFromString(text)) {
        hints.addAll(ComposeShape.hints(document));
      }
      return hints;
    } catch (YamlEngineException e) {
      return List.of();
    }
  }

  @Override
  public Optional<Problem> check(String text) {
    return judge(text).problem();
  }

  /** The problem, or the hints of the documents the check composed (a passing snippet is not composed again). */
  @Override
  public Judged judge(String text) {
    List<Node> documents = new ArrayList<>();
    Optional<Problem> problem = parse(text, documents);
    if (problem.isPresent()) {
      Problem p = problem.get();
      return new Judged(Optional.of(p.structural() ? p : FlattenedIndentation.cause(text, p)), null);
    }
    try {
      List<ComposeShape.Hint> hints = new ArrayList<>();
      for (Node document : documents) {
        hints.addAll(ComposeShape.hints(document));
      }
      return new Judged(Optional.empty(), asHints(hints));
    } catch (YamlEngineException e) {
      return new Judged(Optional.empty(), List.of());
    }
  }

  private Optional<Problem> parse(String text, List<Node> documents) {
    try {
      Optional<Problem> structural = Optional.empty();
      new Compose(SETTINGS).composeAllFromString(text).forEach(documents::add);
      if (documents.size() == 1 && documents.get(0) instanceof ScalarNode scalar && scalar.isPlain()
          && scalar.getValue().contains(" ") && text.strip().contains("\n")) {
        // a block that YAML reads as one plain string over several lines holds no data: prose or code (a Go struct)
        return Optional.of(Problem.syntax(1, 1, "YAML: the block is one multi-line string, not YAML data"));
      }
      for (Node document : documents) {
        Optional<Problem> duplicate = duplicateKey(document);
        if (duplicate.isPresent()) {
          return duplicate;
        }
        if (structural.isEmpty()) {
          structural = kubernetes.check(document).or(() -> compose.check(document));
        }
      }
      return structural;
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(1);
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      return Optional.of(Problem.syntax(line, column, "YAML: " + ParserMessages.yaml(context + e.getProblem())));
    } catch (YamlEngineException e) {
      return Optional.of(Problem.syntax(1, 1, "YAML: " + ParserMessages.yaml(e.getMessage())));
    }
  }

  /**
   * A block that is one key written again and again with scalar values ({@code type: a.created}, {@code type:
   * a.updated}): a list of example values, as a naming convention is shown, not a mapping anyone applies. Alternatives
   * mixed with other keys ({@code type}/{@code param} pairs) and repeats inside an object are still duplicates: a
   * copy keeps only the last.
   */
  private static boolean exampleValues(MappingNode mapping) {
    List<NodeTuple> entries = mapping.getValue();
    if (entries.size() < 2) {
      return false;
    }
    String first = entries.get(0).getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
    for (NodeTuple t : entries) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || !key.getValue().equals(first)
          || !(t.getValueNode() instanceof ScalarNode)) {
        return false;
      }
    }
    return true;
  }

  /** The first mapping with a key written twice (merge keys {@code <<} included), walked without recursion. */
  private static Optional<Problem> duplicateKey(Node root) {
    Deque<Node> todo = new ArrayDeque<>();
    Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    todo.push(root);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      if (!seen.add(node)) {
        continue; // aliases share nodes
      }
      if (node instanceof MappingNode mapping) {
        if (node == root && exampleValues(mapping)) {
          continue;
        }
        Set<String> keys = new HashSet<>();
        for (NodeTuple t : mapping.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
            int line = key.getStartMark().map(m -> m.getLine() + 1).orElse(1);
            int column = key.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
            return Optional.of(Problem.syntax(line, column, "YAML: duplicate key '" + key.getValue() + "'"));
          }
          todo.push(t.getKeyNode());
          todo.push(t.getValueNode());
        }
      } else if (node instanceof SequenceNode sequence) {
        sequence.getValue().forEach(todo::push);
      }
    }
    return Optional.empty();
  }
}
