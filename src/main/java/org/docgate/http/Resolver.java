package org.docgate.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host name to addresses: the system resolver in production, a fake in tests (so no test needs real DNS). */
@FunctionalInterface
public interface Resolver {
  List<InetAddress> resolve(String host) throws UnknownHostException;

  Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
