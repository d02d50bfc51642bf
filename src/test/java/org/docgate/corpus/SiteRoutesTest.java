package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.DocgateConfig;
import org.docgate.config.SiteRouteSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Where a link that is no file of the corpus leads on the site built from it: a pure function of the paths. */
class SiteRoutesTest {
  private static final Set<String> FILES = Set.of("content/commands/npm-ls.md", "content/commands/index.md",
      "content/using-npm/config.mdx", "guide/setup.md", "docs/api/Fetch.md", "img/logo.png", "blog/README.md",
      "docs/guides/index.mdx");
  private static final Set<String> DIRECTORIES = Set.of("", "content", "content/commands", "content/using-npm",
      "guide", "docs", "docs/api", "img", "blog", "docs/guides");
  private static final List<String> EXTENSIONS = SiteRouteSettings.DEFAULTS.extensions();
  private static final List<String> INDEX_PAGES = SiteRouteSettings.DEFAULTS.indexPages();

  @ParameterizedTest(name = "root ''{0}'', {1} (rooted {2}) -> {3}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // a page's path leaves out its file's extension, under the folder the site serves at /
      "content|commands/npm-ls|true|content/commands/npm-ls.md",
      "content|using-npm/config|true|content/using-npm/config.mdx",
      // a page's "pretty" URL ends in a slash (Hugo, Jekyll, MkDocs' directory URLs: rclone's /docs/, round 28)
      "content|commands/npm-ls/|true|content/commands/npm-ls.md",
      // a folder's route shows its index page
      "content|commands|true|content/commands/index.md",
      "|blog|true|blog/README.md",
      // an MDX site's folder page (Docusaurus, Nextra; WorkOS's /custom-domains, round 46)
      "docs|guides|true|docs/guides/index.mdx",
      // the root folder alone, with the file's own name: docsify's /docs/api/Fetch.md under its root
      "docs|api/Fetch.md|true|docs/api/Fetch.md",
      // a relative link resolves where the document is: no root folder added
      "content|content/commands/npm-ls|false|content/commands/npm-ls.md",
      "content|commands/npm-ls|false|-",
      // a generated page's .html is the page's file
      "|guide/setup.html|false|guide/setup.md",
      "|guide/setup|true|guide/setup.md",
      // other files are served as they are: nothing to add
      "|img/logo|true|-",
      "|guide/setup.txt|false|-",
      "content|about-access-tokens|true|-"})
  void aPageIsItsFileWithoutTheExtensionUnderTheSiteRoot(String root, String path, boolean rooted, String expected) {
    assertThat(SiteRoutes.find(root == null ? "" : root, EXTENSIONS, INDEX_PAGES, path, rooted, FILES::contains,
        DIRECTORIES::contains).orElse(null)).isEqualTo(expected);
  }

  @Test
  void noRoutesWhileNoneAreDecided() {
    assertThat(SiteRoutes.NONE.route("guide/setup", true, FILES::contains, DIRECTORIES::contains)).isEmpty();
  }

  @Test
  void theConfigNamesTheRootOrTurnsDetectionOff() {
    DocgateConfig config = DocgateConfig.parse("docgate.yaml", """
        links:
          siteRoutes:
            root: ./content/
            extensions: [".md"]
        """);
    assertThat(config.siteRoutes().configuredFolder()).isEqualTo("content");
    assertThat(config.siteRoutes().extensions()).containsExactly(".md");
    assertThat(config.siteRoutes().indexPages()).isEqualTo(INDEX_PAGES);
    assertThat(config.siteRoutes().minLinks()).isEqualTo(SiteRouteSettings.DEFAULTS.minLinks());
    assertThat(DocgateConfig.parse("d.yaml", "links:\n  siteRoutes:\n    root: none\n").siteRoutes().configuredFolder())
        .isNull();
    assertThat(DocgateConfig.parse("d.yaml", "links:\n  siteRoutes:\n    root: .\n").siteRoutes().configuredFolder())
        .isEmpty();
    assertThat(DocgateConfig.defaults().siteRoutes()).isEqualTo(SiteRouteSettings.DEFAULTS);
  }

  @Test
  void badSettingsNameTheirKeyAndLine() {
    assertThatThrownBy(() -> DocgateConfig.parse("d.yaml", "links:\n  siteRoutes:\n    extensions: [md]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("d.yaml:3").hasMessageContaining("'md' is not an extension such as .md");
    assertThatThrownBy(() -> DocgateConfig.parse("d.yaml", "links:\n  siteRoutes:\n    minPercentOfLinks: 150\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("more than 100");
    assertThatThrownBy(() -> DocgateConfig.parse("d.yaml", "links:\n  siteRoutes:\n    rot: content\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("rot");
  }
}
