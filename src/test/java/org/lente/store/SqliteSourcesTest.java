package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.source.Source;

/** The sources contract on a real SQLite file; and the sources sharing the store's database. */
class SqliteSourcesTest extends SourcesContract {

  @TempDir Path dir;

  @Override
  Sources open() throws Exception {
    return SqliteSources.open(dir);
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
  }

  /** Sources on a shared database leave it open when closed: the store goes on using it. */
  @Test
  void sourcesOnTheStoresDatabaseLeaveItOpen() throws Exception {
    try (Database db = Database.open(dir)) {
      try (Sources sources = SqliteSources.on(db)) {
        sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      }
      assertEquals(List.of(FEED), SqliteSources.on(db).all().stream().map(Source::address).toList());
    }
  }

  @Test
  void sourcesOpenedForReadingOnlyRefuseChanges() throws Exception {
    try (Sources sources = open()) {
      sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);
    }
    try (Sources sources = SqliteSources.openReadOnly(dir)) {
      assertEquals(1, sources.all().size());
      assertThrows(IOException.class, () -> sources.remove(sources.all().get(0).id()));
    }
  }
}
