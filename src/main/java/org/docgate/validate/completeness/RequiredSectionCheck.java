package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.docgate.finding.Finding;
import org.docgate.markdown.Heading;
import org.docgate.markdown.Position;

/** {@code completeness/missing-section}: a document matching a configured glob lacks every heading it requires. */
final class RequiredSectionCheck {

  List<Finding> check(DocumentContext ctx) {
    List<Finding> findings = new ArrayList<>();
    for (CompletenessConfig.RequiredSection required : ctx.config.requiredSections()) {
      if (!required.path().matches(ctx.doc.path())) {
        continue;
      }
      boolean present = ctx.doc.headings().stream().map(Heading::text)
          .anyMatch(text -> required.anyOf().stream().anyMatch(p -> p.matcher(text).find()));
      if (!present) {
        Position at = ctx.doc.headings().isEmpty() ? new Position(1, 1) : ctx.doc.headings().get(0).position();
        findings.add(ctx.finding("completeness/missing-section", at,
            "documents matching '" + required.path().pattern() + "' need a section whose heading matches "
                + required.anyOf().stream().map(Pattern::pattern).collect(Collectors.joining(" or ", "'", "'"))
                    .replace(" or ", "' or '")));
      }
    }
    return findings;
  }
}
