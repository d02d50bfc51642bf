package org.docgate.fleet;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka client settings given by the operator ({@code fleet ... --kafka-config FILE}, a Java properties file as Kafka's
 * own tools take with {@code --command-config}): security.protocol, sasl.*, ssl.*, and config providers. They are put
 * over every client docgate makes (admin, producers, consumers, camel-kafka's), so they win over camel-kafka's
 * defaults (its securityProtocol is PLAINTEXT). Secrets stay out of the file with Kafka's own config providers
 * ({@code config.providers=env}, {@code ${env:NAME}}), resolved by the Kafka client itself; this class only checks
 * that the variables a secret names are set, and hides secret values in anything it shows.
 */
public final class KafkaClientSettings {
  public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of(), Set.of());

  /** The keys docgate sets itself from its options, or relies on for its at-least-once commits. */
  static final Map<String, String> OWN = Map.of(
      "bootstrap.servers", "give --brokers",
      "group.id", "give --group",
      "client.id", "docgate names each client after the worker",
      "enable.auto.commit", "docgate commits after each result is stored",
      "key.serializer", "docgate's records are strings",
      "value.serializer", "docgate's records are strings",
      "key.deserializer", "docgate's records are strings",
      "value.deserializer", "docgate's records are strings");

  private static final String HIDDEN = "[hidden]";
  private static final String ENV_PROVIDER = "org.apache.kafka.common.config.provider.EnvVarConfigProvider";
  /** Kafka's variable syntax ({@code ConfigTransformer}): ${provider:[path:]key}. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*?):(([^}]*?):)?([^}]*?)}");
  private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

  private final Map<String, String> settings;
  /** The secret values as written and as the environment resolves them: never shown. */
  private final Set<String> secrets;

  private KafkaClientSettings(Map<String, String> settings, Set<String> secrets) {
    this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    this.secrets = Set.copyOf(secrets);
  }

  /**
   * Reads a properties file; fails on a key docgate sets itself, and on an {@code ${env:NAME}} (any alias of
   * Kafka's EnvVarConfigProvider) whose variable is not set in {@code env}, naming the key, never its value.
   */
  public static KafkaClientSettings load(Path file, Map<String, String> env) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, String> settings = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k).strip()));
    List<String> problems = new ArrayList<>();
    for (String key : settings.keySet()) {
      if (OWN.containsKey(key)) {
        problems.add(key + " is docgate's own (" + OWN.get(key) + ")");
      }
    }
    Set<String> envAliases = new java.util.HashSet<>();
    for (String alias : settings.getOrDefault("config.providers", "").split(",")) {
      if (ENV_PROVIDER.equals(settings.get("config.providers." + alias.strip() + ".class"))) {
        envAliases.add(alias.strip());
      }
    }
    Set<String> secrets = new java.util.HashSet<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      Matcher v = VARIABLE.matcher(e.getValue());
      while (v.find()) {
        if (envAliases.contains(v.group(1))) {
          String value = env.get(v.group(4));
          if (value == null) {
            problems.add(e.getKey() + " refers to ${" + v.group(1) + ":" + v.group(4)
                + "}, which is not set in the environment");
          } else if (secret(e.getKey())) {
            secrets.add(value);
          }
        }
      }
      if (secret(e.getKey())) {
        secrets.add(e.getValue());
        Matcher pw = JAAS_PASSWORD.matcher(e.getValue());
        while (pw.find()) {
          secrets.add(pw.group(1));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("--kafka-config " + file + ": " + String.join("; ", problems));
    }
    secrets.removeIf(s -> s.isEmpty() || VARIABLE.matcher(s).matches());
    return new KafkaClientSettings(settings, secrets);
  }

  /** Kafka's password-typed settings and their kin: never shown. */
  static boolean secret(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.equals("sasl.jaas.config") || k.endsWith(".password") || k.endsWith(".key") || k.contains("secret");
  }

  /** Puts the settings over a client's own (the operator's security settings win over any default). */
  public Properties applyTo(Properties client) {
    client.putAll(settings);
    return client;
  }

  public Map<String, String> settings() {
    return settings;
  }

  public boolean isEmpty() {
    return settings.isEmpty();
  }

  /** The settings for a log line, secret values hidden: {@code sasl.mechanism=PLAIN, sasl.jaas.config=[hidden]}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    settings.forEach((k, v) -> parts.add(k + "=" + (secret(k) ? HIDDEN : v)));
    return String.join(", ", parts);
  }

  /** {@code text} (an error or log line) with every secret value, as written or as resolved, hidden. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    // longest first: a JAAS line contains its password
    List<String> bySize = new ArrayList<>(secrets);
    bySize.sort((a, b) -> b.length() - a.length());
    for (String s : bySize) {
      masked = masked.replace(s, HIDDEN);
    }
    return masked;
  }

  @Override
  public String toString() {
    return describe();
  }
}
