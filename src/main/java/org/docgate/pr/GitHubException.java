package org.docgate.pr;

/** The GitHub API refused or failed a request. The message names the method and path, never the token. */
public final class GitHubException extends RuntimeException {
  public GitHubException(String message) {
    super(message);
  }
}
