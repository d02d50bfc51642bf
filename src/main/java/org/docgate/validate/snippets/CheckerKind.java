package org.docgate.validate.snippets;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The checkers a language can be mapped to in {@code rules/snippets/languages.yaml}. */
enum CheckerKind {
  YAML, JSON, JSONC, JSON5, SHELL, CONSOLE, PYTHON, DOCKERFILE, XML, TOML, INI, GO, JAVA, SKIP, NONE;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<CheckerKind> byLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
  }
}
