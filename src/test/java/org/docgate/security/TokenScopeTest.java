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
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;
import org.docgate.http.Resolver;
import org.docgate.report.JsonReportWriter;
import org.docgate.report.ScanReport;
import org.docgate.validate.weblinks.WebLinkConfig;
import org.docgate.validate.weblinks.WebLinkScans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Untrusted linked sites and corpus text: a per-host header ({@code Authorization: Bearer ${GITHUB_TOKEN}}) goes only
 * to https on the host's configured port. A document linking {@code http://github.com:N/}, or a redirect to it, must
 * not get the token in clear text. The "sites" are one allow-listed loopback server that records every header; host
 * names resolve to it through a fake resolver.
 */
class TokenScopeTest {
  static final String TOKEN = "ghp_secret_4f2a";

  @TempDir Path temp;
  MockWebServer server;
  final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        seen.add(r.getHeaders().get("Host") + path + " " + r.getHeaders().get("Authorization"));
        if (path.equals("/hop")) {
          return new MockResponse.Builder().code(301)
              .setHeader("Location", "http://github.com:" + server.getPort() + "/landing").build();
        }
        return new MockResponse.Builder().code(200).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  ScanReport scan(String markdown, String hostSettings) throws Exception {
    Path corpus = Files.createDirectories(temp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), markdown.replace("{{port}}", String.valueOf(server.getPort())));
    Path rules = WebLinkScans.rules(temp.resolve("rules"), """
        allow: ["127.0.0.0/8"]
        cache: {enabled: false}
        retries: {max: 0}
        hosts:
          github.com:
            headers: {Authorization: "Bearer ${GITHUB_TOKEN}"}
        """ + hostSettings.replace("{{port}}", String.valueOf(server.getPort())));
    Resolver dns = host -> switch (host) {
      case "github.com", "mirror.example" -> List.of(InetAddress.getByName("127.0.0.1"));
      default -> throw new UnknownHostException(host);
    };
    Network network = new Network(false, dns, name -> name.equals("GITHUB_TOKEN") ? TOKEN : null, null);
    return WebLinkScans.run(corpus, rules, network, Clock.systemUTC());
  }

  @Test
  void aPlainHttpLinkToTheTokensHostGetsNoToken() throws Exception {
    scan("[clear text](http://github.com:{{port}}/owner/repo)\n", "");
    assertThat(seen).anyMatch(s -> s.startsWith("github.com:" + server.getPort() + "/owner/repo"));
    assertThat(seen).allMatch(s -> s.endsWith(" null"));
  }

  @Test
  void plainHttpGetsNoTokenEvenOnTheConfiguredPort() throws Exception {
    scan("[clear text](http://github.com:{{port}}/owner/repo)\n", "    port: {{port}}\n");
    assertThat(seen).isNotEmpty().allMatch(s -> s.endsWith(" null"));
  }

  @Test
  void aRedirectToPlainHttpOnTheTokensHostGetsNoToken() throws Exception {
    ScanReport report = scan("[mirror](http://mirror.example:{{port}}/hop)\n", "");
    assertThat(seen).anyMatch(s -> s.contains("/landing"));
    assertThat(seen).allMatch(s -> s.endsWith(" null"));
    assertThat(new JsonReportWriter().write(report)).doesNotContain(TOKEN);
  }

  @Test
  void headersAreBoundToHttpsOnTheConfiguredPort() {
    WebLinkConfig.HostSettings byDefault = WebLinkConfig.parse("t",
        "hosts: {github.com: {headers: {Authorization: x}}}").host("github.com");
    assertThat(byDefault.headersApply("https", 443)).isTrue();
    assertThat(byDefault.headersApply("http", 443)).isFalse();
    assertThat(byDefault.headersApply("http", 80)).isFalse();
    assertThat(byDefault.headersApply("https", 8443)).isFalse();
    WebLinkConfig.HostSettings enterprise = WebLinkConfig.parse("t",
        "hosts: {git.example: {headers: {Authorization: x}, port: 8443}}").host("git.example");
    assertThat(enterprise.headersApply("https", 8443)).isTrue();
    assertThat(enterprise.headersApply("https", 443)).isFalse();
    assertThat(enterprise.headersApply("http", 8443)).isFalse();
  }

  @Test
  void theShippedRulesBindTheGithubTokenToHttps443() {
    WebLinkConfig.HostSettings github = WebLinkConfig.fromRules(RuleFiles.packaged()).host("github.com");
    assertThat(github.headers()).containsKey("Authorization");
    assertThat(github.headersPort()).isEqualTo(443);
  }
}
