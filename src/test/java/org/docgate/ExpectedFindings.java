package org.docgate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads expectations written inline in fixture Markdown, error-prone style: a line {@code <!-- expect: rule[, rule] -->}
 * says which findings the next line must get (one entry per finding). Lines without one must get none.
 */
public final class ExpectedFindings {
  private static final Pattern EXPECT = Pattern.compile("^\\s*<!--\\s*expect:\\s*(.*?)\\s*-->\\s*$");

  private ExpectedFindings() {}

  /** Sorted {@code line:rule} entries expected in a file. */
  public static List<String> in(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.matches()) {
        for (String rule : m.group(1).split(",")) {
          expected.add((i + 2) + ":" + rule.strip());
        }
      }
    }
    expected.sort(null);
    return expected;
  }
}
