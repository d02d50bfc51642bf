package org.docgate.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renames every tag key to snake_case ({@code routeId} to {@code route_id}, {@code HTTPStatus} to
 * {@code http_status}, {@code event-type} to {@code event_type}), so Camel's camelCase tags and ours read alike in
 * PromQL. Values are untouched. Two keys that become one (rare: {@code routeId} and {@code route_id}) keep the
 * last one's value, as Micrometer's {@code Tags} does for a repeated key.
 */
public final class SnakeCaseTags implements MeterFilter {

  @Override
  public Meter.Id map(Meter.Id id) {
    boolean changed = false;
    List<Tag> renamed = new ArrayList<>();
    for (Tag t : id.getTagsAsIterable()) {
      String key = snakeCase(t.getKey());
      changed |= !key.equals(t.getKey());
      renamed.add(Tag.of(key, t.getValue()));
    }
    return changed ? id.replaceTags(renamed) : id;
  }

  /** {@code camelCase} to {@code camel_case}; dots, dashes and spaces become underscores too. */
  public static String snakeCase(String key) {
    String s = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9_]+", "_");
    return s.toLowerCase(Locale.ROOT);
  }
}
