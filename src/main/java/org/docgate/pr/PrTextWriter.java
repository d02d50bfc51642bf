package org.docgate.pr;

import java.util.List;
import java.util.Locale;
import org.docgate.finding.Finding;

/** The terminal view: a summary line, then the new, fixed and pre-existing findings as {@code path:line:col} lines. */
public final class PrTextWriter {
  public String write(PrResult result) {
    PrFindings f = result.findings();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s %.1f -> %.1f; %d new, %d fixed, %d pre-existing in %d touched"
            + " files (%d changed)%n", result.touchedOnly() ? "readiness of the touched files" : "readiness",
        result.before().score(), result.after().score(), f.added().size(),
        f.fixed().size(), f.preExisting().size(), result.touched().size(), result.changes().size()));
    section(out, "new", f.added());
    section(out, "fixed", f.fixed());
    section(out, "pre-existing", f.preExisting());
    return out.toString();
  }

  private static void section(StringBuilder out, String name, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    out.append('\n').append(name).append(":\n");
    for (Finding f : findings) {
      out.append("  ").append(f).append('\n'); // one line: Finding escapes its control characters
    }
  }
}
