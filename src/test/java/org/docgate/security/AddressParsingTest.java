package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.docgate.finding.Finding;
import org.docgate.http.IpLiterals;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.validate.weblinks.WebLinkScans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Untrusted corpus text and linked sites: an IPv4 literal software disagrees on ({@code 0127.0.0.1} is 87.0.0.1 to
 * curl, 127.0.0.1 to Java) is an invalid URL, never parsed and contacted, whether a document links it or a redirect
 * points to it. The only server is an allow-listed loopback one that counts requests: before the fix, Java read
 * {@code 0127.0.0.1} as 127.0.0.1 and reached it.
 */
class AddressParsingTest {
  @TempDir Path temp;
  MockWebServer server;
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r.getUrl().encodedPath());
        return r.getUrl().encodedPath().equals("/hop")
            ? new MockResponse.Builder().code(302)
                .setHeader("Location", "http://0127.0.0.1:" + server.getPort() + "/landing").build()
            : new MockResponse.Builder().code(200).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  ScanReport scan(String markdown) throws Exception {
    Path corpus = Files.createDirectories(temp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), markdown.replace("{{port}}", String.valueOf(server.getPort())));
    Path rules = WebLinkScans.rules(temp.resolve("rules"), """
        allow: ["127.0.0.0/8"]
        cache: {enabled: false}
        retries: {max: 0}
        timeouts: {connect: 1s, read: 1s, total: 2s}
        """);
    Network network = new Network(false, host -> {
      if (host.equals("loopback.example")) {
        return List.of(InetAddress.getByName("127.0.0.1"));
      }
      throw new UnknownHostException(host);
    }, name -> null, null);
    return WebLinkScans.run(corpus, rules, network, Clock.systemUTC());
  }

  @Test
  void leadingZeroOctetsAreAnInvalidUrlAndNeverContacted() throws Exception {
    ScanReport report = scan("""
        [octal-looking](http://0127.0.0.1:{{port}}/a)

        [zero-padded](http://127.000.000.001:{{port}}/b)

        [one number](http://2130706433:{{port}}/c)

        [short form](http://127.1:{{port}}/d)
        """);
    assertThat(requests).isEmpty();
    assertThat(report.findings()).extracting(Finding::line).containsExactly(1, 3, 5, 7);
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.message())
        .startsWith("invalid-url: '").contains("is not a canonical IPv4 address"));
  }

  @Test
  void aRedirectToALeadingZeroAddressIsNotFollowed() throws Exception {
    ScanReport report = scan("[mirror](http://loopback.example:{{port}}/hop)\n");
    assertThat(requests).containsExactly("/hop");
    assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("0127.0.0.1").contains("not a canonical IPv4 address"));
  }

  @Test
  void aCanonicalLoopbackAddressIsStillChecked() throws Exception {
    ScanReport report = scan("[fine](http://127.0.0.1:{{port}}/ok)\n");
    assertThat(requests).contains("/ok");
    assertThat(report.findings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0177.0.0.1", "010.1.1.1", "127.0.0.01", "2130706433", "127.1", "1.2.3.4.", "256.1.1.1",
      "1..2.3", "00.0.0.0", "0x7f.0.0.1.1"})
  void nonCanonicalNumericHostsAreRefused(String host) {
    if (host.matches("[\\d.]+")) {
      assertThat(IpLiterals.nonCanonical(host)).isPresent();
    } else {
      assertThat(IpLiterals.nonCanonical(host)).as("a name, resolved and vetted by the DNS guard").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.1.1", "0.0.0.0", "255.255.255.255", "8.8.8.8", "example.com", "github.com"})
  void canonicalAddressesAndNamesPass(String host) {
    assertThat(IpLiterals.nonCanonical(host)).isEmpty();
  }
}
