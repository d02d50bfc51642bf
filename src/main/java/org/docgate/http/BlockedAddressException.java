package org.docgate.http;

import java.net.UnknownHostException;

/**
 * The SSRF guard refused a host: it resolves to an address the policy does not allow. An {@link UnknownHostException}
 * because that is what OkHttp's {@code Dns} may throw; callers tell it apart by type.
 */
public final class BlockedAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  public BlockedAddressException(String message) {
    super(message);
  }
}
