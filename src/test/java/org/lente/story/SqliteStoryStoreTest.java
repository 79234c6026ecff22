package org.lente.story;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.SqliteStore;

/** The story store contract on a real SQLite file. */
class SqliteStoryStoreTest extends StoryStoreContract {

  @TempDir
  Path dir;

  @Override
  SqlStoryStore open() throws Exception {
    return SqliteStoryStore.open(dir);
  }

  @Override
  long[] articles(int n) throws Exception {
    long[] ids = new long[n];
    try (SqliteStore store = SqliteStore.open(dir)) {
      for (int i = 0; i < n; i++) {
        ids[i] = store.put("k" + i, Texts.analysis("site.example/" + i, null, "it", null, "t" + i,
            "Testo numero " + i + " del giorno.")).id();
      }
    }
    return ids;
  }
}
