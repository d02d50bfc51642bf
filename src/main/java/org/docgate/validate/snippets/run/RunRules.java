package org.docgate.validate.snippets.run;

import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/**
 * The rules a sandboxed run reports, declared here so that this package needs nothing of {@code validate.snippets};
 * {@code SnippetRules} lists them with the other snippet rules under the same names.
 */
public final class RunRules {
  public static final Rule RUN_FAILED =
      new Rule("snippets/run-failed", "A snippet marked to run failed in the sandbox (exit status, signal or limit)",
          Severity.ERROR);
  public static final Rule OUTPUT_MISMATCH =
      new Rule("snippets/output-mismatch", "A snippet's run printed something else than its ```output block",
          Severity.ERROR);
  public static final Rule RUN_TIMEOUT =
      new Rule("snippets/run-timeout", "A snippet marked to run outlived its wall-clock limit and was killed",
          Severity.ERROR);
  public static final Rule SANDBOX_UNAVAILABLE =
      new Rule("snippets/sandbox-unavailable", "A snippet marked to run was not run (no working sandbox, running"
          + " turned off, or a language docgate does not run)", Severity.INFO);

  private RunRules() {}
}
