package org.docgate.config;

/** A config or rule file is wrong; the message names the file and line. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
