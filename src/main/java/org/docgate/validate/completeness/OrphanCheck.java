package org.docgate.validate.completeness;

import java.util.List;
import org.docgate.finding.Finding;

/**
 * {@code completeness/orphan}: no other document links to this one, so readers only find it by browsing folders.
 * Entry points (folder READMEs, CHANGELOG.md...) and the configured roots are exempt.
 */
final class OrphanCheck {

  List<Finding> check(DocumentContext ctx, LinkGraph graph) {
    String path = ctx.doc.path();
    if (isEntryPoint(ctx.config, path) || !graph.inboundOf(path).isEmpty()) {
      return List.of();
    }
    return List.of(ctx.finding(CompletenessRules.ORPHAN, TitleCheck.titleLine(ctx),
        "no other document links to this document; link it from its folder's README or an index page"));
  }

  static boolean isEntryPoint(CompletenessConfig config, String path) {
    return config.roots().contains(path) || config.entryPoints().stream().anyMatch(g -> g.matches(path));
  }
}
