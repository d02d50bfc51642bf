package org.docgate.validate.completeness;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;

/** An in-memory corpus of Markdown texts, validated without touching the disk (its source lines come from memory). */
final class FakeCorpus {
  private final Map<String, String> texts = new HashMap<>();
  private CompletenessConfig config = CompletenessConfig.load(RuleFiles.packaged());
  private Map<String, Optional<Severity>> overrides = Map.of();

  FakeCorpus with(String path, String markdown) {
    texts.put(path, markdown);
    return this;
  }

  FakeCorpus config(String yaml) {
    config = CompletenessConfig.parse("test.yaml", yaml);
    return this;
  }

  FakeCorpus severity(String rule, Optional<Severity> severity) {
    overrides = Map.of(rule, severity);
    return this;
  }

  CorpusIndex index() {
    MarkdownParser parser = new MarkdownParser();
    Map<String, MarkdownDocument> docs = new HashMap<>();
    Set<String> dirs = new HashSet<>(Set.of(""));
    texts.forEach((path, text) -> {
      docs.put(path, parser.parse(path, text));
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        dirs.add(path.substring(0, slash));
      }
    });
    return new CorpusIndex(Path.of("/nonexistent-fake-corpus"), texts.keySet(), dirs, docs);
  }

  ValidationResult validate(String path) {
    CorpusIndex index = index();
    SourceLines memory = (i, p) -> Optional.ofNullable(texts.get(p)).map(t -> t.lines().toList());
    return new CompletenessValidator(config, overrides, memory).validate(index.documents().get(path), index);
  }

  List<Finding> findings(String path) {
    return validate(path).findings();
  }

  /** {@code line:rule} of every finding, in order. */
  List<String> summary(String path) {
    return findings(path).stream().map(f -> f.line() + ":" + f.rule()).sorted().toList();
  }
}
