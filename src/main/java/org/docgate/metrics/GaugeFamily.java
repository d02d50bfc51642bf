package org.docgate.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauges of one name, one per tag set, always showing the latest values. A tag set seen before but missing from
 * the latest update is kept at {@code absent} (0 for counts, NaN for "not measured") rather than removed: the series
 * then drops to zero on a graph instead of going stale, and the tag sets are bounded (rules, severities, gates).
 */
final class GaugeFamily {
  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final String baseUnit;
  private final double absent;
  private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

  GaugeFamily(MeterRegistry registry, String name, String description, String baseUnit, double absent) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.baseUnit = baseUnit;
    this.absent = absent;
  }

  /** Sets every given tag set; every other known one becomes {@code absent}. */
  void update(Map<Tags, Double> latest) {
    values.forEach((tags, value) -> {
      if (!latest.containsKey(tags)) {
        value.set(Double.doubleToLongBits(absent));
      }
    });
    latest.forEach(this::set);
  }

  void set(Tags tags, double value) {
    values.computeIfAbsent(tags, this::register).set(Double.doubleToLongBits(value));
  }

  private AtomicLong register(Tags tags) {
    AtomicLong bits = new AtomicLong(Double.doubleToLongBits(absent));
    Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
        .description(description)
        .baseUnit(baseUnit)
        .tags(tags)
        .strongReference(true)
        .register(registry);
    return bits;
  }
}
