package org.docgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which addresses the SSRF guard refuses: a table of literals (parsed, never looked up). */
class AddressPolicyTest {
  final AddressPolicy strict = AddressPolicy.strict();

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1        | loopback",
      "127.9.9.9        | loopback",
      "10.1.2.3         | private",
      "172.16.0.1       | private",
      "172.31.255.255   | private",
      "192.168.1.1      | private",
      "169.254.169.254  | link-local",
      "100.64.0.1       | carrier-grade NAT",
      "100.100.100.200  | carrier-grade NAT",
      "0.0.0.0          | unspecified",
      "224.0.0.1        | multicast",
      "255.255.255.255  | reserved",
      "::1              | loopback",
      "::               | unspecified",
      "fe80::1          | link-local",
      "fc00::1          | unique local",
      "fd00:ec2::254    | unique local",
      "ff02::1          | multicast",
      "::ffff:127.0.0.1 | loopback",
      "64:ff9b::a9fe:a9fe | link-local",
      "2002:7f00:1::1   | loopback",
      "::127.0.0.1      | loopback"})
  void refused(String literal, String why) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(literal))).hasValueSatisfying(r -> assertThat(r).contains(why));
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
      "2001:db8::1"})
  void allowed(String literal) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(literal))).isEmpty();
  }

  @Test
  void anIpv4MappedAddressKeptInIpv6FormIsStillRefused() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = (byte) 169;
    mapped[13] = (byte) 254;
    mapped[14] = (byte) 169;
    mapped[15] = (byte) 254;
    assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, null))).isPresent();
  }

  @Test
  void aTeredoAddressCarriesItsClientBitInverted() throws Exception {
    // client 127.0.0.1 inverted is 80.ff.ff.fe
    assertThat(strict.refusal(InetAddress.getByName("2001:0:4136:e378:8000:63bf:80ff:fffe"))).isPresent();
  }

  @Test
  void theAllowListOptsInByBlockOrByHostName() throws Exception {
    AddressPolicy p = AddressPolicy.allowing(List.of("127.0.0.0/8", "::1", "wiki.intranet.example"));
    assertThat(p.refusal(InetAddress.getByName("127.0.0.2"))).isEmpty();
    assertThat(p.refusal(InetAddress.getByName("::1"))).isEmpty();
    assertThat(p.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
    assertThat(p.trustsHost("WIKI.intranet.example")).isTrue();
    assertThat(p.trustsHost("intranet.example")).isFalse();
  }

  @Test
  void aBadAllowListEntryIsAnError() {
    assertThatThrownBy(() -> AddressPolicy.allowing(List.of("10.0.0.0/33"))).hasMessageContaining("out of range");
    assertThatThrownBy(() -> AddressPolicy.allowing(List.of("http://x/"))).hasMessageContaining("neither");
  }
}
