package org.docgate.validate.weblinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;

/** Test helpers for external-link scans: through the scan route, with a given network and rules folder. */
public final class WebLinkScans {
  private WebLinkScans() {}

  public static ScanReport run(Path corpus, Path rulesDir, Network network, Clock clock) {
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry =
        ValidatorRegistry.builder(config, RuleFiles.overlay(rulesDir))
            .only(Set.of("weblinks")).clock(clock).network(network).build();
    return Scans.run(corpus, new ScanSettings(config, registry, clock));
  }

  /** Copies fixture files into {@code to}, replacing {@code {{port}}} and other placeholders. */
  static void copyFixtures(Path from, Path to, Map<String, String> placeholders) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
          text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rules folder holding only this links.yaml. */
  public static Path rules(Path dir, String linksYaml) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("links.yaml"), linksYaml, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Finding finding(ScanReport report, String path, String targetPart) {
    return report.findings().stream()
        .filter(f -> f.path().equals(path) && f.target() != null && f.target().contains(targetPart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + targetPart + " in " + path + ":\n"
            + String.join("\n", report.findings().stream().map(Finding::toString).toList())));
  }

}
