package org.lente;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.index.LuceneIndex;
import org.lente.store.SqliteStore;
import org.lente.story.Fixtures;

/** The one assembly, on real SQLite files and a real Lucene index in a temporary folder. */
class LenteTest {

  @TempDir Path dir;

  /** The file descriptors of this process open on the folder's database (its -wal and -shm files included). */
  private List<Path> openOnDatabase() throws IOException {
    Path db = dir.resolve(SqliteStore.FILE).toRealPath();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.flatMap(fd -> {
        try {
          return Stream.of(Files.readSymbolicLink(fd));
        } catch (IOException gone) { // closed while listed
          return Stream.empty();
        }
      }).filter(target -> target.toString().startsWith(db.toString())).toList();
    }
  }

  @Test
  void aFailureWhileOpeningTheIndexClosesTheStoreAndStoryTables() throws IOException {
    Lente.open(dir, Lente.Options.write()).close(); // a knowledge base with its database
    assertEquals(List.of(), openOnDatabase(), "closed once closed");
    Files.walk(dir.resolve("index")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Files.writeString(dir.resolve("index"), "not a folder"); // the index cannot be opened

    assertThrows(IOException.class, () -> Lente.open(dir, Lente.Options.write()));

    assertEquals(List.of(), openOnDatabase(), "the store and story tables opened before the index are closed");
  }

  @Test
  void anotherWriterIsToldWithTheFolderAndLeavesNothingOpen() throws IOException {
    Lente.open(dir, Lente.Options.write()).close();
    try (LuceneIndex held = LuceneIndex.open(dir.resolve("index"))) { // another process's writer
      Lente.WriterPresent e = assertThrows(Lente.WriterPresent.class, () -> Lente.open(dir, Lente.Options.write()));

      assertEquals(dir, e.dir());
      assertTrue(e.getMessage().contains("being written by another Lente process"), e.getMessage());
      assertEquals(List.of(), openOnDatabase());
    }
  }

  @Test
  void readingBesideAWriterSeesWhatItCommittedAndWritesNothing() throws IOException {
    try (Lente writer = Lente.open(dir, Lente.Options.write())) {
      long id = writer.knowledge().add("https://news.example.com/airbus", Fixtures.english("2024-05-01T08:00:00Z")).id();
      writer.knowledge().flush();

      try (Lente reader = Lente.open(dir, new Lente.Options(Lente.Mode.READ, true))) {
        assertTrue(reader.readOnly());
        assertEquals(1, reader.reader().stats().articles());
        assertEquals(id, reader.stories().articleId("https://news.example.com/airbus").orElseThrow());
        assertThrows(IOException.class, () -> reader.knowledge().add("https://news.example.com/other",
            Fixtures.italian("2024-05-01T10:00:00Z")));
      }
    }
  }

  @Test
  void aFolderWithoutAKnowledgeBaseIsRefusedWhenOneMustExistAndNothingIsCreated() {
    Path none = dir.resolve("none");
    IOException e = assertThrows(IOException.class,
        () -> Lente.open(none, new Lente.Options(Lente.Mode.READ, true)));

    assertTrue(e.getMessage().startsWith("no knowledge base in " + none.toAbsolutePath()), e.getMessage());
    assertFalse(Files.exists(none));
  }

  /**
   * Story tables, accounts and sources run on the store's database: after reading each, the folder's
   * database is open on no more files than the store alone opens.
   */
  @Test
  void theFoldersDatabaseIsOpenedOnceForStoriesAccountsAndSources() throws IOException {
    int storeAlone;
    try (SqliteStore store = SqliteStore.open(dir)) {
      storeAlone = openOnDatabase().size();
    }
    try (Lente lente = Lente.open(dir, Lente.Options.write())) {
      lente.stories().stories(null, 1, null, 10);
      lente.accounts().tokens();
      lente.sources().all();

      assertEquals(storeAlone, openOnDatabase().size(), openOnDatabase().toString());
    }
  }

  @Test
  void closingClosesEveryPartOpenedIncludingTheStoryReader() throws IOException {
    Lente lente = Lente.open(dir, Lente.Options.write());
    lente.stories().stories(null, 1, null, 10); // reads stories on the store's read connections
    lente.sources().all();
    assertFalse(openOnDatabase().isEmpty());

    lente.close();

    assertEquals(List.of(), openOnDatabase());
  }
}
