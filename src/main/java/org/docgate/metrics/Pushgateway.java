package org.docgate.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import okhttp3.Credentials;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.docgate.http.HttpClients;

/**
 * Pushes a registry's text exposition to a Prometheus Pushgateway, the standard sink of batch jobs:
 * {@code PUT {url}/metrics/job/{job}/instance/{instance}} replaces everything the last push of that grouping key left.
 */
public final class Pushgateway implements AutoCloseable {
  public static final String JOB = "docgate";
  static final MediaType TEXT_FORMAT = MediaType.get("text/plain; version=0.0.4; charset=utf-8");
  private static final int MAX_ERROR_BODY = 300;

  private final OkHttpClient client;
  private final HttpUrl base;
  private final String authorization;

  /**
   * @param base the Pushgateway URL; its user info ({@code http://user:pass@host:9091}) becomes HTTP basic auth, as
   *     curl and Prometheus' own clients do, and never goes into the request URL or a message
   */
  public Pushgateway(OkHttpClient client, HttpUrl base) {
    this.client = client;
    this.authorization = base.username().isEmpty() && base.password().isEmpty() ? null
        : Credentials.basic(base.username(), base.password(), StandardCharsets.UTF_8);
    this.base = base.newBuilder().username("").password("").build();
  }

  /** A client with short timeouts for the Pushgateway at {@code url} (http or https, any path prefix). */
  public static Pushgateway at(String url, String userAgent) {
    HttpUrl base = HttpUrl.parse(url);
    if (base == null) {
      throw new IllegalArgumentException("--pushgateway: not an http(s) URL: " + url);
    }
    OkHttpClient client = HttpClients.create(new HttpClients.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), 1, userAgent), Dns.SYSTEM);
    return new Pushgateway(client, base);
  }

  /** Pushes the registry's current scrape under job {@value #JOB} and the given instance. */
  public void push(PrometheusMeterRegistry registry, String instance) throws PushException {
    push(JOB, instance, registry.scrape());
  }

  public void push(String job, String instance, String exposition) throws PushException {
    HttpUrl url = groupingUrl(base, job, instance);
    Request.Builder builder = new Request.Builder().url(url).put(RequestBody.create(exposition, TEXT_FORMAT));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    Request request = builder.build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        String body = response.body().string();
        body = body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) + "..." : body;
        throw new PushException("pushgateway " + redacted(url) + " answered HTTP " + response.code()
            + (body.isBlank() ? "" : ": " + body.strip().replace('\n', ' ')));
      }
    } catch (PushException e) {
      throw e;
    } catch (IOException e) {
      throw new PushException("cannot push metrics to pushgateway " + redacted(url) + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** Releases the client's sockets and threads. */
  @Override
  public void close() {
    HttpClients.shutdown(client);
  }

  /** {@code base/metrics/job/{job}/instance/{instance}}; a value holding a {@code /} (or empty) goes base64. */
  static HttpUrl groupingUrl(HttpUrl base, String job, String instance) {
    HttpUrl.Builder url = base.newBuilder();
    if (!base.pathSegments().isEmpty() && base.pathSegments().getLast().isEmpty()) {
      url.removePathSegment(base.pathSegments().size() - 1);
    }
    url.addPathSegment("metrics");
    label(url, "job", job);
    label(url, "instance", instance);
    return url.build();
  }

  private static void label(HttpUrl.Builder url, String name, String value) {
    if (value.isEmpty() || value.contains("/")) {
      url.addPathSegment(name + "@base64")
          .addPathSegment(Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    } else {
      url.addPathSegment(name).addPathSegment(value);
    }
  }

  /** The URL without user info, for messages. */
  private static String redacted(HttpUrl url) {
    return url.newBuilder().username("").password("").build().toString();
  }

  /** The push did not happen: unreachable, or a non-2xx answer (the message says which). */
  public static final class PushException extends IOException {
    public PushException(String message) {
      super(message);
    }
  }
}
