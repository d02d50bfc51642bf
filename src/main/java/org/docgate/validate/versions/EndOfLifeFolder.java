package org.docgate.validate.versions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A checkout of endoflife.date (or of its {@code products/} folder) on disk: the pages {@link EndOfLifeImport} reads. */
public final class EndOfLifeFolder {
  private EndOfLifeFolder() {}

  /** Page text by product id ({@code products/kubernetes.md} is {@code kubernetes}), in id order. */
  public static SortedMap<String, String> pages(Path folder) throws IOException {
    Path products = Files.isDirectory(folder.resolve("products")) ? folder.resolve("products") : folder;
    SortedMap<String, String> pages = new TreeMap<>();
    try (Stream<Path> files = Files.list(products)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".md")).toList()) {
        String name = f.getFileName().toString();
        pages.put(name.substring(0, name.length() - 3), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return pages;
  }

  /** What the generated file says it came from: {@code endoflife.date (endoflife-date-a70eca3)}. */
  public static String source(Path folder) {
    return "endoflife.date (" + folder.toAbsolutePath().normalize().getFileName() + ")";
  }
}
