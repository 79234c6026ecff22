package org.lente.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lente.index.LuceneIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.store.PrivateFiles;
import org.lente.store.SqliteSources;
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
    return assemble(store, readOnly, false);
  }

  /**
   * The knowledge base over {@code store}; with {@code beside}, its search index opened for reading
   * only, beside the process that writes the folder.
   */
  private KnowledgeBase assemble(SqliteStore store, boolean readOnly, boolean beside) throws IOException {
    Lineage lineage = null;
    try {
      lineage = lineage(store, readOnly);
      Path index = dir.resolve("index");
      return new KnowledgeBase(store, beside ? LuceneIndex.openForReading(index) : LuceneIndex.open(index),
          dir.resolve("entities.json"), lineage);
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      lineage.close();
      store.close();
      throw new WriterPresent("the knowledge base in " + dir.toAbsolutePath() + " is being written by another Lente "
          + "process (lente serve, ingest or watch): stop it, or add articles through the running server "
          + "(its /add page or POST /api/v1/ingest)", e);
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
   * server's users and tokens. Creates the folder and database when missing; an existing one that
   * cannot be opened for writing (a full disk) is opened for reading only.
   */
  SqliteStore openStore() throws IOException {
    return writableElseReadOnly(() -> SqliteStore.open(dir), () -> SqliteStore.openReadOnly(dir));
  }

  /** The story tables, as {@link #openStore} opens the store. */
  SqliteStoryStore openStories() throws IOException {
    return writableElseReadOnly(() -> SqliteStoryStore.open(dir), () -> SqliteStoryStore.openReadOnly(dir));
  }

  /** The polled sources, as {@link #openStore} opens the store. */
  SqliteSources openSources() throws IOException {
    return writableElseReadOnly(() -> SqliteSources.open(dir), () -> SqliteSources.openReadOnly(dir));
  }

  /** Opens something of the folder. */
  private interface Opener<T> {
    T open() throws IOException;
  }

  /**
   * What {@code writable} opens; when that fails and the folder holds a knowledge base, what
   * {@code readOnly} opens, which writes nothing: enough for the commands that read, while a
   * command that writes fails at its first write. When both fail, the first failure is thrown.
   */
  private <T> T writableElseReadOnly(Opener<T> writable, Opener<T> readOnly) throws IOException {
    try {
      return writable.open();
    } catch (IOException e) {
      if (!Files.isRegularFile(dir.resolve(SqliteStore.FILE))) {
        throw e;
      }
      try {
        return readOnly.open();
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
        throw e;
      }
    }
  }

  /** Stories and lineage over the story tables of {@code dir}'s database. */
  private Lineage lineage(SqliteStore store, boolean readOnly) throws IOException {
    SqliteStoryStore stories = readOnly ? SqliteStoryStore.openReadOnly(dir) : SqliteStoryStore.open(dir);
    return new Lineage(stories, id -> store.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD);
  }

  /**
   * Opens an existing knowledge base; a clear error when {@code dir} holds none. When it cannot be
   * opened for writing (a full disk), it is opened for reading only (see {@link #openOrRead}).
   */
  KnowledgeBase openExisting() throws IOException {
    if (!Files.isRegularFile(dir.resolve(SqliteStore.FILE))) {
      throw new IOException("no knowledge base in " + dir.toAbsolutePath() + " (create one with lente ingest --data "
          + dir + " …)");
    }
    return openOrRead();
  }

  /**
   * Opens the knowledge base, creating it when missing; an existing one that cannot be opened for
   * writing (a full disk) is opened for reading only, writing nothing.
   */
  KnowledgeBase openOrRead() throws IOException {
    return writableElseReadOnly(this::open, () -> assemble(SqliteStore.openReadOnly(dir), true));
  }

  /**
   * Opens an existing knowledge base for the commands that only read it: as {@link #openExisting}
   * does, or, while another process writes the folder (a running {@code lente serve}), for reading
   * only beside it: what that process has committed so far.
   */
  KnowledgeBase openToRead() throws IOException {
    try {
      return openExisting();
    } catch (WriterPresent e) {
      return assemble(SqliteStore.openReadOnly(dir), true, true);
    }
  }

  /** The folder is held by another process that writes it. */
  static final class WriterPresent extends IOException {
    WriterPresent(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
