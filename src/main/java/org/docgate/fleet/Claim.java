package org.docgate.fleet;

/**
 * What a worker does with one message of the corpora topic: scan it, or skip it (its result is stored already: a
 * redelivery; or it is not a fleet job at all, and retrying it would block its partition forever).
 *
 * @param job null for a message that is not a fleet job
 * @param checkout set once the corpus is ready to scan
 */
public record Claim(Kind kind, FleetJob job, Checkouts.Checkout checkout, String reason) {
  public enum Kind { SCAN, DUPLICATE, POISON }

  /** For the route's choice. */
  public boolean scan() {
    return kind == Kind.SCAN;
  }

  Claim withCheckout(Checkouts.Checkout c) {
    return new Claim(kind, job, c, reason);
  }
}
