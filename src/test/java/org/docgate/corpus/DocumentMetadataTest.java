package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KEP's documents all read the {@code kep.yaml} beside them, and the service asks again on every index: the file is
 * read from the disk once per index, its YAML parsed once per text (issue 21.3: parsing it again for every document on
 * every edit was a third of an edit's validation on k8s-enhancements).
 */
class DocumentMetadataTest {
  @TempDir Path corpus;

  private final MarkdownParser parser = new MarkdownParser();
  private static final List<String> FILES = List.of("kep.yaml");
  private static final List<String> KEYS = List.of("status");

  private CorpusIndex index(Map<String, MarkdownDocument> docs) {
    return new CorpusIndex(corpus, Set.of("keps/1/README.md", "keps/1/notes.md", "keps/1/kep.yaml"),
        Set.of("", "keps", "keps/1"), docs);
  }

  @Test
  void aMetadataFileIsParsedOncePerTextAcrossIndexesAndReadAgainWhenItChanges() throws IOException {
    Files.createDirectories(corpus.resolve("keps/1"));
    Files.writeString(corpus.resolve("keps/1/kep.yaml"), "title: One\nstatus: implementable\n");
    MarkdownDocument readme = parser.parse("keps/1/README.md", "# One\n");
    MarkdownDocument notes = parser.parse("keps/1/notes.md", "# Notes\n");
    Map<String, MarkdownDocument> docs = Map.of(readme.path(), readme, notes.path(), notes);

    DocumentMetadata first = DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs)));
    assertThat(first.value(KEYS)).isEqualTo("implementable");
    assertThat(first.source()).isEqualTo("keps/1/kep.yaml");
    assertThat(DocumentMetadata.of(notes, FILES, KEYS, DocumentMetadata.of(index(docs))))
        .as("another document and another index, the same text: the values parsed before").isSameAs(first);

    Files.writeString(corpus.resolve("keps/1/kep.yaml"), "title: One\nstatus: implemented\n");
    DocumentMetadata edited = DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs)));
    assertThat(edited.value(KEYS)).as("a new index reads the file again").isEqualTo("implemented");
  }

  @Test
  void aSettledFileIsReadAgainOnlyWhenItsSizeOrTimeChangedAndARecentOneEveryTime() throws IOException {
    Path kep = Files.createDirectories(corpus.resolve("keps/1")).resolve("kep.yaml");
    FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
    Files.writeString(kep, "title: One\nstatus: deferred\n");
    Files.setLastModifiedTime(kep, hourAgo);
    MarkdownDocument readme = parser.parse("keps/1/README.md", "# One\n");
    Map<String, MarkdownDocument> docs = Map.of(readme.path(), readme);
    long reads = DocumentMetadata.DISK_READS.get();
    assertThat(DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs))).value(KEYS))
        .isEqualTo("deferred");
    assertThat(DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs))).value(KEYS))
        .isEqualTo("deferred");
    assertThat(DocumentMetadata.DISK_READS.get()).as("the next index: a stat, no read").isEqualTo(reads + 1);

    // the same size, another time: read again
    Files.writeString(kep, "title: One\nstatus: rejected\n");
    Files.setLastModifiedTime(kep, FileTime.from(Instant.now().minusSeconds(1800)));
    assertThat(DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs))).value(KEYS))
        .isEqualTo("rejected");
    assertThat(DocumentMetadata.DISK_READS.get()).isEqualTo(reads + 2);

    // modified just now: a same-size rewrite within the timestamp's tick would keep the time, so read every time
    Files.writeString(kep, "title: One\nstatus: accepted\n");
    DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs)));
    Files.writeString(kep, "title: One\nstatus: deferred\n");
    assertThat(DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs))).value(KEYS))
        .isEqualTo("deferred");
    assertThat(DocumentMetadata.DISK_READS.get()).isEqualTo(reads + 4);
  }

  /**
   * An unchanged document's metadata is taken over by the next index while the files it read give the same texts: its
   * front matter and the names of the files beside it are not looked at again (issue 21.3: 4 ms of an edit on
   * k8s-enhancements); an edited metadata file or document is resolved again.
   */
  @Test
  void anUnchangedDocumentKeepsItsMetadataWhileItsFileReadsTheSame() throws IOException {
    Path kep = corpus.resolve("keps/1/kep.yaml");
    Files.createDirectories(kep.getParent());
    Files.writeString(kep, "title: One\nstatus: implementable\n");
    Files.setLastModifiedTime(kep, FileTime.from(Instant.now().minusSeconds(3600)));
    MarkdownDocument readme = parser.parse("keps/1/README.md", "# One\n");
    Map<String, MarkdownDocument> docs = Map.of(readme.path(), readme);
    long resolved = DocumentMetadata.RESOLUTIONS.get();
    DocumentMetadata first = DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs)));
    assertThat(DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs)))).isSameAs(first);
    assertThat(DocumentMetadata.RESOLUTIONS.get()).as("the next index takes it over").isEqualTo(resolved + 1);

    Files.writeString(kep, "title: One\nstatus: implemented\n");
    Files.setLastModifiedTime(kep, FileTime.from(Instant.now().minusSeconds(1800)));
    assertThat(DocumentMetadata.of(readme, FILES, KEYS, DocumentMetadata.of(index(docs))).value(KEYS))
        .isEqualTo("implemented");
    MarkdownDocument edited = parser.parse("keps/1/README.md", "---\nstatus: withdrawn\n---\n# One\n");
    assertThat(DocumentMetadata.of(edited, FILES, KEYS, DocumentMetadata.of(index(Map.of(edited.path(), edited))))
        .value(KEYS)).isEqualTo("withdrawn");
    assertThat(DocumentMetadata.RESOLUTIONS.get()).isEqualTo(resolved + 3);
  }

  /** The front matter is read from the source's first lines: any line break, "..." closing, none unclosed. */
  @Test
  void frontMatterIsReadFromTheTopOfTheSource() {
    assertThat(DocumentMetadata.frontMatter("---\r\nstatus: implemented\r\n...\r\n# Title\r\n").value(KEYS))
        .isEqualTo("implemented");
    assertThat(DocumentMetadata.frontMatter("---\nstatus: implemented\n  ---  \nbody\n---\n").value(KEYS))
        .isEqualTo("implemented");
    assertThat(DocumentMetadata.frontMatter("---\nstatus: implemented\n")).isEqualTo(DocumentMetadata.NONE);
    assertThat(DocumentMetadata.frontMatter("# Title\n---\nstatus: implemented\n---\n"))
        .isEqualTo(DocumentMetadata.NONE);
    assertThat(DocumentMetadata.frontMatter("")).isEqualTo(DocumentMetadata.NONE);
  }
}
