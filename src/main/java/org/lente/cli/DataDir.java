package org.lente.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lente.index.LuceneIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.store.PrivateFiles;
import org.lente.store.SqliteStore;
import org.lente.store.StoredArticle;
import org.lente.story.Lineage;
import org.lente.story.SqliteStoryStore;
import org.lente.story.Stories;
import picocli.CommandLine.Option;

/** The {@code --data} option and the one place where the embedded knowledge base is put together. */
final class DataDir {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "lente-data",
      description = "The knowledge base's folder (SQLite database and search index). Default: ${DEFAULT-VALUE}.")
  Path dir;

  /** Opens (creating if needed) the knowledge base in {@code dir}: SQLite store, Lucene index. */
  KnowledgeBase open() throws IOException {
    PrivateFiles.createDirectories(dir);
    return assemble(SqliteStore.open(dir), false);
  }

  /** The knowledge base over {@code store}, with its stories, lineage and search index; closes the store on failure. */
  private KnowledgeBase assemble(SqliteStore store, boolean readOnly) throws IOException {
    Lineage lineage = null;
    try {
      lineage = lineage(store, readOnly);
      return new KnowledgeBase(store, LuceneIndex.open(dir.resolve("index")), dir.resolve("entities.json"), lineage);
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      lineage.close();
      store.close();
      throw new IOException("the knowledge base in " + dir.toAbsolutePath() + " is in use by another Lente process "
          + "(one process at a time per folder)", e);
    } catch (IOException | RuntimeException e) {
      if (lineage != null) {
        lineage.close();
      }
      store.close();
      throw e;
    }
  }

  /**
   * Opens the store alone (no search index, so another process may hold the folder): for the
   * server's users and tokens. Creates the folder and database when missing.
   */
  SqliteStore openStore() throws IOException {
    return SqliteStore.open(dir);
  }

  /** Stories and lineage over the story tables of {@code dir}'s database. */
  private Lineage lineage(SqliteStore store, boolean readOnly) throws IOException {
    SqliteStoryStore stories = readOnly ? SqliteStoryStore.openReadOnly(dir) : SqliteStoryStore.open(dir);
    return new Lineage(stories, id -> store.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD);
  }

  /**
   * Opens an existing knowledge base; a clear error when {@code dir} holds none. When it cannot be
   * opened for writing (a full disk), it is opened for reading only, writing nothing: enough for the
   * commands that read, while a command that writes fails at its first write.
   */
  KnowledgeBase openExisting() throws IOException {
    if (!Files.isRegularFile(dir.resolve("lente.db"))) {
      throw new IOException("no knowledge base in " + dir.toAbsolutePath() + " (create one with lente ingest --data "
          + dir + " …)");
    }
    try {
      return open();
    } catch (IOException e) {
      try {
        return assemble(SqliteStore.openReadOnly(dir), true);
      } catch (IOException | RuntimeException readOnly) {
        e.addSuppressed(readOnly);
        throw e;
      }
    }
  }
}
