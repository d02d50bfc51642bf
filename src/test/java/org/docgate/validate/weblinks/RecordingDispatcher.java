package org.docgate.validate.weblinks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that answers by path (each path a script of responses, the last one repeating) and
 * records every request: method, path, headers, arrival time, and the peak of concurrent requests.
 */
final class RecordingDispatcher extends Dispatcher {
  record Seen(String method, String path, String host, String authorization, String userAgent, long atNanos) {}

  private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private volatile long delayMillis;

  RecordingDispatcher on(String path, Function<RecordedRequest, MockResponse> handler) {
    routes.put(path, handler);
    return this;
  }

  /** Answers {@code path} with these responses in turn; the last one repeats. */
  RecordingDispatcher script(String path, MockResponse... responses) {
    return on(path, r -> responses[Math.min(calls.get(path).get() - 1, responses.length - 1)]);
  }

  /** Every response waits this long first (to observe concurrency). */
  RecordingDispatcher delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    String path = request.getUrl().encodedPath();
    seen.add(new Seen(request.getMethod(), path, request.getHeaders().get("Host"),
        request.getHeaders().get("Authorization"), request.getHeaders().get("User-Agent"), System.nanoTime()));
    calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      Function<RecordedRequest, MockResponse> h = routes.get(path);
      return h == null ? new MockResponse.Builder().code(404).build() : h.apply(request);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  int calls(String path) {
    AtomicInteger n = calls.get(path);
    return n == null ? 0 : n.get();
  }

  int total() {
    return seen.size();
  }

  List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  int peakConcurrency() {
    return peak.get();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  /** An HTML page (headers only for HEAD: a HEAD response with a body would corrupt the kept-alive connection). */
  static Function<RecordedRequest, MockResponse> page(String body) {
    return r -> {
      MockResponse.Builder b = new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "text/html; charset=utf-8");
      return r.getMethod().equals("HEAD") ? b.build() : b.body(body).build();
    };
  }
}
