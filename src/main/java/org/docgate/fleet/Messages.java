package org.docgate.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What the fleet's Kafka messages ({@link FleetJob}, {@link UrlTask}) share: their JSON mapper, the one way a message
 * is read (what is not one is a poison message: an {@link IllegalArgumentException} saying so) and their checks.
 */
final class Messages {
  static final ObjectMapper JSON = new ObjectMapper();

  private Messages() {}

  /**
   * The message {@code json}, made by {@code read} from its JSON object.
   *
   * @param what the kind of message with its article, for errors: {@code a fleet job}
   * @param timeField its time field (an ISO instant, read with {@link #instant}), named when it does not parse
   * @throws IllegalArgumentException when it is not such a message
   */
  static <T> T fromJson(String json, String what, String timeField, Function<JsonNode, T> read) {
    try {
      JsonNode o = JSON.readTree(json);
      if (o == null || !o.isObject()) {
        throw new IllegalArgumentException(what + " is a JSON object");
      }
      return read.apply(o);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not " + what + ": " + e.getOriginalMessage(), e);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not " + what + ": " + timeField + ": " + e.getMessage(), e);
    }
  }

  /** A time field; null when absent. */
  static Instant instant(JsonNode o, String field) {
    return o.hasNonNull(field) ? Instant.parse(o.get(field).asText()) : null;
  }

  /** A message's own check, in its compact constructor. */
  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
