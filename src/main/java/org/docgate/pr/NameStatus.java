package org.docgate.pr;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code git diff --name-status -z -M} output (NUL-separated, so any file name survives). Pure. */
final class NameStatus {
  private NameStatus() {}

  static List<Change> parse(String z) {
    List<Change> changes = new ArrayList<>();
    String[] parts = z.split("\0", -1);
    int i = 0;
    while (i < parts.length) {
      String status = parts[i++];
      if (status.isEmpty()) {
        continue;
      }
      char s = status.charAt(0);
      if (s == 'R' || s == 'C') {
        if (i + 1 >= parts.length) {
          throw new GitException("unexpected git diff output near '" + status + "'");
        }
        String from = parts[i++];
        String to = parts[i++];
        changes.add(s == 'R' ? new Change('R', from, to) : new Change('A', null, to));
      } else {
        if (i >= parts.length) {
          throw new GitException("unexpected git diff output near '" + status + "'");
        }
        String path = parts[i++];
        changes.add(switch (s) {
          case 'A' -> new Change('A', null, path);
          case 'D' -> new Change('D', path, null);
          default -> new Change(s, path, path);
        });
      }
    }
    return List.copyOf(changes);
  }
}
