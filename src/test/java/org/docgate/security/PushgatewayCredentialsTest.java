package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.docgate.metrics.Pushgateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's Pushgateway credentials ({@code --pushgateway http://user:pass@host:9091}) are used as HTTP basic
 * auth, not silently dropped (the push then failed 401 behind an authenticating proxy), and appear in no message.
 * Against a loopback fake that answers 401 without the right Authorization header.
 */
class PushgatewayCredentialsTest {
  static final String EXPECTED = "Basic " + Base64.getEncoder()
      .encodeToString("pusher:p@ss:wörd".getBytes(StandardCharsets.UTF_8));

  MockWebServer server;
  final List<RecordedRequest> seen = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        seen.add(r);
        return EXPECTED.equals(r.getHeaders().get("Authorization"))
            ? new MockResponse.Builder().code(200).build()
            : new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "Basic realm=\"push\"")
                .body("unauthorized").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void urlCredentialsBecomeBasicAuth() throws Exception {
    String url = "http://pusher:p%40ss%3Aw%C3%B6rd@127.0.0.1:" + server.getPort() + "/prefix";
    try (Pushgateway gateway = Pushgateway.at(url, "docgate/test")) {
      gateway.push("docgate", "docs", "docgate_documents 1\n");
    }
    assertThat(seen).singleElement().satisfies(r -> {
      assertThat(r.getHeaders().get("Authorization")).isEqualTo(EXPECTED);
      assertThat(r.getUrl().encodedPath()).isEqualTo("/prefix/metrics/job/docgate/instance/docs");
    });
  }

  @Test
  void wrongCredentialsFailWithoutShowingThem() {
    String url = "http://pusher:wrong-secret@127.0.0.1:" + server.getPort();
    assertThatThrownBy(() -> {
      try (Pushgateway gateway = Pushgateway.at(url, "docgate/test")) {
        gateway.push("docgate", "docs", "docgate_documents 1\n");
      }
    }).hasMessageContaining("HTTP 401").hasMessageNotContaining("wrong-secret").hasMessageNotContaining("pusher");
  }

  @Test
  void noCredentialsSendNoAuthorization() {
    assertThatThrownBy(() -> {
      try (Pushgateway gateway = Pushgateway.at("http://127.0.0.1:" + server.getPort(), "docgate/test")) {
        gateway.push("docgate", "docs", "docgate_documents 1\n");
      }
    }).hasMessageContaining("HTTP 401");
    assertThat(seen).singleElement().satisfies(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
  }
}
