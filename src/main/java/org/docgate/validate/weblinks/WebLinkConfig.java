package org.docgate.validate.weblinks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.Units;
import org.docgate.config.YamlNodes;
import org.docgate.http.AddressPolicy;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The settings of {@code rules/links.yaml}: what to check, how politely, what to trust, and how long to remember.
 * Read strictly: unknown keys and bad values fail with file and line. Header values may name environment variables
 * ({@code ${GITHUB_TOKEN}}); they are substituted only when a request is built, never stored resolved.
 */
public record WebLinkConfig(
    boolean offline,
    List<Pattern> exclude,
    List<Pattern> include,
    List<int[]> accept,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    int globalConcurrency,
    int perHostConcurrency,
    Duration interval,
    int maxRetries,
    Duration backoff,
    Duration maxRetryAfter,
    int maxRedirects,
    boolean checkFragments,
    long maxPageBytes,
    String userAgent,
    List<String> allow,
    boolean cacheEnabled,
    Path cacheDirectory,
    Duration okTtl,
    Duration brokenTtl,
    Map<String, HostSettings> hosts) {

  /**
   * Per-host overrides; null fields keep the global value. The headers (tokens) go only to {@code https} on
   * {@code headersPort}: the host name alone would hand them to {@code http://github.com:81/}, in clear text, to
   * whoever answers there, when a document (or a redirect) points to it.
   */
  public record HostSettings(Integer concurrency, Duration interval, boolean preferGet, Map<String, String> headers,
      int headersPort) {
    public static final int HTTPS_PORT = 443;

    public HostSettings {
      headers = Map.copyOf(headers);
    }

    /** Whether the headers may go with a request to this scheme and port. */
    public boolean headersApply(String scheme, int port) {
      return "https".equalsIgnoreCase(scheme) && port == headersPort;
    }
  }

  public WebLinkConfig {
    exclude = List.copyOf(exclude);
    include = List.copyOf(include);
    accept = List.copyOf(accept);
    allow = List.copyOf(allow);
    hosts = Map.copyOf(hosts);
  }

  public static WebLinkConfig defaults() {
    return parse("defaults", "");
  }

  /** {@code links.yaml} from the rules folder (the user's copy wins), else the defaults. */
  public static WebLinkConfig fromRules(RuleFiles rules) {
    return rules.read("links.yaml").map(f -> parse(f.source(), f.text())).orElseGet(WebLinkConfig::defaults);
  }

  /** Whether a normalised URL is excluded (an include pattern wins over the excludes). */
  public boolean excludes(String url) {
    if (include.stream().anyMatch(p -> p.matcher(url).find())) {
      return false;
    }
    return exclude.stream().anyMatch(p -> p.matcher(url).find());
  }

  public boolean accepts(int status) {
    return accept.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
  }

  /** The settings for a host: exact name, else the nearest {@code *.parent} entry, else none. */
  public HostSettings host(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    HostSettings exact = hosts.get(h);
    if (exact != null) {
      return exact;
    }
    for (int dot = h.indexOf('.'); dot >= 0; dot = h.indexOf('.', dot + 1)) {
      HostSettings wild = hosts.get("*" + h.substring(dot));
      if (wild != null) {
        return wild;
      }
    }
    return null;
  }

  public AddressPolicy addressPolicy() {
    return AddressPolicy.allowing(allow);
  }

  public WebLinkConfig withOffline(boolean value) {
    return new WebLinkConfig(value, exclude, include, accept, connectTimeout, readTimeout, totalTimeout,
        globalConcurrency, perHostConcurrency, interval, maxRetries, backoff, maxRetryAfter, maxRedirects,
        checkFragments, maxPageBytes, userAgent, allow, cacheEnabled, cacheDirectory, okTtl, brokenTtl, hosts);
  }

  private static final List<String> TOP = List.of("offline", "exclude", "include", "accept", "timeouts",
      "concurrency", "interval", "retries", "maxRedirects", "fragments", "userAgent", "allow", "cache", "hosts");

  public static WebLinkConfig parse(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "links.yaml", new LinkedHashSet<>(TOP));
    Map<String, Node> timeouts = y.mapping(top.get("timeouts"), "timeouts", set("connect", "read", "total"));
    Map<String, Node> conc = y.mapping(top.get("concurrency"), "concurrency", set("global", "perHost"));
    Map<String, Node> retries = y.mapping(top.get("retries"), "retries", set("max", "backoff", "maxRetryAfter"));
    Map<String, Node> fragments = y.mapping(top.get("fragments"), "fragments", set("check", "maxBytes"));
    Map<String, Node> cache = y.mapping(top.get("cache"), "cache", set("enabled", "directory", "ttl"));
    Map<String, Node> ttl = y.mapping(cache.get("ttl"), "cache.ttl", set("ok", "broken"));

    List<String> allow = y.strings(top.get("allow"), "allow");
    try {
      AddressPolicy.allowing(allow);
    } catch (IllegalArgumentException e) {
      throw y.error(top.get("allow"), "allow: " + e.getMessage());
    }
    Map<String, HostSettings> hosts = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : y.mapping(top.get("hosts"), "hosts", null).entrySet()) {
      String what = "hosts." + e.getKey();
      Map<String, Node> h = y.mapping(e.getValue(), what, set("perHost", "interval", "method", "headers", "port"));
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, Node> hd : y.mapping(h.get("headers"), what + ".headers", null).entrySet()) {
        headers.put(hd.getKey(), y.scalar(hd.getValue(), what + ".headers." + hd.getKey()));
      }
      String method = h.containsKey("method") ? y.scalar(h.get("method"), what + ".method").toLowerCase(Locale.ROOT)
          : "head";
      if (!method.equals("head") && !method.equals("get")) {
        throw y.error(h.get("method"), what + ".method: '" + method + "' is not head or get");
      }
      hosts.put(e.getKey().toLowerCase(Locale.ROOT), new HostSettings(
          h.containsKey("perHost") ? y.integer(h.get("perHost"), what + ".perHost", 1, 0) : null,
          h.containsKey("interval") ? duration(y, h.get("interval"), what + ".interval") : null,
          method.equals("get"), headers,
          h.containsKey("port") ? port(y, h.get("port"), what + ".port") : HostSettings.HTTPS_PORT));
    }
    String dir = cache.containsKey("directory") ? y.scalar(cache.get("directory"), "cache.directory").strip() : "";
    String ua = top.containsKey("userAgent") ? y.scalar(top.get("userAgent"), "userAgent").strip() : "";
    return new WebLinkConfig(
        y.bool(top.get("offline"), "offline", false),
        regexes(y, top.get("exclude"), "exclude"),
        regexes(y, top.get("include"), "include"),
        top.containsKey("accept") ? statusRanges(y, top.get("accept")) : List.<int[]>of(new int[] {200, 299}),
        durationOr(y, timeouts.get("connect"), "timeouts.connect", Duration.ofSeconds(10)),
        durationOr(y, timeouts.get("read"), "timeouts.read", Duration.ofSeconds(20)),
        durationOr(y, timeouts.get("total"), "timeouts.total", Duration.ofSeconds(30)),
        y.integer(conc.get("global"), "concurrency.global", 1, 64),
        y.integer(conc.get("perHost"), "concurrency.perHost", 1, 4),
        durationOr(y, top.get("interval"), "interval", Duration.ZERO),
        y.integer(retries.get("max"), "retries.max", 0, 2),
        durationOr(y, retries.get("backoff"), "retries.backoff", Duration.ofSeconds(1)),
        durationOr(y, retries.get("maxRetryAfter"), "retries.maxRetryAfter", Duration.ofSeconds(60)),
        y.integer(top.get("maxRedirects"), "maxRedirects", 0, 10),
        y.bool(fragments.get("check"), "fragments.check", true),
        fragments.containsKey("maxBytes") ? size(y, fragments.get("maxBytes"), "fragments.maxBytes") : 1024 * 1024,
        ua,
        allow,
        y.bool(cache.get("enabled"), "cache.enabled", true),
        dir.isEmpty() ? null : Path.of(dir),
        durationOr(y, ttl.get("ok"), "cache.ttl.ok", Duration.ofDays(7)),
        durationOr(y, ttl.get("broken"), "cache.ttl.broken", Duration.ofHours(6)),
        hosts);
  }

  private static LinkedHashSet<String> set(String... keys) {
    return new LinkedHashSet<>(List.of(keys));
  }

  private static Duration durationOr(YamlNodes y, Node n, String what, Duration fallback) {
    return n == null ? fallback : duration(y, n, what);
  }

  private static Duration duration(YamlNodes y, Node n, String what) {
    try {
      return Units.duration(y.scalar(n, what));
    } catch (IllegalArgumentException e) {
      throw y.error(n, what + ": " + e.getMessage());
    }
  }

  private static int port(YamlNodes y, Node n, String what) {
    int v = y.integer(n, what, Integer.MIN_VALUE, HostSettings.HTTPS_PORT);
    if (v < 1 || v > 65535) {
      throw y.error(n, what + ": must be a TCP port (1-65535), the https port the headers go to");
    }
    return v;
  }


  private static long size(YamlNodes y, Node n, String what) {
    try {
      return Units.size(y.scalar(n, what));
    } catch (IllegalArgumentException e) {
      throw y.error(n, what + ": " + e.getMessage());
    }
  }

  private static List<Pattern> regexes(YamlNodes y, Node n, String what) {
    List<Pattern> out = new ArrayList<>();
    for (String r : y.strings(n, what)) {
      try {
        out.add(Pattern.compile(r));
      } catch (PatternSyntaxException e) {
        throw y.error(n, what + ": bad regular expression '" + r + "': " + e.getDescription());
      }
    }
    return out;
  }

  private static List<int[]> statusRanges(YamlNodes y, Node n) {
    List<int[]> out = new ArrayList<>();
    for (String s : y.strings(n, "accept")) {
      Matcher m = Pattern.compile("\\s*(\\d{3})\\s*(?:-\\s*(\\d{3})\\s*)?").matcher(s);
      if (!m.matches()) {
        throw y.error(n, "accept: '" + s + "' is not a status code or range such as 200-299");
      }
      int lo = Integer.parseInt(m.group(1));
      int hi = m.group(2) == null ? lo : Integer.parseInt(m.group(2));
      out.add(new int[] {lo, hi});
    }
    if (out.isEmpty()) {
      throw new ConfigException(y.error(n, "accept: needs at least one status").getMessage());
    }
    return out;
  }
}
