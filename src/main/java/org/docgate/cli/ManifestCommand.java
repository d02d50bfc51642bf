package org.docgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.validate.versions.EndOfLifeFolder;
import org.docgate.validate.versions.EndOfLifeImport;
import org.docgate.validate.versions.ManifestTable;
import org.docgate.validate.versions.VersionManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code docgate manifest}: the version manifest's own tools. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
    description = "Work with the version manifest (rules/versions/manifest.yaml).",
    subcommands = {ManifestCommand.Import.class})
final class ManifestCommand extends ParentCommand {
  /**
   * {@code docgate manifest import FILE.md [--output FILE]}: a Markdown version table becomes manifest YAML;
   * {@code docgate manifest import DIR}: endoflife.date's product pages become the version data file.
   */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Turn the version table(s) of a Markdown document (| 技术 | 版本 | 状态 |) into manifest YAML,",
          "or a checkout of endoflife.date (a folder with products/*.md) into version data",
          "(rules/versions/endoflife-date.yaml; with --output, its MIT notice is written beside it)."},
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:written", "2:usage error, unreadable file or no usable table"})
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.md|DIR",
        description = "The Markdown document with the version table, or the endoflife.date folder.")
    Path input;

    @CommandLine.Mixin OutputOption out;

    @CommandLine.Mixin RulesOption rulesFolder;

    @CommandLine.Mixin VerboseOption verbosity;

    @Override
    public Integer call() throws Exception {
      if (Files.isDirectory(input)) {
        return endOfLife();
      }
      if (!Files.isRegularFile(input)) {
        throw new NoSuchFileException(input.toString());
      }
      RuleFiles rules = rulesFolder.rules();
      RuleFiles.RuleFile base = rules.read(VersionManifest.FILE)
          .orElseThrow(() -> new ConfigException("rules/" + VersionManifest.FILE + ": version manifest not found"));
      String yaml = ManifestTable.toYaml(input.toString(), Files.readString(input, StandardCharsets.UTF_8),
          VersionManifest.parse(base.source(), base.text()), base.text());
      write(yaml);
      return DocgateCommand.EXIT_OK;
    }

    /** endoflife.date's {@code products/*.md} to the version data; skipped pages are listed on stderr. */
    private Integer endOfLife() throws IOException {
      EndOfLifeImport.Result result = EndOfLifeImport.requireProducts(
          EndOfLifeImport.toYaml(EndOfLifeFolder.source(input), EndOfLifeFolder.pages(input)), input.toString());
      write(result.yaml());
      Path license = input.resolve("LICENSE");
      if (out.output != null && Files.isRegularFile(license)) {
        Path notice = out.output.toAbsolutePath().resolveSibling("endoflife-date.NOTICE");
        Files.writeString(notice, "The version data in endoflife-date.yaml is generated from endoflife.date\n"
            + "(https://github.com/endoflife-date/endoflife.date), under this licence:\n\n"
            + Files.readString(license, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
      var err = spec.commandLine().getErr();
      result.skipped().forEach(s -> err.println("skipped " + s.file() + ": " + s.reason()));
      err.println("imported " + result.products() + " products, " + result.cycles() + " release cycles"
          + (result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " pages skipped"));
      err.flush();
      return DocgateCommand.EXIT_OK;
    }

    private void write(String text) throws IOException {
      out.write(text, spec.commandLine().getOut());
    }
  }
}
