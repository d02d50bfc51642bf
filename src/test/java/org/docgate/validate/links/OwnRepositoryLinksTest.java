package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.docgate.ExpectedFindings;
import org.docgate.config.DocgateConfig;
import org.docgate.pr.TestRepo;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absolute links into the corpus's own repository, found from a real git clone's remote (the shared corpora are
 * {@code git archive} exports without {@code .git}, so the fixture makes one), and left alone without one.
 */
class OwnRepositoryLinksTest {
  @TempDir
  Path tmp;

  @Test
  void theRepositoryIsReadFromTheGitRemoteAndItsLinksCheckedLikeRelativeOnes() throws Exception {
    TestRepo repo = TestRepo.init(tmp.resolve("clone"));
    copyFixtures(repo.dir());
    repo.git("remote", "add", "upstream", "https://github.com/someone-else/fork.git");
    repo.git("remote", "add", "origin", "git@github.com:docgate-fixtures/profiles.git");

    ScanReport report = Scans.run(repo.dir());

    assertThat(ExpectedFindings.actualWithSeverity(report.findings(), "own.md", "links/"))
        .isEqualTo(ExpectedFindings.inProfile(repo.dir().resolve("own.md"), "github"));
    assertThat(RendererProfileFixturesTest.links(report).get("ownRepository")).asString()
        .contains("name=github.com/docgate-fixtures/profiles", "source=.git/config", "checked=8", "pinned=1");
    // not sent to the web check: only the pinned link, the issue and the other repository's link are its
    assertThat(webLinksTotal(report)).isEqualTo(3L);
  }

  @Test
  void withoutARemoteOrAConfigKeyTheyStayExternal() throws IOException {
    copyFixtures(tmp);
    ScanReport report = Scans.run(tmp, DocgateConfig.defaults());
    assertThat(ExpectedFindings.actualWithSeverity(report.findings(), "own.md", "links/")).isEmpty();
    Map<String, Object> links = RendererProfileFixturesTest.links(report);
    assertThat(links).doesNotContainKey("ownRepository");
    assertThat(links.get("external")).isEqualTo(11L);
    assertThat(webLinksTotal(report)).isEqualTo(11L);
  }

  @SuppressWarnings("unchecked")
  private static Object webLinksTotal(ScanReport report) {
    Map<String, Object> web = (Map<String, Object>) report.stats().get("weblinks");
    return ((Map<String, Object>) web.get("links")).get("total");
  }

  private static void copyFixtures(Path to) throws IOException {
    Path from = RendererProfileFixturesTest.FIXTURES;
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
