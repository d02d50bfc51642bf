package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CurrencyRules;

/**
 * Whether an empty section has to be filled in now, from {@code sections.optional}, {@code sections.optionalGuidance}
 * and {@code sections.stages} of {@code rules/completeness/config.yaml}. A section need not be when its heading or
 * an enclosing one says it is optional ("Infrastructure Needed (Optional)", "部署示例（可选）"); when the guidance the
 * template left in an HTML comment of the section, or of an enclosing one, makes it conditional ("If applicable,
 * ..."); or when that guidance names the first stage it is required at ("This section must be completed when
 * targeting beta") and the document's own stage (its metadata: a KEP's {@code stage: alpha}) comes before it. A
 * document without a known stage is judged as if the section were due. Pure; immutable.
 *
 * @param stageOrder the stages in order; names separated by {@code |} are one stage ({@code stable|GA})
 * @param requiredFrom regexes on guidance comments with a group {@code (?<stage>...)} naming the first stage an
 *     answer is required at
 * @param deferredTo regexes on a line holding a marker that put it off to a stage: group {@code stage} names the
 *     stage it is due at ("TBD before beta"), group {@code after} the stage after which it is due ("TBD after alpha")
 * @param drafts stated statuses ({@code status:} in front matter or a KEP's kep.yaml) of a document that says it is
 *     still being drafted: its gaps are what the status says, not news (lower case)
 */
record SectionDuties(List<Pattern> optionalHeadings, List<Pattern> optionalGuidance, List<String> stageKeys,
    List<String> stageOrder, List<Pattern> requiredFrom, List<Pattern> deferredTo, List<String> drafts) {
  static final SectionDuties NONE = new SectionDuties(List.of(), List.of(), List.of(), List.of(), List.of(),
      List.of(), List.of());

  /** Why an empty section is not a finding: the stats reason and what showed it. */
  record NotDue(String reason, String detail) {}

  SectionDuties {
    optionalHeadings = List.copyOf(optionalHeadings);
    optionalGuidance = List.copyOf(optionalGuidance);
    stageKeys = List.copyOf(stageKeys);
    stageOrder = List.copyOf(stageOrder);
    requiredFrom = List.copyOf(requiredFrom);
    deferredTo = List.copyOf(deferredTo);
    drafts = drafts.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  /** Why the empty section {@code s} is not due, or null when it is. */
  NotDue notDue(DocumentContext ctx, Outline.Section s) {
    List<Outline.Section> chain = chain(ctx.outline, s);
    for (Outline.Section c : chain) {
      for (Pattern p : optionalHeadings) {
        if (p.matcher(c.heading().text()).find()) {
          return new NotDue("optional", "heading '" + c.heading().text().strip() + "' says it is optional");
        }
      }
    }
    String stage = stageOf(ctx);
    int documentStage = stageIndex(stage);
    if (documentStage >= 0) {
      // "#### GA" under Graduation Criteria of an alpha proposal: the plan for a stage beyond the next. The next
      // stage's criteria are due now: they say when the stage the document is at ends ("#### Beta -> GA Graduation"
      // then "- TBD" in a beta proposal; judged misses of the sixth blind round), while "GA: TBD" in an alpha
      // proposal was judged accepted practice (fourth round).
      for (Outline.Section c : chain) {
        int named = lastStageNamed(c.heading().text());
        if (named > documentStage + 1) {
          return new NotDue("laterStage", "heading '" + c.heading().text().strip() + "' is about "
              + stageOrder.get(named) + ", the document is at " + stage);
        }
      }
    }
    Guidance own = guidanceOf(chain, line -> ctx.line(line));
    // a copy of a template whose author deleted the guidance comments still has the template's guidance
    Guidance g = own != null ? own : TemplateGuidance.of(ctx.index, ctx.config).of(s.heading().text());
    if (g == null) {
      return null;
    }
    if (g.optional() != null) {
      return new NotDue("optional", g.optional());
    }
    return documentStage >= 0 && documentStage < g.requiredStage()
        ? new NotDue("laterStage", "required from " + stageOrder.get(g.requiredStage()) + ", the document is at "
            + stage)
        : null;
  }

  /** The document's own stage (a KEP's {@code stage: alpha}), or null. */
  String stageOf(DocumentContext ctx) {
    return ctx.currency() == null ? null : ctx.currency().metadata().value(stageKeys);
  }

  /** Whether the document states a draft status ({@code status: provisional}, 草稿). */
  boolean isDraft(DocumentContext ctx) {
    return ctx.currency() != null
        && CurrencyRules.statusIn(drafts, ctx.currency().statedStatus()) != null;
  }

  /**
   * Whether the marker line {@code text} puts its gap off to a stage the document has not reached ("TBD after alpha",
   * "TBD / Completed before beta graduation" in an alpha proposal). A document without a known stage: false.
   */
  boolean deferredBeyond(DocumentContext ctx, String text) {
    int documentStage = stageIndex(stageOf(ctx));
    if (documentStage < 0 || text == null) {
      return false;
    }
    for (Pattern p : deferredTo) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String at = group(m, "stage");
        String after = group(m, "after");
        int due = at != null ? stageIndex(at) : after != null && stageIndex(after) >= 0 ? stageIndex(after) + 1 : -1;
        if (due > documentStage) {
          return true;
        }
      }
    }
    return false;
  }

  private static String group(Matcher m, String name) {
    return m.namedGroups().containsKey(name) ? m.group(name) : null; // a pattern has one of the two groups
  }

  /** The index of the last stage a heading names as a whole word ("Alpha -> Beta Graduation": beta), or -1. */
  int lastStageNamed(String heading) {
    String h = heading.toLowerCase(Locale.ROOT);
    int best = -1;
    int bestAt = -1;
    for (int i = 0; i < stageOrder.size(); i++) {
      for (String alias : stageOrder.get(i).toLowerCase(Locale.ROOT).split("\\|")) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(alias.strip()) + "(?![\\p{L}\\p{N}])")
            .matcher(h);
        while (m.find()) {
          if (m.start() > bestAt) {
            bestAt = m.start();
            best = i;
          }
        }
      }
    }
    return best;
  }

  /** What guidance says about a section: optional (and why), or the index of the first stage it is required at. */
  record Guidance(String optional, int requiredStage) {}

  /**
   * The guidance of the innermost section of {@code chain} (innermost first) whose comments make it optional or name
   * a stage, or null. The innermost guidance naming a stage decides, whether or not the section is due.
   */
  Guidance guidanceOf(List<Outline.Section> chain, java.util.function.IntFunction<String> line) {
    for (Outline.Section c : chain) {
      String guidance = guidance(line, c);
      if (guidance.isEmpty()) {
        continue;
      }
      for (Pattern p : optionalGuidance) {
        Matcher m = p.matcher(guidance);
        if (m.find()) {
          return new Guidance("guidance of '" + c.heading().text().strip() + "': '" + m.group().strip() + "'", -1);
        }
      }
      int required = requiredStage(guidance);
      if (required >= 0) {
        return new Guidance(null, required);
      }
    }
    return null;
  }

  /** The section and the sections enclosing it, innermost first. */
  static List<Outline.Section> chain(Outline outline, Outline.Section s) {
    List<Outline.Section> out = new ArrayList<>();
    out.add(s);
    int level = s.heading().level();
    for (int i = s.index() - 1; i >= 0; i--) {
      Outline.Section t = outline.sections().get(i);
      if (t.heading().level() < level && t.contains(s.firstLine())) {
        out.add(t);
        level = t.heading().level();
      }
    }
    return out;
  }

  /** The earliest stage the guidance names as required, as an index of {@link #stageOrder}, or -1. */
  int requiredStage(String guidance) {
    int earliest = -1;
    for (Pattern p : requiredFrom) {
      Matcher m = p.matcher(guidance);
      while (m.find()) {
        int i = stageIndex(m.group("stage"));
        if (i >= 0 && (earliest < 0 || i < earliest)) {
          earliest = i;
        }
      }
    }
    return earliest;
  }

  /** The index of a stage name in {@link #stageOrder} (ignoring case and quotes), or -1. */
  int stageIndex(String name) {
    if (name == null) {
      return -1;
    }
    String n = name.strip().replaceAll("^[\"']|[\"']$", "").toLowerCase(Locale.ROOT);
    for (int i = 0; i < stageOrder.size(); i++) {
      for (String alias : stageOrder.get(i).toLowerCase(Locale.ROOT).split("\\|")) {
        if (alias.strip().equals(n)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The text of the HTML comments in a section's own body (up to its first subsection), joined by newlines: the
   * template's guidance a reader does not see.
   */
  static String guidance(java.util.function.IntFunction<String> lines, Outline.Section s) {
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (int line = s.firstLine() + 1; line <= s.bodyEnd(); line++) {
      String text = lines.apply(line);
      if (text == null) {
        continue;
      }
      int at = 0;
      while (at <= text.length()) {
        if (!in) {
          int open = text.indexOf("<!--", at);
          if (open < 0) {
            break;
          }
          in = true;
          at = open + 4;
        } else {
          int close = text.indexOf("-->", at);
          out.append(close < 0 ? text.substring(at) : text.substring(at, close)).append('\n');
          if (close < 0) {
            break;
          }
          in = false;
          at = close + 3;
        }
      }
    }
    return out.toString();
  }
}
