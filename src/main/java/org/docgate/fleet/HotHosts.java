package org.docgate.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Hosts too busy for one owner, split into {@code k} topic keys {@code host#0..k-1} (the URL picks its key by its
 * hash, the same in every process); each key's owner allows {@code perHost/k} in flight and {@code k ×} the interval,
 * so the host's limit still holds for the fleet. Schedulers and workers must be given the same list.
 */
public record HotHosts(Map<String, Integer> shards) {
  public static final HotHosts NONE = new HotHosts(Map.of());

  public HotHosts {
    Map<String, Integer> copy = new LinkedHashMap<>();
    shards.forEach((h, k) -> {
      if (k < 1 || k > 64) {
        throw new IllegalArgumentException("a hot host is split into 1..64 keys, got " + k + " for " + h);
      }
      copy.put(h.toLowerCase(Locale.ROOT), k);
    });
    shards = Map.copyOf(copy);
  }

  /** {@code host=k} entries, e.g. {@code github.com=4}. */
  public static HotHosts parse(List<String> entries) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String e : entries == null ? List.<String>of() : entries) {
      int eq = e.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a hot host is HOST=K, got '" + e + "'");
      }
      try {
        m.put(e.substring(0, eq).strip(), Integer.parseInt(e.substring(eq + 1).strip()));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("a hot host is HOST=K with a number K, got '" + e + "'");
      }
    }
    return new HotHosts(m);
  }

  /** The host of a normalised URL (lower case), or the URL itself when it has none (it fails its check alone). */
  public static String hostOf(String url) {
    HttpUrl u = HttpUrl.parse(url);
    return u == null ? url : u.host().toLowerCase(Locale.ROOT);
  }

  /** The task for a URL: its host, and its sub-key when the host is hot. */
  public UrlTask task(String url, boolean readPage, Instant now) {
    String host = hostOf(url);
    int k = shards.getOrDefault(host, 1);
    return new UrlTask(url, host, Math.floorMod(url.hashCode(), k), k, readPage, now);
  }
}
