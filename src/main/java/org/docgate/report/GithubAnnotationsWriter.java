package org.docgate.report;

import org.docgate.finding.Finding;

/**
 * {@code scan --format github}: one GitHub Actions workflow command per finding
 * ({@code ::error file=P,line=L,col=C,title=RULE::MESSAGE}), which the runner shows as an annotation on the line.
 * Properties and message are escaped the way the runner unescapes them (actions/toolkit's command.ts), so a message
 * quoting document text with a newline stays one command and cannot start a second one. Pure.
 */
public final class GithubAnnotationsWriter {
  private final String pathPrefix;

  /** {@code pathPrefix}: prepended to each corpus-relative path, so it is relative to the repository root. */
  public GithubAnnotationsWriter(String pathPrefix) {
    this.pathPrefix = pathPrefix == null ? "" : pathPrefix;
  }

  public String write(ScanReport report) {
    StringBuilder out = new StringBuilder();
    for (Finding f : report.findings()) {
      out.append("::").append(command(f)).append(" file=").append(property(pathPrefix + f.path()))
          .append(",line=").append(f.line()).append(",col=").append(f.column())
          .append(",title=").append(property(f.rule())).append("::").append(data(f.message())).append('\n');
    }
    return out.toString();
  }

  private static String command(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** The message: {@code %} first, so an escape already in the text is not unescaped by the runner. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: also {@code :} and {@code ,}, which end a value. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
