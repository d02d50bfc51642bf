package org.docgate.validate;

import java.util.Map;

/**
 * Every chosen validator's {@link Prepared} state for one corpus index, by validator id. A scan makes one between
 * indexing and validating; the service hands the previous one to the next scan, so work whose input did not change
 * (a snippet's verdict) is not done again.
 */
public final class PreparedCorpus {
  public static final PreparedCorpus NONE = new PreparedCorpus(Map.of());

  private final Map<String, Prepared> byValidator;

  public PreparedCorpus(Map<String, Prepared> byValidator) {
    this.byValidator = Map.copyOf(byValidator);
  }

  /** The state {@code validator} prepared, or {@link Prepared#NONE}. */
  public Prepared of(Validator validator) {
    return byValidator.getOrDefault(validator.id(), Prepared.NONE);
  }
}
