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
   * @param validator when not null, only the validator of this id runs (a group split per validator)
   * @param perValidator the service's corpus-wide group: the scan splits it into one group per validator, each on
   *     the documents its prepared state names ({@link org.docgate.validate.Prepared#revalidate()}) within
   *     {@code documents}, its results kept per document under {@code name:id}
   */
  public record Group(String name, Set<Reach> reaches, Set<String> documents, String validator,
      boolean perValidator) {
    public Group {
      reaches = Set.copyOf(reaches);
      documents = documents == null ? null : Set.copyOf(documents);
    }

    public Group(String name, Set<Reach> reaches, Set<String> documents) {
      this(name, reaches, documents, null, false);
    }

    public boolean covers(String path) {
      return documents == null || documents.contains(path);
    }

    public boolean runs(Validator v) {
      return reaches.contains(Reach.of(v)) && (validator == null || validator.equals(v.id()));
    }

    /** This group's part for one validator, on these documents (null: every one). */
    public Group of(Validator v, Set<String> on) {
      return new Group(name + ":" + v.id(), reaches, on, v.id(), false);
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
   * documents on {@code linking} (edited or linking into a touched path), each corpus-wide one on the documents its
   * corpus step names (see {@link Group#perValidator()}). Null sets mean every document.
   */
  public static Scope split(Set<String> edited, Set<String> linking) {
    return new Scope(List.of(
        new Group("document", Set.of(Reach.DOCUMENT), edited),
        new Group("linked", Set.of(Reach.LINKED), linking),
        new Group("corpus", Set.of(Reach.CORPUS), null, null, true)));
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
