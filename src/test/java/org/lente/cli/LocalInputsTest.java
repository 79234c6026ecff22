package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.PageReader;

class LocalInputsTest {

  @TempDir Path dir;

  @Test
  void aFolderOfFilesGivesATotal() throws IOException {
    Path news = Files.createDirectories(dir.resolve("news/2024"));
    Files.writeString(news.resolve("a.html"), "<p>a</p>");
    Files.writeString(news.resolve("b.txt"), "b");
    Files.writeString(dir.resolve("c.txt"), "c");

    LocalInputs found = LocalInputs.count(new PageReader(), List.of(dir.resolve("news").toString(),
        dir.resolve("c.txt").toString()));

    assertEquals(3, found.total());
  }

  @Test
  void aUrlMakesTheTotalUnknown() throws IOException {
    Files.writeString(dir.resolve("c.txt"), "c");

    LocalInputs found = LocalInputs.count(new PageReader(), List.of(dir.toString(), "https://example.com/feed.xml"));

    assertEquals(-1, found.total());
  }

  @Test
  void onlyEmptyFoldersAreNothingToRead() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path full = Files.createDirectories(dir.resolve("full"));
    Files.writeString(full.resolve("a.txt"), "a");
    List<String> both = List.of(empty.toString(), full.toString());

    assertTrue(LocalInputs.count(new PageReader(), List.of(empty.toString())).nothing(List.of(empty.toString())));
    assertFalse(LocalInputs.count(new PageReader(), both).nothing(both));
    assertEquals(List.of(empty.toString()), LocalInputs.count(new PageReader(), both).empty());
  }
}
