package org.docgate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.docgate.config.ConfigException;
import org.docgate.finding.PlainText;
import org.docgate.validate.terminology.GlossaryImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docgate terms}: the terminology rules' own tools. */
@Command(name = "terms", mixinStandardHelpOptions = true,
    description = "Work with the terminology rules (rules/terminology/).",
    subcommands = {TermsCommand.Import.class})
final class TermsCommand extends ParentCommand {
  /** {@code docgate terms import GLOSSARY.md... [--output FILE] [--accept FILE]}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Read bilingual glossaries (### Term + '- **中文**: 术语' bullets, or | 中文 | English | tables) "
          + "into a bilingual-first-use rule file; report duplicates and conflicting translations on stderr.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:written", "2:usage error, unreadable file or no glossary pair found"})
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "GLOSSARY.md", description = "Glossary documents, read as one.")
    List<Path> inputs;

    /** The rule YAML, e.g. to rules/terminology/MyStyle/Glossary.yml. */
    @CommandLine.Mixin OutputOption out;

    @Option(names = "--accept", paramLabel = "FILE",
        description = "Also write the mixed-case English terms (vSphere, eBPF) as an accept list, e.g. "
            + "rules/terminology/vocab/Glossary/accept.txt.")
    Path accept;

    @Option(names = {"-v", "--verbose"}, description = "List every duplicate and skipped entry; show stack traces.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
      Map<String, String> files = new LinkedHashMap<>();
      for (Path in : inputs) {
        if (!Files.isRegularFile(in)) {
          throw new NoSuchFileException(in.toString());
        }
        files.put(in.getFileName().toString(), Files.readString(in, StandardCharsets.UTF_8));
      }
      GlossaryImport.Result result = GlossaryImport.parse(files);
      if (result.pairs().isEmpty()) {
        throw new ConfigException(String.join(", ", files.keySet()) + ": no glossary pair found (expected "
            + "'### Term' + '- **中文**: 术语' bullets or a | 中文 | English | table)");
      }
      String source = String.join(", ", files.keySet());
      out.write(result.toRuleYaml(source), spec.commandLine().getOut());
      if (accept != null) {
        OutputOption.write(accept, "# English terms imported from " + source + "; any other case of them is flagged.\n"
            + String.join("\n", result.acceptTerms()) + "\n");
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("docgate terms import: " + result.pairs().size() + " pairs (" + result.fromHeadings()
          + " from headings, " + result.fromTables() + " from tables), " + result.duplicates().size()
          + " duplicates, " + result.conflicts().size() + " conflicts, " + result.skipped().size() + " skipped"
          + (accept == null ? "" : ", " + result.acceptTerms().size() + " accepted terms"));
      result.conflicts().forEach(c -> err.println("  conflict: " + PlainText.escape(String.valueOf(c))));
      if (verbose) {
        result.duplicates().forEach(d -> err.println("  duplicate: " + PlainText.escape(String.valueOf(d))));
        result.skipped().forEach(s -> err.println("  skipped: " + PlainText.escape(String.valueOf(s))));
      }
      err.flush();
      return DocgateCommand.EXIT_OK;
    }
  }
}
