package org.docgate.validate.links;

import java.util.Optional;
import org.docgate.corpus.CorpusIndex;

/**
 * The profile a scan uses and why: the one configured ({@code renderer:} or {@code --renderer}), else the first
 * profile (by name) whose {@code detect} matches the corpus root, else {@code github}.
 */
public record RendererChoice(RendererProfile profile, String reason) {

  public static RendererChoice choose(RendererProfiles profiles, String configured, CorpusIndex index) {
    if (configured != null && !configured.isEmpty()) {
      return new RendererChoice(profiles.named(configured, "renderer"), "configured");
    }
    for (RendererProfile p : profiles.all()) {
      Optional<String> why = detected(p.detect(), index);
      if (why.isPresent()) {
        return new RendererChoice(p, "detected: " + why.get());
      }
    }
    return new RendererChoice(profiles.named(RendererProfiles.DEFAULT, "renderer"), "default (no site generator "
        + "config at the corpus root)");
  }

  private static Optional<String> detected(RendererProfile.Detection d, CorpusIndex index) {
    for (String f : d.files()) {
      if (index.isFile(f)) {
        return Optional.of(f + " at the corpus root");
      }
    }
    for (String dir : d.directories()) {
      if (index.isDirectory(dir)) {
        return Optional.of(dir + "/ at the corpus root");
      }
    }
    for (String f : d.configFiles()) {
      if (!index.isFile(f)) {
        continue;
      }
      String text = index.configText(f);
      for (String line : text.lines().map(String::strip).toList()) {
        for (String key : d.configKeys()) {
          if (line.startsWith(key)) {
            return Optional.of(f + " at the corpus root has '" + key + "'");
          }
        }
      }
    }
    return Optional.empty();
  }
}
