package org.docgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the docgate command line in process, as the CLI tests do. */
final class Cli {
  private Cli() {}

  record Run(int exit, String out, String err) {}

  /** Tests never touch the network: {@code scan} and {@code readiness} runs get {@code --offline}. */
  static Run docgate(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    boolean scans = !all.isEmpty() && (all.get(0).equals("scan") || all.get(0).equals("readiness"));
    if (scans && !all.contains("--offline")) {
      all.add("--offline");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = DocgateCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }
}
