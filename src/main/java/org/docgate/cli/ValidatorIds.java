package org.docgate.cli;

import java.util.Iterator;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.validate.ValidatorDeclaration;

/** The ids {@code --only} takes, from the validators' declarations: its help and shell completion list them. */
final class ValidatorIds implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ValidatorCatalog.SHIPPED.stream().map(ValidatorDeclaration::id).iterator();
  }
}
