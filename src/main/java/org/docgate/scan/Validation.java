package org.docgate.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.PreparedCorpus;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;

/**
 * Pipeline stage 4, around the per-document split: the validators' corpus step once ({@link #prepare}), then each
 * document in scope validated by the validators its scope groups name ({@link #validate}): the request's own validators
 * when it brings its settings, else the pipeline's. Thread-safe.
 */
public final class Validation {
  private final ValidatorRegistry registry;

  public Validation(ValidatorRegistry registry) {
    this.registry = registry;
  }

  /** Each validator prepared for the documents it will validate; the documents in scope listed for the split. */
  public PreparedScan prepare(ScanRequest request, IndexedCorpus indexed) {
    Scope scope = request.scope();
    ValidatorRegistry registry = registry(request);
    // the previous scan's per-document values of unchanged documents (the service): an edit recomputes one part
    IndexedCorpus before = request.previous().indexed();
    if (before != null) {
      indexed.index().inherit(before.index());
    }
    // a group none of the chosen validators belongs to validates nothing: its documents need not be split out
    List<Scope.Group> working = scope.groups().stream().filter(g -> runsAny(registry, g)).toList();
    List<MarkdownDocument> inScope = covered(indexed.documents(), working);
    if (scope.groups().isEmpty()) { // read and indexed only: no validator has anything to prepare for
      return new PreparedScan(request, indexed, PreparedCorpus.NONE, inScope);
    }
    PreparedCorpus prepared = registry.prepare(indexed.index(),
        v -> covered(inScope, scope.groups().stream().filter(g -> g.runs(v)).toList()),
        request.previous().prepared());
    if (working.stream().noneMatch(Scope.Group::perValidator)) {
      return new PreparedScan(request, indexed, prepared, inScope);
    }
    List<Scope.Group> groups = new ArrayList<>();
    for (Scope.Group g : working) {
      if (!g.perValidator()) {
        groups.add(g);
        continue;
      }
      for (Validator v : registry.validators()) {
        if (g.runs(v)) {
          groups.add(g.of(v, named(g, v, registry, prepared, request, indexed)));
        }
      }
    }
    List<Scope.Group> split = groups.stream().filter(g -> runsAny(registry, g)).toList();
    List<MarkdownDocument> toValidate = covered(inScope, split);
    return new PreparedScan(request, indexed, prepared, toValidate, split);
  }

  /**
   * The documents of {@code g} that {@code v} validates in this scan: those its corpus step names, and those whose
   * kept result cannot stand (none kept, another document object than the previous scan's, or a crash kept); null:
   * every document of the group.
   */
  private static Set<String> named(Scope.Group g, Validator v, ValidatorRegistry registry, PreparedCorpus prepared,
      ScanRequest request, IndexedCorpus indexed) {
    Set<String> named = registry.revalidate(v, prepared, request.previous().prepared());
    IndexedCorpus before = request.previous().indexed();
    if (named == null || before == null) {
      return g.documents();
    }
    Map<String, MarkdownDocument> was = before.index().documents();
    String key = g.of(v, null).name();
    Set<String> on = new HashSet<>();
    for (MarkdownDocument d : indexed.documents()) {
      if (!g.covers(d.path())) {
        continue;
      }
      DocumentResult kept = request.previous().results().get(d.path());
      ValidationResult result = kept == null ? null : kept.byGroup().get(key);
      if (named.contains(d.path()) || result == null || was.get(d.path()) != d || crashed(result)) {
        on.add(d.path());
      }
    }
    return on;
  }

  private static boolean crashed(ValidationResult result) {
    List<Finding> findings = result.findings();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).rule().equals(ValidatorCatalog.INTERNAL_ERROR.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The documents one of {@code groups} covers, in their order; {@code documents} itself when a group covers every
   * one (the service's corpus-wide group: a stream and a lambda per document and validator were a tenth of the
   * pipeline's allocation per edit on k8s-enhancements).
   */
  private static List<MarkdownDocument> covered(List<MarkdownDocument> documents, List<Scope.Group> groups) {
    if (groups.stream().anyMatch(g -> g.documents() == null)) {
      return documents;
    }
    List<MarkdownDocument> out = new ArrayList<>();
    for (MarkdownDocument d : documents) {
      for (Scope.Group g : groups) {
        if (g.covers(d.path())) {
          out.add(d);
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /** One document: a result per scope group that covers it. */
  public DocumentResult validate(MarkdownDocument document, PreparedScan scan) {
    Map<String, ValidationResult> byGroup = new LinkedHashMap<>();
    ValidatorRegistry registry = registry(scan.request());
    for (Scope.Group group : scan.groups()) {
      if (group.covers(document.path()) && runsAny(registry, group)) {
        byGroup.put(group.name(), registry.validate(document, scan.indexed().index(), scan.prepared(),
            (Validator v) -> group.runs(v)));
      }
    }
    return new DocumentResult(document.path(), byGroup);
  }

  private ValidatorRegistry registry(ScanRequest request) {
    return request.settings() == null ? registry : request.settings().registry();
  }

  private static boolean runsAny(ValidatorRegistry registry, Scope.Group group) {
    return registry.validators().stream().anyMatch(group::runs);
  }
}
