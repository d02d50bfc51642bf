package org.docgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that scans a corpus ({@code scan}, {@code fix}, {@code serve}, {@code pr},
 * {@code readiness}): where rules, config and routes come from, which validators run, whether the network is used;
 * and the one way they become a {@link Setup}.
 */
final class ScanOptions {
  @Mixin ConfigOption configFile;

  @Mixin RulesOption rulesFolder;

  @Option(names = "--renderer", paramLabel = "NAME", description = "Where the docs are read: a profile of "
      + "rules/renderers/ (github, gitlab, strict, hugo, docusaurus, mkdocs, vitepress); overrides the config's "
      + "renderer: and detection.")
  String renderer;

  @Option(names = "--routes", paramLabel = "DIR", description = "Your Camel routes folder (*.camel.yaml); overrides "
      + "the packaged routes (serve: its errors.camel.yaml and serve/*.camel.yaml).")
  Path routesDir;

  @Option(names = "--only", split = ",", paramLabel = "VALIDATOR", completionCandidates = ValidatorIds.class,
      description = "Run only these validators: ${COMPLETION-CANDIDATES}.")
  List<String> only = List.of();

  @Option(names = "--offline", description = "No network at all: external links are counted as unchecked, not "
      + "fetched.")
  boolean offline;

  @Option(names = "--no-snippet-cache", description = "Check every snippet with bash, python3, gofmt and ShellCheck "
      + "again instead of reusing their verdicts from earlier runs (kept in ${XDG_CACHE_HOME:-~/.cache}/docgate/"
      + "snippets; rules/snippets/cache.yaml).")
  boolean noSnippetCache;

  @Mixin VerboseOption verbosity;

  /** The rules folder: {@code --rules DIR} over the packaged rules. Read once. */
  RuleFiles rules() throws IOException {
    return rulesFolder.rules();
  }

  /** As {@link #setup(Path, UnaryOperator, Path)} with the config as found and the link cache in its default place. */
  Setup setup(Path scanned) throws IOException {
    return setup(scanned, UnaryOperator.identity(), null);
  }

  /**
   * Rules, config and validators for a scan of {@code scanned}, the one way every command makes them: the config is
   * {@code --config} alone, else the discovered {@code .docgate.yaml} files over the rules folder's (see
   * {@link ConfigFiles}), then {@code --renderer} over it.
   *
   * @param adjust a command's own options applied to the config ({@code --exclude}, {@code --no-ignore})
   * @param linkCache where the external link cache lives (serve keeps it beside its store); null: the default
   */
  Setup setup(Path scanned, UnaryOperator<DocgateConfig> adjust, Path linkCache) throws IOException {
    return setup(scanned, adjust, linkCache, UnaryOperator.identity());
  }

  /** @param online adjusts the network when there is one (a fleet worker's URL book) */
  Setup setup(Path scanned, UnaryOperator<DocgateConfig> adjust, Path linkCache, UnaryOperator<Network> online)
      throws IOException {
    return setup(scanned, adjust, linkCache, online, false);
  }

  /**
   * As {@link #setup(Path, UnaryOperator, Path)}, the validators built in the background
   * ({@link ValidatorRegistry.Builder#start}): for a one-shot scan, which reads and parses the corpus meanwhile. The
   * caller calls {@link ValidatorRegistry#awaitBuilt} before reporting another failure, so that a broken rule or
   * config is still the error it sees first.
   */
  Setup setupInBackground(Path scanned, UnaryOperator<DocgateConfig> adjust) throws IOException {
    return setup(scanned, adjust, null, UnaryOperator.identity(), true);
  }

  private Setup setup(Path scanned, UnaryOperator<DocgateConfig> adjust, Path linkCache,
      UnaryOperator<Network> online, boolean inBackground) throws IOException {
    RuleFiles r = rules();
    DocgateConfig cfg = adjust.apply(configFile.load(r, renderer, scanned, Path.of("")));
    Clock clock = Clock.systemUTC();
    ValidatorRegistry.Builder builder = ValidatorRegistry.builder(cfg, r).only(only).clock(clock)
        .network(network(linkCache, online)).cacheFolder(cacheFolder());
    return new Setup(r, cfg, inBackground ? builder.start() : builder.build(), clock);
  }

  /**
   * A fleet worker's settings for one of its corpora: those of a {@code scan} of that folder run from the worker's
   * working directory, when the folder brings config files of its own (its {@code .docgate.yaml} up to its git root);
   * null when the worker's own settings apply ({@code --config} is used alone, or the folder has none). Made the way
   * the worker's are (the same rules folder, options, network adjustment and system clock), only for that folder.
   */
  ScanSettings corpusSettings(Path corpus, UnaryOperator<Network> online) throws IOException {
    Path here = Path.of("");
    if (configFile.config != null || ConfigFiles.discover(corpus, here).equals(ConfigFiles.discover(null, here))) {
      return null;
    }
    return setup(corpus, UnaryOperator.identity(), null, online, false).settings();
  }

  /** The user's cache folder, {@code ${XDG_CACHE_HOME:-~/.cache}/docgate}, or null with --no-snippet-cache. */
  private Path cacheFolder() {
    return noSnippetCache ? null : Network.system().defaultDataDirectory();
  }

  private Network network(Path linkCache, UnaryOperator<Network> online) {
    return offline ? Network.none()
        : online.apply(linkCache == null ? Network.system() : Network.system().withCacheDirectory(linkCache));
  }
}
