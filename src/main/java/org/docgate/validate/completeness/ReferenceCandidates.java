package org.docgate.validate.completeness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a name written in inline code or 《...》 is a reference to a corpus file or folder. Pure: the
 * corpus is consulted only through {@code isFolderName} (is there a folder of this name anywhere?).
 *
 * <p>A reference ends with a known extension or with {@code /}. A name without a folder part must be a Markdown
 * document ({@code config.yaml} in a tutorial is the reader's file, not ours). A name with a folder part must start
 * with {@code ./} or {@code ../}, or with a folder that exists somewhere in the corpus ({@code /etc/hosts},
 * {@code docs/index.md} in an MkDocs how-to are not ours). URLs, commands and templates are not references.
 */
final class ReferenceCandidates {
  private static final Pattern URL_LIKE = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*:|www\\.|//)");
  private static final Pattern NOT_IN_A_PATH = Pattern.compile("[\"'`=;,:()\\\\\\n\\t]");
  private static final List<String> DOCUMENT_EXTENSIONS = List.of("md", "markdown");

  private final List<String> extensions;
  private final List<Pattern> templates;

  ReferenceCandidates(List<String> extensions, List<Pattern> templates) {
    this.extensions = extensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    this.templates = List.copyOf(templates);
  }

  /** The path as written (trimmed, {@code ./} kept), when {@code text} is a reference to check. */
  Optional<String> parse(String text, Predicate<String> isFolderName) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 300 || URL_LIKE.matcher(t).find() || NOT_IN_A_PATH.matcher(t).find()
        || templates.stream().anyMatch(p -> p.matcher(t).find())) {
      return Optional.empty();
    }
    boolean folder = t.endsWith("/");
    String trimmed = folder ? t.substring(0, t.length() - 1) : t;
    if (trimmed.isEmpty() || trimmed.endsWith("/")) {
      return Optional.empty();
    }
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    String extension = extension(name);
    boolean hasFolderPart = trimmed.contains("/");
    if (!hasFolderPart && folder) {
      return isFolderName.test(trimmed) ? Optional.of(t) : Optional.empty(); // "Container/"
    }
    if (!hasFolderPart) {
      boolean document = !folder && DOCUMENT_EXTENSIONS.contains(extension);
      return document && !name.contains(" ") && !name.startsWith(".") ? Optional.of(t) : Optional.empty();
    }
    if (!folder && !extensions.contains(extension)) {
      return Optional.empty();
    }
    boolean explicit = t.startsWith("./") || t.startsWith("../");
    String first = firstFolder(trimmed);
    if (!explicit && (first.isEmpty() || !isFolderName.test(first))) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The first folder of a path, after a leading {@code /}. */
  static String firstFolder(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }
}
