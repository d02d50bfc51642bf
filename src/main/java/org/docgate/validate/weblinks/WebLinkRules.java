package org.docgate.validate.weblinks;

import java.util.List;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/** The rules of the external link validator. */
public final class WebLinkRules {
  private WebLinkRules() {}

  public static final Rule BROKEN = new Rule("links/external-broken",
      "External link that does not work: 404/410, unknown host, connection refused, TLS error, redirect loop",
      Severity.ERROR);
  public static final Rule REDIRECT = new Rule("links/external-redirect",
      "External link permanently redirected (301/308): link the final URL instead", Severity.WARNING);
  public static final Rule UNVERIFIED = new Rule("links/external-unverified",
      "External link that could not be verified: rate-limited, timeout, server error, access denied, or a fragment "
          + "that cannot be checked", Severity.WARNING);
  public static final Rule MISSING_ANCHOR = new Rule("links/external-missing-anchor",
      "The fragment of an external link is not an id or name on the fetched page", Severity.ERROR);
  public static final Rule BLOCKED = new Rule("links/external-blocked",
      "External link not fetched: its host resolves to a private, loopback or link-local address (SSRF guard)",
      Severity.INFO);
  public static final Rule NOTE = new Rule("links/external-note",
      "A note about the external link check as a whole (network unavailable, cache not persisted)", Severity.INFO);

  public static final List<Rule> ALL = List.of(BROKEN, REDIRECT, UNVERIFIED, MISSING_ANCHOR, BLOCKED, NOTE);
}
