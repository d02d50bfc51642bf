package org.docgate.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cache persisted as one JSON file ({@code {"schema": ..., "entries": {key: {value, storedAt (epoch ms), ttlMs}}}}), written
 * whole or not at all ({@link AtomicWrite}). An unreadable or foreign file
 * is treated as empty: a cache is never worth failing a scan for.
 */
public final class CacheFile<V> {
  private final Path file;
  private final String schema;
  private final JavaType valueType;
  private final ObjectMapper json;

  public CacheFile(Path file, String schema, Class<V> valueType) {
    this.file = file;
    this.schema = schema;
    this.json = new ObjectMapper();
    this.valueType = json.getTypeFactory().constructType(valueType);
  }

  public Path path() {
    return file;
  }

  public Map<String, Stored<V>> read() {
    Map<String, Stored<V>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (root == null || !schema.equals(root.path("schema").asText())) {
        return out;
      }
      for (var e : root.path("entries").properties()) {
        JsonNode n = e.getValue();
        if (!n.hasNonNull("value") || !n.path("storedAt").isIntegralNumber() || !n.path("ttlMs").isIntegralNumber()) {
          continue; // one unreadable entry (an older shape): skip it, keep the rest
        }
        try {
          V value = json.convertValue(n.get("value"), valueType);
          out.put(e.getKey(), new Stored<>(value, Instant.ofEpochMilli(n.get("storedAt").asLong()),
              Duration.ofMillis(n.get("ttlMs").asLong())));
        } catch (IllegalArgumentException bad) {
          // same: a value of another shape
        }
      }
    } catch (IOException e) {
      out.clear();
    }
    return out;
  }

  public void write(Map<String, Stored<V>> entries) throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("schema", schema);
    ObjectNode all = root.putObject("entries");
    entries.forEach((k, s) -> {
      ObjectNode n = all.putObject(k);
      n.set("value", json.valueToTree(s.value()));
      n.put("storedAt", s.storedAt().toEpochMilli());
      n.put("ttlMs", s.ttl().toMillis());
    });
    String text = json.writeValueAsString(root);
    AtomicWrite.write(file, out -> out.write(text));
  }
}
