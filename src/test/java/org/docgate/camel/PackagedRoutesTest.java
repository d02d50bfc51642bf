package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedRoutesTest {

  @Test
  void listsTheRouteFilesOfAJarFolderWithoutItsSubFolders(@TempDir Path tmp) throws Exception {
    Path jar = tmp.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : new String[] {"routes/", "routes/scan.camel.yaml", "routes/errors.camel.yaml",
          "routes/README.md", "routes/serve/", "routes/serve/serve.camel.yaml", "other/x.camel.yaml"}) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write("- route: {}\n".getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(PackagedRoutes.names(loader, "routes")).containsExactly("errors.camel.yaml", "scan.camel.yaml");
      assertThat(PackagedRoutes.names(loader, "routes/serve")).containsExactly("serve.camel.yaml");
      assertThat(PackagedRoutes.names(loader, "missing")).isEmpty();
    }
  }

  @Test
  void listsAClassesFolderToo(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("routes/serve"));
    Files.writeString(tmp.resolve("routes/b.camel.yaml"), "");
    Files.writeString(tmp.resolve("routes/a.camel.yaml"), "");
    Files.writeString(tmp.resolve("routes/notes.txt"), "");
    Files.writeString(tmp.resolve("routes/serve/s.camel.yaml"), "");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
      assertThat(PackagedRoutes.names(loader, "routes")).containsExactly("a.camel.yaml", "b.camel.yaml");
    }
  }

  @Test
  void thePackagedPatternNamesEachShippedRouteFile() {
    assertThat(PackagedRoutes.pattern("routes"))
        .isEqualTo("classpath:routes/errors.camel.yaml,classpath:routes/scan.camel.yaml");
    assertThat(PackagedRoutes.pattern("routes/serve")).isEqualTo("classpath:routes/serve/serve.camel.yaml");
  }
}
