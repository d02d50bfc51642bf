package org.docgate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.docgate.finding.Finding;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads expectations written inline in fixture Markdown, error-prone style: a line {@code <!-- expect: rule[, rule] -->}
 * says which findings the next line must get (one entry per finding). Lines without one must get none.
 */
public final class ExpectedFindings {
  private static final Pattern EXPECT = Pattern.compile("^\\s*<!--\\s*expect:\\s*(.*?)\\s*-->\\s*$");

  private static final Pattern EXPECT_IN =
      Pattern.compile("^\\s*<!--\\s*expect\\(([^)]*)\\):\\s*(\\S+)\\s+(\\S+)\\s*-->\\s*$");

  private ExpectedFindings() {}

  /**
   * Sorted {@code line:rule severity} entries expected in a file under one renderer profile: a line
   * {@code <!-- expect(github, gitlab): links/anchor-case info -->} ({@code *} for every profile) names a finding
   * of the next line that is not itself such a comment.
   */
  public static List<String> inProfile(Path file, String profile) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT_IN.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      boolean applies = false;
      for (String p : m.group(1).split(",")) {
        applies |= p.strip().equals("*") || p.strip().equals(profile);
      }
      int target = i + 1;
      while (target < lines.size() && EXPECT_IN.matcher(lines.get(target)).matches()) {
        target++;
      }
      if (applies) {
        expected.add((target + 1) + ":" + m.group(2) + " " + m.group(3));
      }
    }
    expected.sort(null);
    return expected;
  }

  /** Sorted {@code line:rule severity} entries of one file's findings whose rule starts with {@code rulePrefix}. */
  public static List<String> actualWithSeverity(Collection<Finding> findings, String path, String rulePrefix) {
    return findings.stream()
        .filter(f -> f.path().equals(path) && f.rule().startsWith(rulePrefix))
        .map(f -> f.line() + ":" + f.rule() + " " + f.severity().label())
        .sorted()
        .toList();
  }

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

  /** The Markdown files (.md, .markdown, .mdx) under a fixture folder, relative with {@code /} separators, sorted. */
  public static Stream<String> markdownFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown")
              || p.toString().endsWith(".mdx"))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** Sorted {@code line:rule} entries of the findings in one file whose rule id starts with {@code rulePrefix}. */
  public static List<String> actual(Collection<Finding> findings, String path, String rulePrefix) {
    return findings.stream()
        .filter(f -> f.path().equals(path) && f.rule().startsWith(rulePrefix))
        .map(f -> f.line() + ":" + f.rule())
        .sorted()
        .toList();
  }
}
