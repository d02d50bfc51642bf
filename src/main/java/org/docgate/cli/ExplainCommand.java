package org.docgate.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CurrencyRules;
import org.docgate.corpus.DocumentCurrency;
import org.docgate.corpus.SourceDecoder;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.scan.ValidatorRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docgate explain FILE:LINE}: why a line is or is not judged for currency (the document's class, the section,
 * each sentence, from {@code rules/currency.yaml} and the config), and the version findings on it.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Say why a line was or was not flagged: the document's class (living or record) and why, the "
        + "section's and each sentence's currency decision, and the version findings on the line.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:explained", "2:usage error or unreadable file"})
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE:LINE", description = "A Markdown file and a 1-based line.")
  List<String> targets;

  @Option(names = "--root", paramLabel = "DIR", description = "The corpus root the paths are relative to (default: "
      + "the working directory when the file is under it, else the file's folder).")
  Path root;

  @CommandLine.Mixin RulesOption rulesFolder;

  @CommandLine.Mixin ConfigOption configFile;

  @CommandLine.Mixin VerboseOption verbosity;

  @Override
  public Integer call() throws Exception {
    RuleFiles rules = rulesFolder.rules();
    Path cwd = Path.of("").toAbsolutePath();
    StringBuilder out = new StringBuilder();
    for (String target : targets) {
      int colon = target.lastIndexOf(':');
      if (colon <= 0 || !target.substring(colon + 1).matches("\\d{1,9}")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "'" + target + "' is not FILE:LINE");
      }
      Path file = Path.of(target.substring(0, colon)).toAbsolutePath().normalize();
      int line = Integer.parseInt(target.substring(colon + 1));
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      Path base = root != null ? root.toAbsolutePath().normalize() : file.startsWith(cwd) ? cwd : file.getParent();
      if (!file.startsWith(base)) {
        throw new CommandLine.ParameterException(spec.commandLine(), file + " is not under the root " + base);
      }
      String relative = base.relativize(file).toString().replace('\\', '/');
      DocgateConfig config = configFile.load(rules, null, base, cwd);
      if (!(SourceDecoder.decode(Files.readAllBytes(file)) instanceof SourceDecoder.Text text)) {
        throw new CommandLine.ParameterException(spec.commandLine(), file + " is not UTF-8 text");
      }
      MarkdownDocument doc = new MarkdownParser().parse(relative, text.text());
      // the status the document states: its front matter, or a metadata file beside it (a KEP's kep.yaml)
      Path corpusRoot = base;
      CurrencyRules currencyRules = CurrencyRules.load(rules, config);
      DocumentCurrency currency = currencyRules.of(doc, path -> {
        Path f = corpusRoot.resolve(path).normalize();
        try {
          return f.startsWith(corpusRoot) && Files.isRegularFile(f) ? java.util.Optional.of(Files.readString(f))
              : java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
          return java.util.Optional.empty();
        }
      });
      out.append(currency.explain(line));
      DocumentCurrency byPath = currencyRules.of(doc);
      if (byPath.isRecord() != currency.isRecord()) {
        // the status decides for completeness (a living proposal's TODOs are real); a proposal's versions are its
        // own milestones and plans, so versions and terminology keep the path's and title's decision
        out.append("  versions and terminology: ").append(byPath.reason())
            .append(" (they read the path and title, not the status)\n");
      }
      CorpusIndex alone = new CorpusIndex(base, Set.of(relative), Set.of(""), Map.of(relative, doc));
      List<Finding> onLine = ValidatorRegistry.builder(config, rules).only(Set.of("versions")).build()
          .validate(doc, alone).findings().stream().filter(f -> f.line() == line).toList();
      if (onLine.isEmpty()) {
        out.append("  version findings on this line: none\n");
      }
      for (Finding f : onLine) {
        out.append("  finding: ").append(f.rule()).append(" (").append(f.severity().name().toLowerCase())
            .append(") at column ").append(f.column()).append(": ").append(f.message()).append('\n');
      }
    }
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return DocgateCommand.EXIT_OK;
  }
}
