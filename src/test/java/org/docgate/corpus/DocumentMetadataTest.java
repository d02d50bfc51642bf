package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
