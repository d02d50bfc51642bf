package org.docgate.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.docgate.finding.PlainText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code docgate}: the command line. Exit codes: 0 clean, 1 error-level findings, 2 usage or fatal error. */
@Command(
    name = "docgate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Content-quality and link-integrity checks for Markdown documentation corpora.",
    subcommands = {ScanCommand.class, FixCommand.class, IssueReportCommand.class, ServeCommand.class, ReadinessCommand.class, PrCommand.class, ManifestCommand.class, ExplainCommand.class,
        TermsCommand.class, CompletionCommand.class, FleetCommand.class,
        CommandLine.HelpCommand.class})
public final class DocgateCommand extends ParentCommand {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_FATAL = 2;

  public static void main(String[] args) {
    Optional<Integer> restarted = OneShotJvm.restartIfUntuned(args); // before anything large is loaded
    if (restarted.isPresent()) {
      System.exit(restarted.get());
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new DocgateCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = false; // on the command that failed, however deep: "docgate manifest import ... -v"
      for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
        verbose |= r.hasMatchedOption("--verbose");
      }
      err.println("docgate: error: " + oneLine(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return EXIT_FATAL;
    });
    cmd.setParameterExceptionHandler((e, args1) -> {
      err.println(usageError(e));
      if (e.getCommandLine().getCommandSpec().parent() == null) {
        e.getCommandLine().usage(err); // bare "docgate": the short list of commands is the answer
      }
      err.flush();
      return EXIT_FATAL;
    });
    return cmd.execute(args);
  }

  /**
   * Two short lines instead of the whole usage (40 to 50 lines that buried the one that matters): what was wrong,
   * with picocli's closest option when it has one, and where the usage is.
   */
  static String usageError(CommandLine.ParameterException e) {
    StringBuilder line = new StringBuilder("docgate: ").append(oneLine(e));
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions().stream().limit(3).toList()))
          .append("?)");
    }
    return line.append(System.lineSeparator()).append("see ").append(e.getCommandLine().getCommandSpec()
        .qualifiedName()).append(" --help").toString();
  }

  static String oneLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return PlainText.escape(msg); // file names in messages come from the corpus: one line, nothing raw
  }
}
