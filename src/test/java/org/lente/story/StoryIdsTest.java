package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryIdsTest {

  @TempDir Path dir;

  @Test
  void twoConnectionsToOneFolderNeverGetTheSameStoryId() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (SqliteStoryStore one = SqliteStoryStore.open(dir); SqliteStoryStore two = SqliteStoryStore.open(dir)) {
      for (int i = 0; i < 5; i++) {
        ids.add(one.newStoryId());
        ids.add(two.newStoryId());
      }
    }
    assertEquals(10, new HashSet<>(ids).size(), ids.toString());
    try (SqliteStoryStore again = SqliteStoryStore.open(dir)) { // a later process continues after them all
      long next = again.newStoryId();
      assertTrue(ids.stream().allMatch(id -> id < next), next + " after " + ids);
    }
  }
}
