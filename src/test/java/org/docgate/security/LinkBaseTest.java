package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.cli.DocgateCommand;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report's finding links: a {@code --link-base} that a browser reads as another site (scheme-relative, or
 * the backslash forms browsers turn into it) is a usage error, not a report whose every link leaves for that site.
 */
class LinkBaseTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"/\\evil.example/", "\\\\evil.example/", "/\\/evil.example/", "//evil.example/",
      "./\\..\\evil", "https://docs.example/a\\b", " //evil.example/", "/\t/evil.example/"})
  void aBaseThatLeadsToAnotherSiteIsAUsageError(String base) throws Exception {
    Path corpus = Files.createDirectories(temp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), "# Readme\n\n[x](missing.md)\n");
    Path report = temp.resolve("report.html");
    StringWriter err = new StringWriter();
    int exit = DocgateCommand.execute(new String[] {"scan", corpus.toString(), "--offline", "--only", "links",
        "--format", "html", "--output", report.toString(), "--link-base", base},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("link base").doesNotContain("\tat ");
    assertThat(report).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://github.com/o/r/blob/0123abc/", "/api/documents/", "../docs/", "none"})
  void ordinaryBasesStillWork(String base) throws Exception {
    Path corpus = Files.createDirectories(temp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), "# Readme\n\n[x](missing.md)\n");
    Path report = temp.resolve("report.html");
    int exit = DocgateCommand.execute(new String[] {"scan", corpus.toString(), "--offline", "--only", "links",
        "--format", "html", "--output", report.toString(), "--link-base", base},
        new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    assertThat(exit).isEqualTo(1);
    assertThat(report).exists();
  }
}
