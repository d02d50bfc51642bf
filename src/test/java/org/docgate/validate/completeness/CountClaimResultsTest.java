package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * A document with count claims keeps its result on the next index while what its claims were compared with holds
 * (the listing, and the subject's size in the claim's unit); an edit that changes those sizes checks it again and
 * finds what a fresh validator finds (issue 21.3: every such document was checked again on every edit).
 */
class CountClaimResultsTest {
  private final MarkdownParser parser = new MarkdownParser();
  private final Map<String, MarkdownDocument> docs = new HashMap<>();
  private final CompletenessConfig config = CompletenessConfig.load(RuleFiles.packaged());

  private void put(String path, String text) {
    docs.put(path, parser.parse(path, text));
  }

  private CorpusIndex index() {
    Set<String> dirs = new HashSet<>(Set.of(""));
    docs.keySet().forEach(p -> dirs.add(p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : ""));
    return new CorpusIndex(Path.of("/nonexistent-fake-corpus"), docs.keySet(), dirs, docs);
  }

  private CompletenessValidator validator() {
    SourceLines memory = (i, p) -> Optional.ofNullable(docs.get(p)).map(d -> d.source().lines().toList());
    return new CompletenessValidator(config, Map.of(), memory);
  }

  private static ValidationResult validate(CompletenessValidator validator, CorpusIndex index, String path) {
    return validator.validate(index.documents().get(path), index,
        validator.prepare(index, index.documents().values(), org.docgate.validate.Prepared.NONE));
  }

  @Test
  void aCountClaimsResultIsKeptWhileTheSizesItReadHold() {
    put("README.md", "# 项目\n\n- [docs](docs/README.md): 3篇文档\n- [guide](guide/a.md)\n\n`guide/`: 2行\n");
    put("docs/README.md", "# Docs\n\n[a](a.md) [b](b.md)\n");
    put("docs/a.md", "# A\n");
    put("docs/b.md", "# B\n");
    put("guide/a.md", "# 指南\n");
    CompletenessValidator validator = validator();
    ValidationResult first = validate(validator, index(), "README.md");
    assertThat(first.findings()).extracting(Finding::rule).doesNotContain("completeness/stale-count");
    long checked = validator.checked();

    put("docs/a.md", "# A\n\n更长的一段。\n\n又一段。\n");
    CorpusIndex linesInDocs = index();
    assertThat(validate(validator, linesInDocs, "README.md")).as("docs/ has as many documents; README not checked")
        .isSameAs(first);
    assertThat(validator.checked() - checked).as("only the documents whose facts changed")
        .isLessThan(linesInDocs.documents().size());

    put("guide/a.md", "# 指南\n\n一\n\n二\n\n三\n\n四\n\n五\n\n六\n");
    CorpusIndex linesInGuide = index();
    ValidationResult edited = validate(validator, linesInGuide, "README.md");
    assertThat(edited).as("guide/ holds more lines than the claim says").isNotSameAs(first);
    assertThat(edited.findings()).extracting(Finding::line, Finding::rule)
        .contains(org.assertj.core.groups.Tuple.tuple(6, "completeness/stale-count"));
    assertThat(edited.findings()).isEqualTo(validate(validator(), linesInGuide, "README.md").findings());
  }

  @Test
  void aListingsKeptResultFollowsTheTextOfThePagesItExcused() {
    // a page the list leaves out is excused while it is a stub that only says TODO; written out, it is an omission
    put("book/README.md", "# Book\n\n1. [A](a.md)\n2. [B](b.md)\n3. [C](c.md)\n4. [D](d.md)\n");
    for (String n : new String[] {"a", "b", "c", "d"}) {
      put("book/" + n + ".md", "# " + n + "\n\nA page of the book, with a paragraph of its own.\n");
    }
    put("book/e.md", "# E\n\n**TODO**: write this page.\n");
    put("book/d.md", "# d\n\nSee [E](e.md).\n");
    CompletenessValidator validator = validator();
    ValidationResult first = validate(validator, index(), "book/README.md");
    assertThat(first.findings()).extracting(Finding::rule).doesNotContain("completeness/incomplete-listing");

    put("book/e.md", "# E\n\nThe page written out: a first paragraph.\n\nA second paragraph.\n");
    CorpusIndex written = index();
    ValidationResult again = validate(validator, written, "book/README.md");
    assertThat(again.findings()).extracting(Finding::rule).contains("completeness/incomplete-listing");
    assertThat(again.findings()).isEqualTo(validate(validator(), written, "book/README.md").findings());
  }

  @Test
  void anOrphansKeptResultFollowsTheEntryPointLineThatNamesIt() {
    put("README.md", "# 项目\n\n- [guide](guide/README.md)\n");
    put("guide/README.md", "# 指南\n\n├── a.md\n");
    put("guide/a.md", "# A\n");
    CompletenessValidator validator = validator();
    assertThat(validate(validator, index(), "guide/a.md").findings()).extracting(Finding::message)
        .anyMatch(m -> m.contains("guide/README.md:3 names it"));

    put("guide/README.md", "# 指南\n\n目录：\n\n├── a.md\n"); // guide/a.md is the same object: only the README changed
    CorpusIndex moved = index();
    assertThat(validate(validator, moved, "guide/a.md").findings()).extracting(Finding::message)
        .as("the message cites the line that names it now, as a fresh validator does")
        .anyMatch(m -> m.contains("guide/README.md:5 names it"))
        .isEqualTo(validate(validator(), moved, "guide/a.md").findings().stream().map(Finding::message).toList());
  }
}
