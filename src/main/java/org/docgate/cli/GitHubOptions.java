package org.docgate.cli;

import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.docgate.pr.GitHubApi;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the commands that write to GitHub share ({@code pr --pr}, {@code issue-report}, {@code serve --issue-report}):
 * the {@code --github-api} option (a mixin of {@code pr} and {@code issue-report}; serve names its own), the token
 * from {@code GITHUB_TOKEN}, and the HTTP client that names docgate's version.
 */
final class GitHubOptions {
  /** Where the token is read from; tests replace it (the JVM's environment cannot be changed in process). */
  static Function<String, String> environment = System::getenv;

  @Option(names = "--github-api", paramLabel = "URL", defaultValue = "https://api.github.com",
      description = "The GitHub REST API (default: ${DEFAULT-VALUE}).")
  String api;

  /** The token of {@code GITHUB_TOKEN}; missing or blank: a usage error saying that {@code neededBy} needs it. */
  static String token(CommandLine cmd, String neededBy) {
    String token = environment.apply("GITHUB_TOKEN");
    if (token == null || token.isBlank()) {
      throw new CommandLine.ParameterException(cmd, neededBy + " needs a token in the GITHUB_TOKEN environment "
          + "variable");
    }
    return token;
  }

  /** A client for the GitHub API whose user agent is {@code docgate/VERSION}; shut it down after use. */
  static OkHttpClient client() {
    return GitHubApi.client("docgate/" + Version.number());
  }
}
