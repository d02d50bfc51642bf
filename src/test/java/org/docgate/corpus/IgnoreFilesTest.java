package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.config.DocgateConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IgnoreFilesTest {

  /** One .gitignore at the corpus root; the examples are those of git's gitignore documentation. */
  @ParameterizedTest(name = "{0} → {1} {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      hello.*                  | hello.txt           | false | true
      hello.*                  | a/hello.md          | false | true
      hello.*                  | hell.md             | false | false
      doc/frotz/               | doc/frotz           | true  | true
      doc/frotz/               | a/doc/frotz         | true  | false
      frotz/                   | a/frotz             | true  | true
      frotz/                   | a/frotz             | false | false
      foo/*                    | foo/test.json       | false | true
      foo/*                    | foo/bar             | true  | true
      foo/*                    | a/foo/test.json     | false | false
      **/foo                   | x/y/foo             | false | true
      abc/**                   | abc/d/e.md          | false | true
      a/**/b                   | a/b                 | false | true
      a/**/b                   | a/x/y/b             | false | true
      *.md\\n!README.md        | README.md           | false | false
      *.md\\n!README.md        | guide.md            | false | true
      /*\\n!/foo\\n/foo/*\\n!/foo/bar | foo/bar       | true  | false
      /*\\n!/foo\\n/foo/*\\n!/foo/bar | foo/baz       | true  | true
      /*\\n!/foo\\n/foo/*\\n!/foo/bar | other.md      | false | true
      \\#notacomment           | #notacomment        | false | true
      """)
  void gitsDocumentedExamples(String rules, String path, boolean directory, boolean ignored, @TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve(".gitignore"), rules.replace("\\n", "\n") + "\n");
    IgnoreFiles files = IgnoreFiles.above(dir);
    files.enter(dir, "");
    assertThat(files.isIgnored(path, directory)).isEqualTo(ignored);
  }

  @Test
  void aDeeperFileWinsAndDocgateignoreIsReadAfterGitignore(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve(".gitignore"), "*.md\n");
    Files.writeString(dir.resolve(".docgateignore"), "!keep.md\n");
    Files.writeString(dir.resolve("docs/.gitignore"), "!*.md\n");
    IgnoreFiles files = IgnoreFiles.above(dir);
    files.enter(dir, "");
    files.enter(dir.resolve("docs"), "docs");
    assertThat(files.isIgnored("a.md", false)).isTrue();
    assertThat(files.isIgnored("keep.md", false)).isFalse();
    assertThat(files.isIgnored("docs/a.md", false)).isFalse();
  }

  @Test
  void filesBetweenTheGitRootAndTheCorpusApply(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("site/docs"));
    Files.writeString(dir.resolve(".gitignore"), "site/docs/build/\n");
    IgnoreFiles files = IgnoreFiles.above(dir.resolve("site/docs"));
    assertThat(files.isIgnored("build", true)).isTrue();
    assertThat(files.isIgnored("guide", true)).isFalse();
  }

  @Test
  void theScannerLeavesIgnoredFilesOutUnlessTurnedOff(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("README.md"), "# a\n");
    Files.writeString(dir.resolve("draft.md"), "# b\n");
    Files.writeString(dir.resolve("out/gen.md"), "# c\n");
    Files.writeString(dir.resolve(".gitignore"), "out/\n");
    Files.writeString(dir.resolve(".docgateignore"), "draft.md\n");
    DocgateConfig cfg = DocgateConfig.defaults();
    assertThat(new CorpusScanner(cfg).scan(dir).markdown()).extracting(SourceFile::path)
        .containsExactly("README.md");
    CorpusListing listing = new CorpusScanner(cfg).scan(dir);
    assertThat(listing.files()).contains("draft.md"); // still a link target, like an excluded file
    assertThat(new CorpusScanner(cfg.withIgnoreFiles(false)).scan(dir).markdown()).extracting(SourceFile::path)
        .containsExactly("README.md", "draft.md", "out/gen.md");
  }
}
