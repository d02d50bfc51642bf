package org.docgate.validate.links;

import java.util.List;
import java.util.Optional;
import org.docgate.corpus.CorpusIndex;

/**
 * The profile a scan uses and why: the one configured ({@code renderer:} or {@code --renderer}), else the first
 * profile (by name) whose {@code detect} matches the corpus root, else the first that matches a top folder holding
 * most of the documents ({@link #siteFolder}), else {@code github}.
 */
public record RendererChoice(RendererProfile profile, String reason) {

  public static RendererChoice choose(RendererProfiles profiles, String configured, CorpusIndex index) {
    if (configured != null && !configured.isEmpty()) {
      return new RendererChoice(profiles.named(configured, "renderer"), "configured");
    }
    Optional<RendererChoice> atRoot = detectedIn(profiles, index, "");
    if (atRoot.isPresent()) {
      return atRoot.get();
    }
    String site = siteFolder(index);
    Optional<RendererChoice> inSite = site == null ? Optional.empty() : detectedIn(profiles, index, site);
    if (inSite.isPresent()) {
      return inSite.get();
    }
    return new RendererChoice(profiles.named(RendererProfiles.DEFAULT, "renderer"), "default (no site generator "
        + "config at the corpus root)");
  }

  /** The first profile (by name) detected in {@code folder} ("" for the corpus root, else with its trailing slash). */
  private static Optional<RendererChoice> detectedIn(RendererProfiles profiles, CorpusIndex index, String folder) {
    for (RendererProfile p : profiles.all()) {
      Optional<String> why = detected(p.detect(), index, folder);
      if (why.isPresent()) {
        return Optional.of(configured(p, "detected: " + why.get() + (folder.isEmpty() ? ""
            : " (the folder holds " + SITE_SHARE + "% or more of the documents)"), index, folder));
      }
    }
    return Optional.empty();
  }

  /** Hugo's heading id setting in its config: {@code "autoHeadingIDType": "blackfriday"} (JSON, TOML or YAML). */
  private static final java.util.regex.Pattern BLACKFRIDAY_IDS = java.util.regex.Pattern.compile(
      "autoHeadingIDType[\"']?\\s*[:=]\\s*[\"']?blackfriday", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * A detected Hugo profile with the heading ids the site's config asks for: {@code autoHeadingIDType: blackfriday}
   * ({@link SlugStyle#BLACKFRIDAY}); any other profile, or no such setting, as it is.
   */
  private static RendererChoice configured(RendererProfile p, String reason, CorpusIndex index, String folder) {
    if (p.slugs() != SlugStyle.HUGO) {
      return new RendererChoice(p, reason);
    }
    List<String> configs = new java.util.ArrayList<>(p.detect().files());
    configs.addAll(p.detect().configFiles());
    for (String f : configs) {
      if (index.isFile(folder + f) && BLACKFRIDAY_IDS.matcher(index.configText(folder + f)).find()) {
        return new RendererChoice(p.withSlugs(SlugStyle.BLACKFRIDAY),
            reason + "; " + f + " sets autoHeadingIDType: blackfriday");
      }
    }
    return new RendererChoice(p, reason);
  }

  /** The share of the corpus's documents a top folder must hold to be read as the site's own root. */
  static final int SITE_SHARE = 80;

  /**
   * A top folder that holds most of the documents ({@code docs/} with a Hugo site's config.json and content/, the
   * project's README and CONTRIBUTING beside it: rclone's tree, whose Hugo heading ids were 13 of round 28's 30
   * links findings), or null.
   */
  static String siteFolder(CorpusIndex index) {
    java.util.Map<String, Integer> byTop = new java.util.HashMap<>();
    for (String path : index.documents().keySet()) {
      int slash = path.indexOf('/');
      if (slash > 0) {
        byTop.merge(path.substring(0, slash + 1), 1, Integer::sum);
      }
    }
    int all = index.documents().size();
    return byTop.entrySet().stream().filter(e -> e.getValue() * 100L >= (long) SITE_SHARE * all)
        .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
  }

  /** @param folder the folder to look in, with its trailing slash ("" for the corpus root) */
  private static Optional<String> detected(RendererProfile.Detection d, CorpusIndex index, String folder) {
    String where = folder.isEmpty() ? " at the corpus root" : " in " + folder;
    for (String f : d.files()) {
      if (index.isFile(folder + f)) {
        return Optional.of(f + where);
      }
    }
    for (String dir : d.directories()) {
      if (index.isDirectory(folder + dir)) {
        return Optional.of(dir + "/" + where);
      }
    }
    for (String f : d.configFiles()) {
      if (!index.isFile(folder + f)) {
        continue;
      }
      String text = index.configText(folder + f);
      for (String line : text.lines().map(String::strip).toList()) {
        String key0 = line.startsWith("\"") ? line.substring(1) : line; // a JSON config's "baseURL": ...
        for (String key : d.configKeys()) {
          if (key0.startsWith(key)) {
            return Optional.of(f + where + " has '" + key + "'");
          }
        }
      }
    }
    return Optional.empty();
  }
}
