package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.SharedFiles;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The version data docgate ships is exactly the import of endoflife.date's folder, and loads. */
class ShippedEndOfLifeDataTest {
  static final Path SHIPPED = Path.of("rules", EndOfLifeData.FILE);

  @Test
  void theShippedDataIsTheImportOfTheSharedEndOfLifeFolder() throws Exception {
    Path folder = SharedFiles.shared().resolve("data/endoflife-date-a70eca3");
    if (!Files.isDirectory(folder)) {
      String why = "the endoflife.date data is absent (expected at " + folder + "; set DOCGATE_SHARED)";
      assertThat("true".equals(System.getenv("CI"))).as("CI=true: " + why).isFalse();
      Assumptions.abort("skipped: " + why);
    }
    String imported = EndOfLifeImport.toYaml(EndOfLifeFolder.source(folder), EndOfLifeFolder.pages(folder)).yaml();
    assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8))
        .as("rules/versions/endoflife-date.yaml is stale: re-run docgate manifest import " + folder
            + " -o rules/versions/endoflife-date.yaml")
        .isEqualTo(imported);
  }

  @Test
  void thePackagedManifestLinksTheDataAndNamesItsNotice() {
    VersionManifest m = VersionManifest.load(RuleFiles.packaged());
    assertThat(m.eolOnly()).hasSizeGreaterThan(400);
    assertThat(m.eolOnly()).extracting(Product::name).contains("Python", "MySQL", "CentOS", "Grafana")
        .doesNotContain("Kubernetes", "Docker Engine", "containerd"); // linked from the manifest
    Product kubernetes = m.kubernetes();
    assertThat(kubernetes.eol()).allMatch(Product.EolLine::cycleOnly)
        .allMatch(e -> e.line().compareAtPrecision(kubernetes.current().get(kubernetes.current().size() - 1)) < 0);
    assertThat(Files.exists(SHIPPED.resolveSibling("endoflife-date.NOTICE"))).isTrue();
  }
}
