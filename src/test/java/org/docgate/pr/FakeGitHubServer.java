package org.docgate.pr;

import java.io.IOException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeGitHub} served on a loopback port: the one fixture of every test that talks to GitHub. As a field,
 * {@code @RegisterExtension final FakeGitHubServer server = new FakeGitHubServer(new FakeGitHub("octo/docs", 2));}
 * serves for each test; inside one test, {@code try (FakeGitHubServer server = FakeGitHubServer.start(github))}.
 */
public final class FakeGitHubServer implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  private final FakeGitHub github;
  private MockWebServer server;

  public FakeGitHubServer(FakeGitHub github) {
    this.github = github;
  }

  /** Serves {@code github} until closed. */
  public static FakeGitHubServer start(FakeGitHub github) throws IOException {
    FakeGitHubServer s = new FakeGitHubServer(github);
    s.start();
    return s;
  }

  private void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(github);
    server.start();
  }

  public FakeGitHub github() {
    return github;
  }

  /** The URL of {@code path} on the fake, e.g. {@code url("/")} for {@code --github-api}. */
  public String url(String path) {
    return server.url(path).toString();
  }

  /** The next request the fake received, in order. */
  public RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    server.close();
  }
}
