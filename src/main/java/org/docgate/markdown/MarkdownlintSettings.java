package org.docgate.markdown;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which of the {@link LintRule}s a markdownlint configuration object turns on, read the way markdownlint reads it:
 * {@code default} (true when absent) sets every rule first; then each key in the object's order sets the rules it
 * names by id, alias or tag, so a later key wins ({@code headings: false} then {@code MD001: true} leaves MD001 on).
 * A value of {@code false}, {@code null} or {@code 0} turns a rule off; an object turns it on unless it says
 * {@code enabled: false}; anything else ({@code true}, {@code "warning"}) turns it on. Immutable.
 */
public final class MarkdownlintSettings {
  /** No configuration: markdownlint runs every rule. */
  public static final MarkdownlintSettings DEFAULT = of(Map.of());

  private final Map<String, Object> config;
  private final Map<LintRule, Boolean> enabled;

  private MarkdownlintSettings(Map<String, Object> config, Map<LintRule, Boolean> enabled) {
    this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    this.enabled = Collections.unmodifiableMap(new EnumMap<>(enabled));
  }

  /** The settings of a configuration object (the parsed file, or a cli2 file's {@code config} value). */
  public static MarkdownlintSettings of(Map<String, ?> config) {
    boolean byDefault = true;
    for (Map.Entry<String, ?> e : config.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals("default")) {
        byDefault = truthy(e.getValue());
        break; // markdownlint reads the first "default" key only
      }
    }
    Map<LintRule, Boolean> enabled = new EnumMap<>(LintRule.class);
    for (LintRule r : LintRule.values()) {
      enabled.put(r, byDefault);
    }
    for (Map.Entry<String, ?> e : config.entrySet()) {
      boolean on = switchesOn(e.getValue());
      for (LintRule r : LintRule.named(e.getKey())) {
        enabled.put(r, on);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = (Map<String, Object>) config;
    return new MarkdownlintSettings(raw, enabled);
  }

  /** These settings with {@code override}'s keys laid over them (a later config file, a configure-file comment). */
  public MarkdownlintSettings overriddenBy(Map<String, ?> override) {
    Map<String, Object> merged = new LinkedHashMap<>(config);
    merged.putAll(override);
    return of(merged);
  }

  public boolean enabled(LintRule rule) {
    return enabled.get(rule);
  }

  /** The configuration object these settings were read from, keys in their order. */
  public Map<String, Object> config() {
    return config;
  }

  private static boolean switchesOn(Object value) {
    if (value instanceof Map<?, ?> map) {
      Object flag = map.get("enabled");
      return flag == null || truthy(flag);
    }
    return truthy(value);
  }

  /** JavaScript's truthiness for the values a JSON or YAML config holds. */
  private static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    return true;
  }

  @Override
  public String toString() {
    return "MarkdownlintSettings" + enabled;
  }
}
