package org.docgate.validate.weblinks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.docgate.http.Backoff;
import org.docgate.http.BlockedAddressException;
import org.docgate.http.HostGates;
import org.docgate.http.HttpClients;
import org.docgate.http.RetryAfter;
import org.docgate.http.VettingDns;

/**
 * Checks one URL: HEAD first (GET when HEAD is refused, when the page must be read for a fragment, or when the host
 * is known to mishandle HEAD), redirects followed hop by hop (each hop's host vetted again by the SSRF guard),
 * retries with backoff for 429/502/503/504 and timeouts honouring {@code Retry-After} up to a cap. Thread-safe;
 * blocking (one virtual thread per URL).
 */
final class UrlChecker {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);
  private static final Clock WALL = Clock.systemUTC(); // Retry-After dates are the server's wall clock

  private final OkHttpClient client;
  private final VettingDns dns;
  private final WebLinkConfig config;
  private final HostGates gates;
  private final Backoff backoff;
  private final UnaryOperator<String> env;
  private final Set<String> headRefused = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();
  private final Map<String, OkHttpClient> clients = new ConcurrentHashMap<>();

  UrlChecker(OkHttpClient client, VettingDns dns, WebLinkConfig config, HostGates gates, Backoff backoff,
      UnaryOperator<String> env) {
    this.client = client;
    this.dns = dns;
    this.config = config;
    this.gates = gates;
    this.backoff = backoff;
    this.env = env;
  }

  /** One response's facts, the body already closed. */
  private record Fetched(int status, String location, String retryAfter, List<String> anchors, boolean complete,
      int tries) {}

  CheckResult check(HttpUrl url, boolean readPage) {
    return check(url, readPage, null);
  }

  /** @param waits adds up what the check's requests waited for their hosts' slots (null: not measured) */
  CheckResult check(HttpUrl url, boolean readPage, HostGates.WaitTally waits) {
    HttpUrl current = url;
    Set<String> seen = new HashSet<>();
    seen.add(current.toString());
    String movedTo = null;
    boolean permanentSoFar = true;
    for (int hop = 0; ; hop++) {
      String where = hop == 0 ? "" : " (at redirect hop " + hop + ": " + current + ")";
      Fetched f;
      try {
        dns.vetLiteral(current.host());
        f = fetchWithRetries(current, readPage, waits);
      } catch (IOException e) {
        Outcome o = classify(e);
        return new CheckResult(o, 0, describe(o, e, current) + where, movedTo, null, false);
      }
      if (f.status() >= 300 && f.status() < 400 && f.location() != null) {
        HttpUrl next = current.resolve(f.location());
        if (next == null) {
          return new CheckResult(Outcome.BROKEN, f.status(), "HTTP " + f.status() + " redirect to an unusable "
              + "location '" + f.location() + "'" + where, movedTo, null, false);
        }
        if (hop + 1 > config.maxRedirects()) {
          return new CheckResult(Outcome.REDIRECT_LOOP, f.status(), "more than " + config.maxRedirects()
              + " redirects", movedTo, null, false);
        }
        if (!seen.add(next.toString())) {
          return new CheckResult(Outcome.REDIRECT_LOOP, f.status(), "redirect loop: " + current + " leads back to "
              + next, movedTo, null, false);
        }
        boolean permanent = f.status() == 301 || f.status() == 308;
        permanentSoFar &= permanent;
        if (permanentSoFar) {
          movedTo = next.toString();
        }
        current = next;
        continue;
      }
      return byStatus(f, movedTo, where);
    }
  }

  private CheckResult byStatus(Fetched f, String movedTo, String where) {
    int s = f.status();
    String tries = f.tries() > 1 ? " after " + f.tries() + " tries" : "";
    if (config.accepts(s)) {
      return new CheckResult(movedTo == null ? Outcome.OK : Outcome.REDIRECTED, s, "HTTP " + s, movedTo,
          f.anchors(), f.complete());
    }
    Outcome o;
    if (s == 429) {
      o = Outcome.RATE_LIMITED;
    } else if (s >= 500) {
      o = Outcome.SERVER_ERROR;
    } else if (s == 401 || s == 403) {
      o = Outcome.ACCESS_DENIED;
    } else {
      o = Outcome.BROKEN;
    }
    String extra = s >= 300 && s < 400 ? " without a Location header" : "";
    return new CheckResult(o, s, "HTTP " + s + extra + tries + where, movedTo, null, false);
  }

  private Fetched fetchWithRetries(HttpUrl url, boolean readPage, HostGates.WaitTally waits) throws IOException {
    String host = url.host();
    WebLinkConfig.HostSettings hs = config.host(host);
    boolean get = readPage || (hs != null && hs.preferGet()) || headRefused.contains(host);
    int attempt = 0;
    while (true) {
      Fetched f;
      final boolean useGet = get;
      try {
        f = gates.call(host, waits, () -> fetchOnce(url, useGet, readPage));
      } catch (IOException e) {
        if (classify(e) == Outcome.TIMEOUT && attempt < config.maxRetries()) {
          sleep(backoff.delay(attempt++));
          continue;
        }
        throw e;
      }
      if (!get && (f.status() == 405 || f.status() == 403 || f.status() == 501)) {
        get = true; // HEAD refused: ask again with GET, not counted as a retry
        if (f.status() != 403) {
          headRefused.add(host);
        }
        continue;
      }
      if (RETRIED.contains(f.status())) {
        Optional<Duration> asked = RetryAfter.parse(f.retryAfter(), WALL.instant());
        Duration wait = asked.orElse(backoff.delay(attempt));
        if (f.status() == 429) {
          gates.penalize(host, min(wait, config.maxRetryAfter())); // everyone waits for this host, not just us
        }
        // a Retry-After beyond the cap is not waited for: the link is reported as it stands
        if (attempt < config.maxRetries() && wait.compareTo(config.maxRetryAfter()) <= 0) {
          sleep(wait);
          attempt++;
          continue;
        }
      } else if (f.status() < 400) {
        gates.relax(host);
      }
      return new Fetched(f.status(), f.location(), f.retryAfter(), f.anchors(), f.complete(), attempt + 1);
    }
  }

  private Fetched fetchOnce(HttpUrl url, boolean get, boolean readPage) throws IOException {
    Request.Builder b = new Request.Builder().url(url).method(get ? "GET" : "HEAD", null)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    headersFor(url).forEach(b::header);
    try (Response r = clientFor(url.host()).newCall(b.build()).execute()) {
      List<String> anchors = null;
      boolean complete = false;
      ResponseBody body = r.body();
      if (get && readPage && config.accepts(r.code()) && isHtml(body.contentType())) {
        byte[] bytes = readUpTo(body.byteStream(), config.maxPageBytes() + 1);
        complete = bytes.length <= config.maxPageBytes();
        Charset cs = body.contentType() == null ? StandardCharsets.UTF_8
            : body.contentType().charset(StandardCharsets.UTF_8);
        int n = (int) Math.min(bytes.length, config.maxPageBytes());
        anchors = RemoteAnchors.idsIn(new String(bytes, 0, n, cs));
      }
      // a GET that is not read is closed right after the headers: the body is never downloaded
      return new Fetched(r.code(), r.header("Location"), r.header("Retry-After"), anchors, complete, 1);
    }
  }

  private OkHttpClient clientFor(String host) {
    return clients.computeIfAbsent(host, h -> {
      WebLinkConfig.HostSettings hs = config.host(h);
      int limit = hs != null && hs.concurrency() != null ? hs.concurrency() : config.perHostConcurrency();
      return HttpClients.forHost(client, limit);
    });
  }

  /** Closes every host's idle connections (the end of a run). */
  void close() {
    clients.values().forEach(HttpClients::shutdown);
    HttpClients.shutdown(client);
  }

  /**
   * The configured headers of a URL's host, {@code ${VAR}} taken from the environment; a header whose variable is
   * unset is left out. None unless the URL is https on the host's headers port: each redirect hop is a new request,
   * so a downgrade to http, another port or another host gets none either.
   */
  private Map<String, String> headersFor(HttpUrl url) {
    WebLinkConfig.HostSettings settings = config.host(url.host());
    if (settings == null || !settings.headersApply(url.scheme(), url.port())) {
      return Map.of();
    }
    return headers.computeIfAbsent(url.host(), h -> {
      WebLinkConfig.HostSettings hs = config.host(h);
      Map<String, String> out = new LinkedHashMap<>();
      if (hs == null) {
        return out;
      }
      hs.headers().forEach((name, template) -> {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        boolean complete = true;
        while (m.find()) {
          String v = env.apply(m.group(1));
          if (v == null || v.isEmpty()) {
            complete = false;
            break;
          }
          m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        if (complete) {
          m.appendTail(sb);
          out.put(name, sb.toString());
        }
      });
      return out;
    });
  }

  private static boolean isHtml(MediaType type) {
    return type != null && (type.subtype().equalsIgnoreCase("html") || type.subtype().equalsIgnoreCase("xhtml+xml"));
  }

  private static byte[] readUpTo(InputStream in, long limit) throws IOException {
    byte[] buf = new byte[(int) Math.min(limit, 64 * 1024)];
    int n = 0;
    while (n < limit) {
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(limit, (long) buf.length * 2));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return Arrays.copyOf(buf, n);
  }

  /** The outcome an I/O failure stands for, looking through causes and suppressed exceptions. */
  static Outcome classify(Throwable e) {
    if (has(e, BlockedAddressException.class)) {
      return Outcome.BLOCKED_BY_POLICY;
    }
    if (has(e, UnknownHostException.class)) {
      return Outcome.DNS_FAILURE;
    }
    if (has(e, SSLException.class)) {
      return Outcome.TLS_ERROR;
    }
    if (has(e, SocketTimeoutException.class)
        || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout"))) {
      return Outcome.TIMEOUT;
    }
    return chain(e).stream().anyMatch(t -> t instanceof ConnectException
        && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("refused"))
        ? Outcome.CONNECTION_REFUSED : Outcome.CONNECTION_FAILED;
  }

  private static String describe(Outcome o, IOException e, HttpUrl url) {
    return switch (o) {
      case BLOCKED_BY_POLICY -> message(find(e, BlockedAddressException.class));
      case DNS_FAILURE -> "host '" + url.host() + "' not found";
      case TLS_ERROR -> "TLS handshake with " + url.host() + " failed";
      case TIMEOUT -> "no answer within the timeout";
      case CONNECTION_REFUSED -> "connection to " + url.host() + ":" + url.port() + " refused";
      default -> "connection failed: " + e.getClass().getSimpleName();
    };
  }

  private static String message(Throwable t) {
    return t == null || t.getMessage() == null ? "refused by the address policy" : t.getMessage();
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static Throwable find(Throwable e, Class<? extends Throwable> type) {
    return chain(e).stream().filter(type::isInstance).findFirst().orElse(null);
  }

  /** The exception, its causes and its suppressed exceptions (OkHttp's fast fallback attaches other routes' ones). */
  private static List<Throwable> chain(Throwable e) {
    Set<Throwable> seen = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      todo.addAll(Arrays.asList(t.getSuppressed()));
    }
    return List.copyOf(seen);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
