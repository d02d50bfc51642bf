package org.docgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Dns OkHttp connects through returns only vetted addresses; no test here opens a socket. */
class VettingDnsTest {
  static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  final AtomicInteger lookups = new AtomicInteger();
  final Resolver fake = host -> {
    lookups.incrementAndGet();
    return switch (host) {
      case "metadata.internal.example" -> List.of(ip("169.254.169.254"));
      case "rebinding.example" -> List.of(ip("93.184.216.34"), ip("127.0.0.1"));
      case "public.example" -> List.of(ip("93.184.216.34"));
      case "intranet.example" -> List.of(ip("10.0.0.5"));
      default -> throw new UnknownHostException(host);
    };
  };

  @Test
  void aNameThatResolvesToTheMetadataAddressIsRefused() {
    VettingDns dns = new VettingDns(fake, AddressPolicy.strict());
    assertThatThrownBy(() -> dns.lookup("metadata.internal.example")).isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("169.254.169.254");
  }

  @Test
  void oneRefusedAddressRefusesTheWholeHost() {
    VettingDns dns = new VettingDns(fake, AddressPolicy.strict());
    assertThatThrownBy(() -> dns.lookup("rebinding.example")).isInstanceOf(BlockedAddressException.class);
  }

  @Test
  void publicAddressesPassAndEachHostIsResolvedOnce() throws Exception {
    VettingDns dns = new VettingDns(fake, AddressPolicy.strict());
    assertThat(dns.lookup("public.example")).containsExactly(ip("93.184.216.34"));
    assertThat(dns.lookup("public.example")).containsExactly(ip("93.184.216.34"));
    assertThat(lookups).hasValue(1);
    assertThat(dns.resolvedAny()).isTrue();
  }

  @Test
  void anUnknownHostIsNotBlockedAndDoesNotCountAsResolved() {
    VettingDns dns = new VettingDns(fake, AddressPolicy.strict());
    assertThatThrownBy(() -> dns.lookup("nx.example")).isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(BlockedAddressException.class);
    assertThat(dns.resolvedAny()).isFalse();
  }

  @Test
  void theAllowListOptsIn() throws Exception {
    VettingDns dns = new VettingDns(fake, AddressPolicy.allowing(List.of("10.0.0.0/8")));
    assertThat(dns.lookup("intranet.example")).containsExactly(ip("10.0.0.5"));
    VettingDns byName = new VettingDns(fake, AddressPolicy.allowing(List.of("metadata.internal.example")));
    assertThat(byName.lookup("metadata.internal.example")).hasSize(1);
  }

  @Test
  void literalsThatOkHttpConnectsToWithoutDnsAreVettedToo() {
    VettingDns dns = new VettingDns(fake, AddressPolicy.strict());
    assertThatThrownBy(() -> dns.vetLiteral("2130706433")).isInstanceOf(BlockedAddressException.class);
    assertThatThrownBy(() -> dns.vetLiteral("169.254.169.254")).isInstanceOf(BlockedAddressException.class);
    assertThatThrownBy(() -> dns.vetLiteral("::ffff:127.0.0.1")).isInstanceOf(BlockedAddressException.class);
    assertThat(lookups).hasValue(0);
  }

  @Test
  void formsOkHttpTakesForNamesGoThroughLookupWhereTheResolvedAddressIsVetted() throws Exception {
    // glibc resolves "0x7f.1" to 127.0.0.1: whatever the resolver answers is vetted
    VettingDns dns = new VettingDns(h -> List.of(ip("127.0.0.1")), AddressPolicy.strict());
    dns.vetLiteral("0x7f.1"); // not a literal to OkHttp
    assertThatThrownBy(() -> dns.lookup("0x7f.1")).isInstanceOf(BlockedAddressException.class);
  }
}
