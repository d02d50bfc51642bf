package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.http.Network;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental re-validation: after every edit, what {@link LiveCorpus#refresh()} reports must equal a fresh full scan
 * of the same files, while re-validating only the changed documents and the documents linking into them.
 */
class LiveCorpusTest {
  @TempDir Path corpus;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private LiveCorpus live() {
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry =
        ValidatorRegistry.builder(config, RuleFiles.packaged()).build();
    return new LiveCorpus(corpus, new CorpusScanner(config),
        Scans.pipeline(config, registry, Scans.FIXED_CLOCK), Scans.FIXED_CLOCK);
  }

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  private static List<String> lines(ScanReport report) {
    return report.findings().stream().map(Finding::toString).toList();
  }

  private void assertSameAsFullScan(LiveCorpus.Update update) {
    ScanReport full = Scans.run(corpus);
    assertThat(lines(update.report())).isEqualTo(lines(full));
    assertThat(update.report().findings()).extracting(Finding::fingerprint)
        .isEqualTo(full.findings().stream().map(Finding::fingerprint).toList());
    assertThat(update.report().metrics()).isEqualTo(full.metrics());
    assertThat(update.report().stats()).isEqualTo(full.stats());
  }

  @Test
  void renamingAHeadingRechecksTheDocumentsThatLinkToIt() throws IOException {
    write("guide/install.md", "# Install\n\n## 安装步骤\n\ntext\n");
    write("a.md", "# A\n\nSee [steps](guide/install.md#安装步骤).\n");
    write("b.md", "# B\n\nSee [steps](guide/install.md#安装步骤) and [a](a.md).\n");
    write("c.md", "# C\n\nNo links here.\n");
    LiveCorpus live = live();
    LiveCorpus.Update first = live.full();
    assertThat(first.report().findings()).filteredOn(f -> f.rule().startsWith("links/")).isEmpty();
    assertThat(live.refresh()).as("nothing changed").isNull();

    write("guide/install.md", "# Install\n\n## 部署步骤\n\ntext\n");
    LiveCorpus.Update renamed = live.refresh();
    assertThat(renamed.changes().changed()).containsExactly("guide/install.md");
    assertThat(renamed.validated()).as("install.md, a.md, b.md; not c.md").isEqualTo(3);
    assertThat(renamed.report().findings()).filteredOn(f -> f.rule().equals("links/missing-anchor"))
        .extracting(Finding::path).containsExactlyInAnyOrder("a.md", "b.md");
    assertSameAsFullScan(renamed);

    write("guide/install.md", "# Install\n\n## 安装步骤\n\ntext\n");
    LiveCorpus.Update restored = live.refresh();
    assertThat(restored.report().findings()).filteredOn(f -> f.rule().startsWith("links/")).isEmpty();
    assertSameAsFullScan(restored);
  }

  /** Records the documents it validated; reads linked documents or not, as told. */
  private record Recording(String id, boolean readsLinkedDocuments, List<String> seen) implements Validator {
    @Override
    public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
      synchronized (seen) {
        seen.add(doc.path());
      }
      return ValidationResult.EMPTY;
    }

    @Override
    public ValidatorDeclaration declaration() {
      return new ValidatorDeclaration(id, id, "Adding a validator", List.of(), List.of(), null);
    }
  }

  @Test
  void documentsLinkingToAnEditAreRecheckedOnlyByValidatorsThatReadLinkedDocuments() throws IOException {
    write("guide/install.md", "# Install\n\n## 安装步骤\n");
    write("a.md", "# A\n\nSee [steps](guide/install.md#安装步骤).\n");
    write("c.md", "# C\n");
    Recording own = new Recording("own", false, new java.util.ArrayList<>());
    Recording links = new Recording("linkslike", true, new java.util.ArrayList<>());
    ValidatorRegistry registry = new ValidatorRegistry(List.of(own, links), java.util.Map.of());
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(DocgateConfig.defaults()),
        Scans.pipeline(DocgateConfig.defaults(), registry, Scans.FIXED_CLOCK), Scans.FIXED_CLOCK);
    live.full();
    own.seen().clear();
    links.seen().clear();
    write("guide/install.md", "# Install\n\n## 部署步骤\n");
    live.refresh();
    assertThat(own.seen()).containsExactly("guide/install.md");
    assertThat(links.seen()).containsExactlyInAnyOrder("guide/install.md", "a.md");
  }

  @Test
  void aFullRescanRereadsOnlyWhatChangedAndStillSeesEveryEdit() throws IOException {
    write("a.md", "# A\n\n[b](b.md#b)\n");
    write("b.md", "# B\n");
    LiveCorpus live = live();
    live.full();
    write("b.md", "# Renamed\n");
    Files.delete(corpus.resolve("a.md"));
    write("c.md", "# C\n\n[b](b.md#b)\n");
    LiveCorpus.Update rescan = live.full();
    assertSameAsFullScan(rescan);
    assertThat(rescan.report().findings()).extracting(Finding::path).contains("c.md").doesNotContain("a.md");
  }

  @Test
  void deletedAddedAndOtherFilesAreSeen() throws IOException {
    write("a.md", "# A\n\n[b](b.md) ![logo](img/logo.png) [new](new.md)\n");
    write("b.md", "# B\n");
    LiveCorpus live = live();
    live.full();

    Files.delete(corpus.resolve("b.md"));
    LiveCorpus.Update deleted = live.refresh();
    assertThat(deleted.changes().removed()).containsExactly("b.md");
    assertSameAsFullScan(deleted);
    assertThat(deleted.report().findings()).extracting(Finding::target).contains("b.md", "img/logo.png", "new.md");

    write("img/logo.png", "png");
    write("new.md", "# New\n");
    LiveCorpus.Update added = live.refresh();
    assertThat(added.changes().added()).containsExactly("new.md");
    assertThat(added.changes().otherPaths()).contains("img/logo.png");
    assertSameAsFullScan(added);
    assertThat(added.report().findings()).extracting(Finding::target).contains("b.md")
        .doesNotContain("img/logo.png", "new.md");
  }

  /**
   * Files the scan reads besides Markdown (a site generator's navigation, markdownlint's settings) are inputs too: an
   * edit of one alone re-scans as a fresh scan would read it, whether the watcher lists the corpus or hears the file.
   */
  @Test
  void navigationAndLinterSettingsEditsRescanAsAFreshScanDoes() throws IOException {
    write("README.md", "# Home\n\nSee [a](a.md).\n");
    write("a.md", "# A\n\n```\necho hi\n```\n");
    write("b.md", "# B\n\nOnly the site menu links here.\n");
    write("mkdocs.yml", "site_name: x\nnav:\n  - Home: README.md\n  - B: b.md\n");
    write(".markdownlint.yaml", "MD040: false\n");
    LiveCorpus live = live();
    LiveCorpus.Update first = live.full();
    assertThat(first.report().findings()).extracting(Finding::rule)
        .doesNotContain("snippets/missing-language", "completeness/orphan");

    write(".markdownlint.yaml", "MD040: true\n");
    assertThat(live.listModified(Set.of(".markdownlint.yaml"))).as("not a Markdown file: list the corpus").isNull();
    assertThat(live.listIfChanged()).as("the listing sees the settings changed").isNotNull();
    LiveCorpus.Update linted = live.refresh();
    assertThat(linted).as("an edit of the linter's settings alone").isNotNull();
    assertThat(linted.inputs()).containsExactly(".markdownlint.yaml");
    assertThat(linted.report().findings()).extracting(Finding::rule).contains("snippets/missing-language");
    assertSameAsFullScan(linted);

    write("mkdocs.yml", "site_name: x\nnav:\n  - Home: README.md\n");
    LiveCorpus.Update menu = live.refresh();
    assertThat(menu).as("an edit of the navigation alone").isNotNull();
    assertThat(menu.report().findings()).filteredOn(f -> f.rule().equals("completeness/orphan"))
        .extracting(Finding::path).containsExactly("b.md");
    assertSameAsFullScan(menu);

    Files.delete(corpus.resolve(".markdownlint.yaml"));
    LiveCorpus.Update gone = live.refresh();
    assertThat(gone.inputs()).containsExactly(".markdownlint.yaml");
    assertSameAsFullScan(gone);
    assertThat(live.refresh()).as("nothing changed since").isNull();
  }

  /** A README's "latest" claim is held to the release notes beside it: an edit of the notes re-checks the README. */
  @Test
  void aNewReleaseInTheReleaseNotesRechecksTheReadmesLatestClaim() throws IOException {
    write("README.md", "# Tool\n\n* [Latest Version: 3.1.4](https://example.com/v3.1.4)\n");
    write("RELEASE_NOTES.md", "# Release Notes\n\n## 3.1.4\n\n- fix\n");
    LiveCorpus live = live();
    assertThat(live.full().report().findings()).extracting(Finding::rule).doesNotContain("versions/not-latest");
    write("RELEASE_NOTES.md", "# Release Notes\n\n## 3.2.0\n\n- new\n\n## 3.1.4\n\n- fix\n");
    LiveCorpus.Update released = live.refresh();
    assertThat(released.report().findings()).filteredOn(f -> f.rule().equals("versions/not-latest"))
        .extracting(Finding::path).containsExactly("README.md");
    assertSameAsFullScan(released);
  }

  @Test
  void anUnreadableEditIsAFindingAndTheNextEditRecovers() throws IOException {
    write("a.md", "# A\n\n[b](b.md#b)\n");
    write("b.md", "# B\n");
    LiveCorpus live = live();
    live.full();
    Files.write(corpus.resolve("b.md"), new byte[] {(byte) 0xC4, (byte) 0xE3, 0x0A, 0x00, 0x01});
    LiveCorpus.Update broken = live.refresh();
    assertSameAsFullScan(broken);
    write("b.md", "# B\n");
    assertSameAsFullScan(live.refresh());
  }

  /**
   * Links written as a site's routes ({@code /guide/p3} for {@code site/guide/p3.md}): a page added, or a heading
   * renamed, under the site root re-checks the documents linking to it by route, and an edit that makes the links
   * read as routes (or as files again) re-checks every link.
   */
  @Test
  void siteRoutesFollowEditsAsAFreshScanDoes() throws IOException {
    for (int i = 0; i < 9; i++) {
      write("site/guide/p" + i + ".md", "# Page " + i + "\n\n## Usage\n\ntext\n");
    }
    StringBuilder eight = new StringBuilder("# Index\n\n");
    for (int i = 0; i < 8; i++) {
      eight.append("* [p").append(i).append("](/guide/p").append(i).append(")\n");
    }
    write("site/index.md", eight.toString());
    write("site/other.md", "# Other\n\nSee [usage](/guide/p1#usage) and [new](/guide/p9).\n");
    LiveCorpus live = live();
    LiveCorpus.Update first = live.full();
    assertThat(first.report().findings()).filteredOn(f -> f.rule().equals("links/missing-file")).as("9 of 10 would resolve: under minLinks")
        .hasSize(10);

    // one more route in index.md: 10 of 11 resolve under site/, the links are the site's routes, other.md's too
    write("site/index.md", eight + "* [p8](/guide/p8)\n");
    LiveCorpus.Update routed = live.refresh();
    assertThat(routed.full()).as("the routes changed: every document checked again").isTrue();
    assertThat(routed.report().findings()).filteredOn(f -> f.rule().equals("links/missing-file"))
        .extracting(Finding::path).containsExactly("site/other.md");
    assertSameAsFullScan(routed);

    // the page other.md links to by route comes: other.md is checked again, as the only linker
    write("site/guide/p9.md", "# Page 9\n");
    LiveCorpus.Update added = live.refresh();
    assertThat(added.full()).isFalse();
    assertThat(added.report().findings()).filteredOn(f -> f.rule().startsWith("links/")).isEmpty();
    assertSameAsFullScan(added);

    // a heading renamed in a page reached by route: other.md's fragment breaks
    write("site/guide/p1.md", "# Page 1\n\n## Use\n\ntext\n");
    LiveCorpus.Update renamed = live.refresh();
    assertThat(renamed.full()).isFalse();
    assertThat(renamed.report().findings()).filteredOn(f -> f.rule().equals("links/missing-anchor"))
        .extracting(Finding::path).containsExactly("site/other.md");
    assertSameAsFullScan(renamed);
  }
}
