package org.docgate.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFoldersTest {
  @Test
  void aTreeWithAReadOnlyFolderIsRemovedWhole(@TempDir Path dir) throws Exception {
    Path work = dir.resolve("work");
    Path objects = Files.createDirectories(work.resolve(".git/objects/ab"));
    Files.writeString(objects.resolve("cdef"), "blob");
    objects.toFile().setWritable(false); // git leaves object folders read-only
    ScratchFolders.delete(work);
    assertThat(work).doesNotExist();
  }

  @Test
  void aMissingFolderIsNothingToDo(@TempDir Path dir) throws Exception {
    ScratchFolders.delete(dir.resolve("never-made"));
    assertThat(dir).isEmptyDirectory();
  }
}
