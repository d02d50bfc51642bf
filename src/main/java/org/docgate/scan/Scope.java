package org.docgate.scan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.docgate.validate.Validator;

/**
 * Which documents a scan validates, and with which validators: every validator on every document (a scan), every
 * validator on a touched set (a pull request, named files), or, for the service, the validators split by what they
 * read, each on the documents an edit can have changed for it. Each {@link Group}'s results are kept apart per
 * document, so the service can replace one group's result and keep the others.
 */
public final class Scope {
  /** What a validator's result for a document depends on. */
  public enum Reach {
    /** The document alone (snippets, versions, terms). */
    DOCUMENT,
    /** The document and the files it links to (internal links). */
    LINKED,
    /** Every document (orphans, corpus counts, the shared external-link check). */
    CORPUS;

    public static Reach of(Validator v) {
      return v.corpusWide() ? CORPUS : v.readsLinkedDocuments() ? LINKED : DOCUMENT;
    }
  }

  /**
   * The validators of {@code reaches} run on {@code documents} (null: every document).
   *
   * @param name the key its results are kept under per document
   */
  public record Group(String name, Set<Reach> reaches, Set<String> documents) {
    public Group {
      reaches = Set.copyOf(reaches);
      documents = documents == null ? null : Set.copyOf(documents);
    }

    public boolean covers(String path) {
      return documents == null || documents.contains(path);
    }

    public boolean runs(Validator v) {
      return reaches.contains(Reach.of(v));
    }
  }

  private static final Set<Reach> EVERY = EnumSet.allOf(Reach.class);

  /** Every validator on every document. */
  public static final Scope ALL = new Scope(List.of(new Group("all", EVERY, null)));

  /** Nothing validated: the corpus listed, read and indexed only. */
  public static final Scope NONE = new Scope(List.of());

  private final List<Group> groups;

  public Scope(List<Group> groups) {
    this.groups = List.copyOf(groups);
  }

  /** Every validator on these documents only (a pull request's touched set, files named on the command line). */
  public static Scope only(Set<String> documents) {
    return new Scope(List.of(new Group("all", EVERY, documents)));
  }

  /**
   * The service's split: validators that read the document alone on {@code edited}, those that read linked
   * documents on {@code linking} (edited or linking into a touched path), the corpus-wide ones on every document.
   * Null sets mean every document.
   */
  public static Scope split(Set<String> edited, Set<String> linking) {
    return new Scope(List.of(
        new Group("document", Set.of(Reach.DOCUMENT), edited),
        new Group("linked", Set.of(Reach.LINKED), linking),
        new Group("corpus", Set.of(Reach.CORPUS), null)));
  }

  public List<Group> groups() {
    return groups;
  }

  /** Whether any group validates this document. */
  public boolean covers(String path) {
    return groups.stream().anyMatch(g -> g.covers(path));
  }

  /** Whether {@code v} runs on this document. */
  public boolean runs(Validator v, String path) {
    return groups.stream().anyMatch(g -> g.runs(v) && g.covers(path));
  }
}
