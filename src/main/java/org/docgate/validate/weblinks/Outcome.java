package org.docgate.validate.weblinks;

import java.util.Locale;

/** What checking one external URL found: a closed set. Every finding names its outcome. */
public enum Outcome {
  /** an accepted status (2xx by default) */
  OK(Verdict.OK),
  /** accepted, after one or more permanent redirects (301/308): the link works, the final URL is better */
  REDIRECTED(Verdict.OK),
  /** 404, 410 and other client errors that mean "not here" */
  BROKEN(Verdict.BROKEN),
  /** 5xx after retries: the server is failing now; not proof that the link is wrong */
  SERVER_ERROR(Verdict.UNVERIFIED),
  /** no answer in time, after retries */
  TIMEOUT(Verdict.UNVERIFIED),
  /** the host name does not resolve (while others do) */
  DNS_FAILURE(Verdict.BROKEN),
  /** the TLS handshake failed: bad or expired certificate, or no TLS at all */
  TLS_ERROR(Verdict.BROKEN),
  /** nothing listens on that port */
  CONNECTION_REFUSED(Verdict.BROKEN),
  /** the connection broke for another reason (reset, unreachable, protocol error) */
  CONNECTION_FAILED(Verdict.UNVERIFIED),
  /** 429 after retries: the host throttles us; never "broken" */
  RATE_LIMITED(Verdict.UNVERIFIED),
  /** 401 or 403 even with GET: behind a login or a bot wall */
  ACCESS_DENIED(Verdict.UNVERIFIED),
  /** a redirect loop, or more redirects than the limit */
  REDIRECT_LOOP(Verdict.BROKEN),
  /** not a URL that can be requested */
  INVALID_URL(Verdict.BROKEN),
  /** the SSRF guard refused the host or a redirect hop (private, loopback, link-local...) */
  BLOCKED_BY_POLICY(Verdict.NOT_CHECKED),
  /** matched an exclude pattern */
  EXCLUDED(Verdict.NOT_CHECKED),
  /** offline mode: not checked at all */
  UNCHECKED(Verdict.NOT_CHECKED),
  /** no host name resolved in the whole run: the network is down, not the link */
  NETWORK_UNAVAILABLE(Verdict.UNVERIFIED);

  /** How an outcome counts: in the health metric, in the cache, in findings. */
  public enum Verdict { OK, BROKEN, UNVERIFIED, NOT_CHECKED }

  private final Verdict verdict;

  Outcome(Verdict verdict) {
    this.verdict = verdict;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The kebab-case name used in messages and stats, e.g. {@code rate-limited}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
