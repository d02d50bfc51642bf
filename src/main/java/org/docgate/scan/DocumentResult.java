package org.docgate.scan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.docgate.validate.ValidationResult;

/**
 * One document's validation in a scan: a result per {@link Scope.Group} that ran on it (suppressions and severity
 * overrides applied), so that a later scan can replace one group's result and keep the others.
 */
public record DocumentResult(String path, Map<String, ValidationResult> byGroup) {
  public DocumentResult {
    byGroup = Map.copyOf(byGroup);
  }

  /** These results, with the groups of {@code newer} replacing the ones of the same name. */
  public DocumentResult updatedBy(DocumentResult newer) {
    Map<String, ValidationResult> merged = new LinkedHashMap<>(byGroup);
    merged.putAll(newer.byGroup);
    return new DocumentResult(path, merged);
  }
}
