package org.docgate.pr;

import java.util.Objects;

/**
 * One file changed between two revisions, from {@code git diff --name-status -M}. A rename has both paths; an
 * added file has no old path, a deleted one no new path. For links a rename is a delete plus an add.
 *
 * @param status the first letter of git's status: A, M, D, R, C, T
 */
public record Change(char status, String oldPath, String newPath) {
  public Change {
    if (oldPath == null && newPath == null) {
      throw new IllegalArgumentException("a change needs a path");
    }
  }

  /** The paths this change touches in either revision (both names of a rename). */
  public java.util.List<String> paths() {
    if (oldPath == null || newPath == null || Objects.equals(oldPath, newPath)) {
      return java.util.List.of(oldPath == null ? newPath : oldPath);
    }
    return java.util.List.of(oldPath, newPath);
  }
}
