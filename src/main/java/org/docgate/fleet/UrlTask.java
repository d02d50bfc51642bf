package org.docgate.fleet;

import static org.docgate.fleet.Messages.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One URL to check: a message on the URL topic, as JSON, keyed by {@link #key()} (its host, or {@code host#j} for a
 * hot host split into {@code shards} sub-keys), so the group gives every key exactly one owner and that owner's
 * per-host limiter is the fleet's limit for it.
 *
 * @param url normalised, without fragment: the row of the fleet's URL store
 * @param readPage whether the page must be read (a link to it has a #fragment to verify)
 * @param queuedAt when it was produced: a result stored at or after it means this message was already done
 */
public record UrlTask(String url, String host, int shard, int shards, boolean readPage, Instant queuedAt) {
  public UrlTask {
    require(url != null && !url.isBlank() && url.length() <= 8192, "a URL task needs a URL (at most 8192 chars)");
    require(host != null && !host.isBlank(), "a URL task needs a host");
    require(shards >= 1 && shard >= 0 && shard < shards, "a URL task's shard must be in 0.." + (shards - 1));
    require(queuedAt != null, "a URL task needs its queue time");
  }

  /** The topic key: the host, or {@code host#j} when the host is split. */
  public String key() {
    return shards == 1 ? host : host + "#" + shard;
  }

  public String toJson() {
    ObjectNode o = Messages.JSON.createObjectNode();
    o.put("url", url);
    o.put("host", host);
    o.put("shard", shard);
    o.put("shards", shards);
    o.put("readPage", readPage);
    o.put("queuedAt", queuedAt.toString());
    return o.toString();
  }

  /** @throws IllegalArgumentException when the message is not a URL task (a poison message) */
  public static UrlTask fromJson(String json) {
    return Messages.fromJson(json, "a URL task", "queuedAt", o -> new UrlTask(o.path("url").asText(null),
        o.path("host").asText(null), o.path("shard").asInt(0), o.path("shards").asInt(1),
        o.path("readPage").asBoolean(false), Messages.instant(o, "queuedAt")));
  }
}
