package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import org.docgate.markdown.Heading;

/**
 * The sections of a document: each heading owns the lines up to the next heading of the same or a higher level.
 * Pure and immutable.
 */
record Outline(List<Section> sections) {

  /**
   * @param firstLine the heading's line
   * @param lastLine the last line the section owns (including subsections)
   * @param bodyEnd the last line before the next heading of any level (the section's own text ends there)
   * @param hasSubsections whether the next heading is deeper
   */
  record Section(Heading heading, int index, int firstLine, int lastLine, int bodyEnd, boolean hasSubsections) {
    boolean contains(int line) {
      return line >= firstLine && line <= lastLine;
    }
  }

  Outline {
    sections = List.copyOf(sections);
  }

  static Outline of(List<Heading> headings, int lineCount) {
    List<Section> sections = new ArrayList<>(headings.size());
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      int last = lineCount;
      for (int j = i + 1; j < headings.size(); j++) {
        if (headings.get(j).level() <= h.level()) {
          last = headings.get(j).position().line() - 1;
          break;
        }
      }
      Heading next = i + 1 < headings.size() ? headings.get(i + 1) : null;
      int bodyEnd = next == null ? lineCount : next.position().line() - 1;
      boolean deeper = next != null && next.level() > h.level();
      sections.add(new Section(h, i, h.position().line(), Math.max(last, h.position().line()),
          Math.max(bodyEnd, h.position().line()), deeper));
    }
    return new Outline(sections);
  }

  /** The innermost section containing a line, or null before the first heading. */
  Section sectionAt(int line) {
    Section found = null;
    for (Section s : sections) {
      if (s.firstLine() > line) {
        break;
      }
      if (s.contains(line)) {
        found = s;
      }
    }
    return found;
  }
}
