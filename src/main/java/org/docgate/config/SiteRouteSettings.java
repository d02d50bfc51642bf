package org.docgate.config;

import java.util.List;

/**
 * How docgate decides whether a corpus's links are the routes of a site built from it ({@code links.siteRoutes} of
 * {@code docgate.yaml}): npm's docs link {@code [config](/using-npm/config)} for {@code content/using-npm/config.md},
 * as docs.npmjs.com serves it; on GitHub the same link is broken.
 *
 * @param root {@code auto} (detected from the corpus's own links), {@code none} (links are files, as GitHub reads
 *     them), or the folder a site serves at {@code /} ({@code content}; {@code .} for the corpus root)
 * @param extensions what a page's path leaves out of its file's name, tried in order ({@code .md})
 * @param indexPages the files a folder's route shows, tried in order
 * @param minLinks detected only when at least this many links resolve as site pages
 * @param minPercentOfUnresolved ... and they are at least this share of the links that are no file or folder
 * @param minPercentOfLinks ... and at least this share of all links to a corpus path: a corpus written for GitHub
 *     with a few extension-less links keeps them reported
 */
public record SiteRouteSettings(String root, List<String> extensions, List<String> indexPages, int minLinks,
    int minPercentOfUnresolved, int minPercentOfLinks) {
  public static final String AUTO = "auto";
  public static final String NONE = "none";

  public static final SiteRouteSettings DEFAULTS = new SiteRouteSettings(AUTO, List.of(".md", ".markdown", ".mdx"),
      List.of("index.md", "index.mdx", "README.md", "_index.md"), 10, 80, 10);

  public SiteRouteSettings {
    root = root == null || root.isBlank() ? AUTO : root.strip();
    extensions = List.copyOf(extensions);
    indexPages = List.copyOf(indexPages);
  }

  /** The configured root folder as a corpus path ({@code ""} for the corpus root), or null for auto and none. */
  public String configuredFolder() {
    if (root.equals(AUTO) || root.equals(NONE)) {
      return null;
    }
    String folder = root.replace('\\', '/');
    while (folder.startsWith("./") || folder.startsWith("/")) {
      folder = folder.substring(folder.startsWith("./") ? 2 : 1);
    }
    while (folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    return folder.equals(".") ? "" : folder;
  }
}
