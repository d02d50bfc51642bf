package org.docgate.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.0.0.0/8} or {@code fe80::/10}. Immutable; pure. */
public record Cidr(byte[] network, int prefix, String text) {
  public Cidr {
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("prefix /" + prefix + " out of range in " + text);
    }
    network = network.clone();
  }

  /** Parses {@code a.b.c.d/n}, {@code v6::/n} or a single address (a full-length prefix). Literals only, no DNS. */
  public static Cidr parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    if (!addr.matches("[0-9a-fA-F:.]+") || addr.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addr).getAddress(); // a literal: never a DNS lookup
      if (addr.contains(":") && bytes.length == 4) { // Java turns ::ffff:a.b.c.d into IPv4; keep the IPv6 form
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        bytes = mapped;
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
    }
    return new Cidr(bytes, prefix, t);
  }

  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
