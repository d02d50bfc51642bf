package org.docgate.validate.snippets;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Java snippets parsed (not compiled: no classpath, so unknown imports are fine) by javac in process, many snippets in
 * one task. Each snippet is read three ways: as a compilation unit, as class members and as statements in a method
 * (the wrappers open on the snippet's first line, so line numbers stay its own). It passes when one reading parses;
 * otherwise the reading that got furthest before its first error reports it.
 */
final class JavaChecker implements SnippetChecker {
  @Override
  public String kind() {
    return "java";
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    return LanguageGuess.inCode(body, "//", problemLine);
  }

  /** One javac task over the corpus's Java snippets: batched as a subprocess checker is, but in process. */
  @Override
  public Optional<String> batch() {
    return Optional.of("java");
  }

  @Override
  public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
    return check(texts);
  }

  private static final String[] PREFIX = {"", "class DocgateMembers { ", "class DocgateStatements { void run()"
      + " throws Throwable { "};
  private static final String[] SUFFIX = {"", "\n}\n", "\n}}\n"};

  /** Why javac is not usable in this runtime, or empty. */
  @Override
  public Optional<String> unavailable() {
    try {
      return ToolProvider.getSystemJavaCompiler() == null
          ? Optional.of("no Java compiler in this Java runtime (a JRE, not a JDK)") : Optional.empty();
    } catch (LinkageError e) {
      return Optional.of("no Java compiler in this Java runtime");
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    final int text;
    final String code;

    Source(int text, int reading, String code) {
      super(URI.create("string:///S" + text + "_" + reading + ".java"), Kind.SOURCE);
      this.text = text;
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  /** Each distinct text's problem or empty; empty map when javac is unavailable. */
  Map<String, Optional<Problem>> check(Collection<String> texts) {
    Map<String, Optional<Problem>> out = new HashMap<>();
    if (texts.isEmpty() || unavailable().isPresent()) {
      return out;
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      for (int r = 0; r < PREFIX.length; r++) {
        sources.add(new Source(i, r, PREFIX[r] + distinct.get(i) + SUFFIX[r]));
      }
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics, List.of("-proc:none"),
          null, sources);
      task.parse();
    } catch (RuntimeException | LinkageError | java.io.IOException e) {
      return out;
    }
    // first error per reading
    Map<Source, Diagnostic<? extends JavaFileObject>> first = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() instanceof Source s) {
        first.merge(s, d, (a, b) -> a.getPosition() <= b.getPosition() ? a : b);
      }
    }
    for (int i = 0; i < distinct.size(); i++) {
      Diagnostic<? extends JavaFileObject> best = null;
      int bestReading = -1;
      long bestReach = -1;
      boolean passes = false;
      for (int r = 0; r < PREFIX.length; r++) {
        Diagnostic<? extends JavaFileObject> d = first.get(sources.get(i * PREFIX.length + r));
        if (d == null) {
          passes = true;
          break;
        }
        long reach = d.getPosition() - PREFIX[r].length();
        if (reach > bestReach) {
          bestReach = reach;
          best = d;
          bestReading = r;
        }
      }
      if (passes) {
        out.put(distinct.get(i), Optional.empty());
      } else {
        long line = best.getLineNumber();
        long column = best.getColumnNumber() - (line == 1 ? PREFIX[bestReading].length() : 0);
        out.put(distinct.get(i), Optional.of(Problem.syntax((int) line, (int) Math.max(1, column),
            "java: " + best.getMessage(Locale.ROOT).lines().findFirst().orElse("syntax error"))));
      }
    }
    return out;
  }
}
