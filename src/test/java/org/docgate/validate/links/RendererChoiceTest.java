package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.LinkTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which profile a corpus gets: the configured one, else the generator whose config sits at the root, else GitHub. */
class RendererChoiceTest {
  static final RendererProfiles PROFILES = RendererProfiles.fromRules(RuleFiles.packaged());

  @TempDir
  Path root;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "hugo.toml|hugo|detected: hugo.toml at the corpus root",
      "hugo.yaml|hugo|detected: hugo.yaml at the corpus root",
      "_index.md|hugo|detected: _index.md at the corpus root",
      "docusaurus.config.ts|docusaurus|detected: docusaurus.config.ts at the corpus root",
      "mkdocs.yml|mkdocs|detected: mkdocs.yml at the corpus root",
      ".vitepress/config.mts|vitepress|detected: .vitepress/ at the corpus root",
      ".gitlab-ci.yml|gitlab|detected: .gitlab-ci.yml at the corpus root",
      "README.md|github|default (no site generator config at the corpus root)",
      "docs/mkdocs.yml|github|default (no site generator config at the corpus root)"})
  void theGeneratorIsDetectedFromItsConfigFileAtTheRoot(String file, String profile, String reason)
      throws IOException {
    RendererChoice choice = RendererChoice.choose(PROFILES, "", index(Map.of(file, "")));
    assertThat(choice.profile().name()).isEqualTo(profile);
    assertThat(choice.reason()).isEqualTo(reason);
  }

  @Test
  void aConfigTomlCountsOnlyWithAHugoKey() throws IOException {
    RendererChoice hugo = RendererChoice.choose(PROFILES, "", index(Map.of("config.toml",
        "# site\nbaseURL = 'https://example.org/'\ntitle = 'x'\n")));
    assertThat(hugo.profile().name()).isEqualTo("hugo");
    assertThat(hugo.reason()).isEqualTo("detected: config.toml at the corpus root has 'baseURL'");
    RendererChoice other = RendererChoice.choose(PROFILES, "", index(Map.of("config.toml", "[tool]\nname = 'x'\n")));
    assertThat(other.profile().name()).isEqualTo("github");
  }

  /**
   * rclone's tree: the project's README at the root, a Hugo site in docs/ (config.json asking for blackfriday's heading
   * ids, content/ holding the pages): the folder that holds most documents is the site (round 28).
   */
  @Test
  void aSiteInAFolderThatHoldsMostDocumentsIsDetectedWithItsHeadingIds() throws IOException {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("README.md", "# rclone\n");
    files.put("docs/config.json", "{\n  \"baseurl\": \"https://rclone.org\",\n  \"markup\": {\"goldmark\": {\"parser\": "
        + "{\"autoHeadingIDType\": \"blackfriday\"}}}\n}\n");
    for (int i = 0; i < 4; i++) {
      files.put("docs/content/page" + i + ".md", "# Page " + i + "\n\n### --fast-list\n");
    }
    RendererChoice choice = RendererChoice.choose(PROFILES, "", indexWithDocuments(files));
    assertThat(choice.profile().name()).isEqualTo("hugo");
    assertThat(choice.profile().slugs()).isEqualTo(SlugStyle.BLACKFRIDAY);
    assertThat(choice.reason()).isEqualTo("detected: config.json in docs/ has 'baseurl' (the folder holds 80% or more "
        + "of the documents); config.json sets autoHeadingIDType: blackfriday");
    // the same site beside as many documents outside it is no site of the corpus
    for (int i = 0; i < 4; i++) {
      files.put("notes/n" + i + ".md", "# Note\n");
    }
    assertThat(RendererChoice.choose(PROFILES, "", indexWithDocuments(files)).profile().name()).isEqualTo("github");
  }

  @Test
  void aConfiguredProfileWinsOverDetection() throws IOException {
    RendererChoice choice = RendererChoice.choose(PROFILES, "strict", index(Map.of("hugo.toml", "")));
    assertThat(choice.profile().name()).isEqualTo("strict");
    assertThat(choice.reason()).isEqualTo("configured");
  }

  @Test
  void anUnknownProfileNamesTheKnownOnes() {
    assertThatThrownBy(() -> new InternalLinkValidator(java.util.List.of(), PROFILES, "jekyll", ""))
        .isInstanceOf(ConfigException.class)
        .hasMessage("renderer: unknown renderer 'jekyll' (known: docusaurus, github, gitlab, hugo, mkdocs, strict, "
            + "vitepress)");
  }

  private CorpusIndex indexWithDocuments(Map<String, String> files) throws IOException {
    CorpusIndex files0 = index(files);
    Map<String, org.docgate.markdown.MarkdownDocument> docs = new java.util.HashMap<>();
    files.forEach((path, text) -> {
      if (path.endsWith(".md")) {
        docs.put(path, new org.docgate.markdown.MarkdownParser().parse(path, text));
      }
    });
    return new CorpusIndex(root, files0.files(), files0.directories(), docs);
  }

  private CorpusIndex index(Map<String, String> files) throws IOException {
    Set<String> paths = new HashSet<>();
    Set<String> dirs = new HashSet<>(Set.of(""));
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
      paths.add(e.getKey());
      for (String d = LinkTarget.directoryOf(e.getKey()); !d.isEmpty(); d = LinkTarget.directoryOf(d)) {
        dirs.add(d);
      }
    }
    return new CorpusIndex(root, paths, dirs, Map.of());
  }
}
