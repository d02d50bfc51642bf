package org.docgate.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The route files packaged in one classpath folder, as an explicit list of {@code classpath:} resources.
 *
 * <p>Camel resolves a {@code classpath:routes/*.camel.yaml} wildcard by inflating every entry of the jar that holds
 * it; in the 34 MB shaded jar that cost 1.3 s of a 2 s start-up (jstack during a scan of an empty folder). Reading the
 * jar's central directory instead takes milliseconds. Sub-folders are not included (routes/serve/ is the service's).
 */
final class PackagedRoutes {
  private static final String SUFFIX = ".camel.yaml";

  private PackagedRoutes() {}

  /** {@code classpath:folder/a.camel.yaml,classpath:folder/b.camel.yaml}, sorted; empty when the folder is absent. */
  static String pattern(String folder) {
    List<String> names = names(PackagedRoutes.class.getClassLoader(), folder);
    List<String> resources = new ArrayList<>(names.size());
    for (String name : names) {
      resources.add("classpath:" + folder + "/" + name);
    }
    return String.join(",", resources);
  }

  /** File names ending in {@code .camel.yaml} directly in the classpath folder. */
  static List<String> names(ClassLoader loader, String folder) {
    URL url = loader.getResource(folder + "/");
    if (url == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          String prefix = folder + "/";
          for (JarEntry entry : Collections.list(jar.entries())) {
            String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : "";
            if (!entry.isDirectory() && rest.endsWith(SUFFIX) && !rest.contains("/")) {
              names.add(rest);
            }
          }
        }
      } else if ("file".equals(url.getProtocol())) {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          files.filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(SUFFIX))
              .forEach(names::add);
        }
      } else {
        throw new IllegalStateException("cannot list packaged routes at " + url);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list packaged routes at " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list packaged routes at " + url, e);
    }
    Collections.sort(names);
    return names;
  }
}
