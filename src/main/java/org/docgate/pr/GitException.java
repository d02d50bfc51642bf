package org.docgate.pr;

/** A git command failed or timed out; the message is one line a user can act on. */
public final class GitException extends RuntimeException {
  public GitException(String message) {
    super(message);
  }
}
