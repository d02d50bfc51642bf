package org.docgate.report.readiness;

import java.util.Locale;

/** A blocking gate that fails makes the corpus not ready (exit 1); an advisory one only costs score. */
public enum GateSeverity {
  BLOCKING,
  ADVISORY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
