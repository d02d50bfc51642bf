package org.docgate.validate.completeness;

/**
 * The key of a per-document verdict of one config ({@code CorpusIndex.ofDocument}): the verdict's name and the config
 * by identity, because the config's globs' compiled patterns have no value equality.
 */
record ConfigKey(String verdict, CompletenessConfig config) {
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigKey k && k.verdict.equals(verdict) && k.config == config;
  }

  @Override
  public int hashCode() {
    return 31 * verdict.hashCode() + System.identityHashCode(config);
  }
}
