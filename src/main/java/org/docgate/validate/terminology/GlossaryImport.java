package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.markdown.TableRows;

/**
 * Reads a bilingual glossary written in Markdown into Chinese/English pairs. Two forms, as the reference corpus
 * writes them: a heading with bullets ({@code ### BGP (Border Gateway Protocol)} then {@code - **中文**: 边界网关协议})
 * and tables with a Chinese and an English column ({@code | 中文 | English | 缩写/别名 | 说明 |},
 * {@code | 缩写 | 全称 | 中文 |}, or any two-column table whose one column is Chinese). Code fences are skipped.
 * The same pair twice is a duplicate; one Chinese term with two different English terms (or the reverse) is a
 * conflict: the first wins and both places are reported. Single Han characters (车) are skipped: as substrings of
 * Han text they would match everywhere. Pure.
 */
public final class GlossaryImport {
  /** One imported pair and where it came from. */
  public record Pair(String chinese, String english, List<String> alternates, String line) {}

  /** What a glossary gave: pairs in order, and the problems found on the way. */
  public record Result(List<Pair> pairs, List<String> duplicates, List<String> conflicts, List<String> skipped,
      List<String> untranslated, int fromHeadings, int fromTables) {

    /** The pairs as a {@code bilingual-first-use} rule file. */
    public String toRuleYaml(String source) {
      StringBuilder y = new StringBuilder();
      y.append("# Imported by `docgate terms import` from ").append(source).append(": ").append(pairs.size())
          .append(" pairs, ").append(duplicates.size()).append(" duplicates, ").append(conflicts.size())
          .append(" conflicts (the first of two translations wins).\n");
      y.append("extends: bilingual-first-use\n");
      y.append("message: \"First use of '%s' should give the English term: '%s' in parentheses.\"\n");
      y.append("level: suggestion\n");
      y.append("scope: [prose]\n");
      y.append("link: ").append(quote(source)).append("\n");
      y.append("pairs:\n");
      for (Pair p : pairs) {
        y.append("  ").append(quote(p.chinese())).append(": ");
        if (p.alternates().isEmpty()) {
          y.append(quote(p.english()));
        } else {
          List<String> all = new ArrayList<>();
          all.add(quote(p.english()));
          p.alternates().forEach(a -> all.add(quote(a)));
          y.append("[").append(String.join(", ", all)).append("]");
        }
        y.append("\n");
      }
      return y.toString();
    }

    /**
     * English terms for an accept vocabulary: single words with a capital after the first letter and a small
     * letter somewhere (vSphere, eBPF, KubeVirt). Plain words (Clone) and all-caps abbreviations (VM) are left out:
     * enforcing their case would flag ordinary English and identifiers. Names the glossary leaves untranslated
     * (CoreDNS, HAProxy) are included.
     */
    public List<String> acceptTerms() {
      List<String> out = new ArrayList<>();
      List<List<String>> all = new ArrayList<>();
      for (Pair p : pairs) {
        List<String> forms = new ArrayList<>();
        forms.add(p.english());
        forms.addAll(p.alternates());
        all.add(forms);
      }
      untranslated.forEach(u -> all.add(List.of(u)));
      for (List<String> forms : all) {
        for (String f : forms) {
          if (MIXED_CASE.matcher(f).matches() && !out.contains(f)) {
            out.add(f);
          }
        }
      }
      return out;
    }
  }

  private static final Pattern MIXED_CASE = Pattern.compile("(?=.*[a-z])[A-Za-z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*");
  private static final Pattern HEADING = Pattern.compile("^#{2,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern CHINESE_BULLET =
      Pattern.compile("^\\s*[-*+]\\s+\\*\\*(?:中文|中文名|中文术语|Chinese)\\*\\*\\s*[:：]\\s*(.+?)\\s*$");
  private static final Pattern PARENS = Pattern.compile("^(.+?)\\s*[（(]([^()（）]+)[)）]\\s*$");

  private GlossaryImport() {}

  /** One glossary file; {@code source} names it in messages. */
  public static Result parse(String source, String markdown) {
    return parse(Map.of(source, markdown));
  }

  /** Several glossary files read as one (conflicts across files are reported too), in the map's order. */
  public static Result parse(Map<String, String> files) {
    Builder b = new Builder();
    files.forEach((source, markdown) -> read(b, source, markdown));
    return new Result(List.copyOf(b.pairs.values()), b.duplicates, b.conflicts, b.skipped, b.untranslated,
        b.fromHeadings, b.fromTables);
  }

  private static void read(Builder b, String source, String markdown) {
    String[] lines = markdown.split("\r?\n", -1);
    String heading = null;
    int[] columns = null;
    boolean fence = false;
    String fenceMarker = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        String marker = trimmed.substring(0, 3);
        if (!fence) {
          fence = true;
          fenceMarker = marker;
        } else if (marker.equals(fenceMarker)) {
          fence = false;
        }
        continue;
      }
      if (fence) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        heading = h.group(1);
        columns = null;
        continue;
      }
      Matcher bullet = CHINESE_BULLET.matcher(line);
      if (bullet.matches() && heading != null) {
        String en = plain(heading);
        List<String> alternates = new ArrayList<>();
        Matcher p = PARENS.matcher(en);
        if (p.matches()) {
          en = p.group(1).strip();
          alternates.add(p.group(2).strip());
        }
        b.addAll(splitChinese(plain(bullet.group(1))), en, alternates, source + ":" + (i + 1), true);
        heading = null;
        continue;
      }
      if (trimmed.startsWith("|")) {
        List<String> cells = cells(trimmed);
        if (columns == null) {
          columns = header(cells, i + 1 < lines.length ? lines[i + 1] : "");
          if (columns != null) {
            i++; // the delimiter row
          }
          continue;
        }
        int zhCol = columns[0];
        int enCol = columns[1];
        if (zhCol < 0) {
          // A two-column table without a known header: the column written in Han is the Chinese one.
          zhCol = hasHan(cells.get(0)) ? 0 : 1;
          enCol = 1 - zhCol;
        }
        if (Math.max(zhCol, enCol) < cells.size()) {
          String en = plain(cells.get(enCol));
          List<String> alternates = new ArrayList<>();
          if (columns[2] >= 0 && columns[2] < cells.size()) {
            String abbr = plain(cells.get(columns[2]));
            if (!abbr.isEmpty() && !abbr.equals("-") && !abbr.equals("—") && !abbr.equalsIgnoreCase(en)) {
              alternates.add(abbr);
            }
          }
          b.addAll(splitChinese(plain(cells.get(zhCol))), en, alternates, source + ":" + (i + 1), false);
        }
        continue;
      }
      columns = null;
    }
  }

  /** Column indexes {chinese, english, abbreviation} from a header row, or null when it is not a glossary table. */
  private static int[] header(List<String> cells, String next) {
    if (!next.strip().matches("\\|?\\s*:?-{2,}.*")) {
      return null;
    }
    int zh = -1;
    int en = -1;
    int abbr = -1;
    int full = -1;
    for (int c = 0; c < cells.size(); c++) {
      String h = plain(cells.get(c)).toLowerCase(Locale.ROOT);
      if (h.equals("中文") || h.equals("中文术语") || h.equals("中文名称") || h.equals("chinese")) {
        zh = c;
      } else if (h.equals("english") || h.equals("英文") || h.equals("英文术语") || h.equals("english term")) {
        en = c;
      } else if (h.equals("全称") || h.equals("full name")) {
        full = c;
      } else if (h.startsWith("缩写") || h.startsWith("abbreviation")) {
        abbr = c;
      }
    }
    if (en < 0 && full >= 0) {
      en = full;
    }
    if (zh >= 0 && en >= 0) {
      return new int[] {zh, en, abbr};
    }
    return cells.size() == 2 ? new int[] {-1, -1, -1} : null;
  }

  private static List<String> cells(String row) {
    return TableRows.cells(row);
  }

  /**
   * {@code 舵手/领航员} gives two terms (only when every part is Han: {@code 单根I/O虚拟化} is one term); a
   * parenthetical note ({@code 车(国际象棋)}) is dropped.
   */
  private static List<String> splitChinese(String cell) {
    String c = cell.replaceAll("[（(][^)）]*[)）]", "").strip();
    List<String> parts = new ArrayList<>();
    for (String part : c.split("[/、，,；;]")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    boolean allHan = parts.stream().allMatch(p -> p.chars().allMatch(ch -> TextForms.isHan((char) ch)));
    return allHan ? parts : c.isEmpty() ? List.of() : List.of(c);
  }

  /**
   * The same term in two spellings or as its acronym: PersistentVolume = Persistent Volume, CSI = Container Storage
   * Interface.
   */
  static boolean sameTerm(Pair a, Pair b) {
    List<String> fa = new ArrayList<>(a.alternates());
    fa.add(a.english());
    List<String> fb = new ArrayList<>(b.alternates());
    fb.add(b.english());
    for (String x : fa) {
      for (String y : fb) {
        String nx = squash(x);
        String ny = squash(y);
        if (nx.equals(ny) || nx.equals(initials(y)) || ny.equals(initials(x))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_]", "");
  }

  private static String initials(String s) {
    StringBuilder sb = new StringBuilder();
    for (String w : s.split("[\\s\\-/]+")) {
      if (!w.isEmpty()) {
        sb.append(Character.toLowerCase(w.charAt(0)));
      }
    }
    return sb.length() > 1 ? sb.toString() : "\u0000";
  }

  /** Markdown markup dropped: emphasis, code spans, links (their text kept). */
  static String plain(String md) {
    return md.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[*`]", "").replaceAll("\\s+", " ").strip();
  }

  private static boolean hasHan(String s) {
    return s.chars().anyMatch(c -> TextForms.isHan((char) c));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final class Builder {
    final Map<String, Pair> pairs = new LinkedHashMap<>();
    final Map<String, Pair> byEnglish = new LinkedHashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final List<String> conflicts = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> untranslated = new ArrayList<>();
    int fromHeadings;
    int fromTables;

    private static void addForm(List<String> forms, String english, String form) {
      if (!form.equalsIgnoreCase(english) && forms.stream().noneMatch(f -> f.equalsIgnoreCase(form))) {
        forms.add(form);
      }
    }

    /** Several Chinese terms of one entry; paired one to one with the English when it splits the same way. */
    void addAll(List<String> zhs, String en, List<String> alternates, String line, boolean heading) {
      String[] ens = en.split("\\s*/\\s*");
      for (int k = 0; k < zhs.size(); k++) {
        if (zhs.size() > 1 && ens.length == zhs.size()) {
          add(zhs.get(k), ens[k], List.of(), line, heading);
        } else {
          add(zhs.get(k), en, alternates, line, heading);
        }
      }
    }

    void add(String zh, String en, List<String> alternates, String line, boolean heading) {
      if (en.isEmpty() || en.equals("-")) {
        skipped.add(line + ": '" + zh + "' has no English term");
        return;
      }
      long han = zh.chars().filter(c -> TextForms.isHan((char) c)).count();
      if (han == 0) {
        if (zh.equalsIgnoreCase(en) && !untranslated.contains(zh)) {
          untranslated.add(zh);
        }
        skipped.add(line + ": '" + zh + "' is not a Chinese term");
        return;
      }
      if (han < 2 && zh.length() < 2) {
        skipped.add(line + ": '" + zh + "' is a single character (it would match inside other words)");
        return;
      }
      Pair known = pairs.get(zh);
      Pair candidate = new Pair(zh, en, alternates, line);
      if (known != null) {
        if (known.english().equalsIgnoreCase(en) || sameTerm(known, candidate)) {
          List<String> merged = new ArrayList<>(known.alternates());
          candidate.alternates().forEach(a -> addForm(merged, known.english(), a));
          addForm(merged, known.english(), en);
          pairs.put(zh, new Pair(zh, known.english(), merged, known.line()));
          duplicates.add("'" + zh + "' = '" + en + "' at lines " + known.line() + " and " + line);
        } else {
          conflicts.add("'" + zh + "': '" + known.english() + "' (" + known.line() + ") vs '" + en + "' (" + line
              + ")");
        }
        return;
      }
      String enKey = en.toLowerCase(Locale.ROOT);
      Pair sameEnglish = byEnglish.get(enKey);
      if (sameEnglish != null && !sameEnglish.line().equals(line)) {
        conflicts.add("'" + en + "': '" + sameEnglish.chinese() + "' (" + sameEnglish.line() + ") vs '" + zh + "' ("
            + line + ")");
      } else {
        byEnglish.put(enKey, new Pair(zh, en, alternates, line));
      }
      pairs.put(zh, candidate);
      if (heading) {
        fromHeadings++;
      } else {
        fromTables++;
      }
    }
  }
}
