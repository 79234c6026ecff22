package org.lente;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.apache.lucene.store.LockObtainFailedException;
import org.lente.index.LuceneIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.knowledge.KnowledgeReader;
import org.lente.store.Accounts;
import org.lente.store.PrivateFiles;
import org.lente.store.Sources;
import org.lente.store.SqliteSources;
import org.lente.store.SqliteStore;
import org.lente.story.Lineage;
import org.lente.story.SqliteStoryStore;
import org.lente.story.Stories;
import org.lente.story.StoryReader;

/**
 * The embedded application over one data folder, put together in this one place: the SQLite store,
 * the Lucene index, the entity resolver (inside the {@link KnowledgeBase}, which reads its state from
 * the store), the story tables with stories and lineage, the read side of stories, the accounts and
 * the polled sources. The CLI, the server and the tests all open it here. The folder's database is
 * opened once: the story tables, the accounts and the sources run on the store's connections.
 *
 * <p>{@link #knowledge()} is the one writer (store, index, resolver, stories and lineage go through
 * it); {@link #reader()} and {@link #stories()} are what the web pages, the API and the read commands
 * use. Closing closes everything in the reverse order of opening; a failure while opening closes
 * what was opened so far, in the same order. Thread-safe as its parts are.
 */
public final class Lente implements AutoCloseable {

  /** How the folder is opened. */
  public enum Mode {
    /**
     * For writing: fails with {@link WriterPresent} when another process writes the folder (it holds
     * the search index's lock).
     */
    WRITE,
    /**
     * For writing; an existing knowledge base that cannot be opened for writing (a full disk) is
     * opened for reading only, writing nothing: commands that read work, a write fails at once.
     */
    WRITE_ELSE_READ,
    /**
     * For the commands that only read: as {@link #WRITE_ELSE_READ}, or, while another process writes
     * the folder (a running {@code lente serve}), for reading only beside it: what that process has
     * committed when this one opens.
     */
    READ
  }

  /**
   * How to open the folder.
   *
   * @param mode writing, or reading (see {@link Mode})
   * @param mustExist true: fail with a clear message when the folder holds no knowledge base; false:
   *     create it
   */
  public record Options(Mode mode, boolean mustExist) {
    public Options {
      Objects.requireNonNull(mode, "mode");
    }

    /** Write, creating the knowledge base when missing. */
    public static Options write() {
      return new Options(Mode.WRITE, false);
    }
  }

  /** The folder is held by another process that writes it; the message says what to do. */
  public static final class WriterPresent extends IOException {
    private final Path dir;

    WriterPresent(Path dir, Throwable cause) {
      super("the knowledge base in " + dir.toAbsolutePath() + " is being written by another Lente "
          + "process (lente serve, ingest or watch): stop it, or add articles through the running server "
          + "(its /add page or POST /api/v1/ingest)", cause);
      this.dir = dir;
    }

    /** The folder held. */
    public Path dir() {
      return dir;
    }
  }

  private final Path dir;
  private final boolean readOnly;
  private final KnowledgeBase knowledge;
  private final SqliteStore store;
  private final StoryReader stories;
  private final Sources sources;

  private Lente(Path dir, boolean readOnly, KnowledgeBase knowledge, SqliteStore store, SqliteStoryStore storyStore) {
    this.dir = dir;
    this.readOnly = readOnly;
    this.knowledge = knowledge;
    this.store = store;
    this.stories = new StoryReader(storyStore, knowledge.reader());
    this.sources = SqliteSources.on(store.database());
  }

  /**
   * Opens the knowledge base in {@code dir} as {@code options} say.
   *
   * @throws WriterPresent when writing and another process writes the folder
   * @throws IOException when there is no knowledge base and {@code options.mustExist()}, or it cannot be opened
   */
  public static Lente open(Path dir, Options options) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    if (options.mustExist() && !Files.isRegularFile(dir.resolve(SqliteStore.FILE))) {
      throw new IOException("no knowledge base in " + dir.toAbsolutePath() + " (create one with lente ingest --data "
          + dir + " …)");
    }
    return switch (options.mode()) {
      case WRITE -> writable(dir);
      case WRITE_ELSE_READ -> writableElseReadOnly(dir, () -> writable(dir), () -> readOnly(dir, false));
      case READ -> {
        try {
          yield writableElseReadOnly(dir, () -> writable(dir), () -> readOnly(dir, false));
        } catch (WriterPresent e) {
          yield readOnly(dir, true);
        }
      }
    };
  }

  /**
   * Opens the store alone, for users and tokens (no search index, so another process may hold the
   * folder). Creates the folder and database when missing; an existing one that cannot be opened for
   * writing (a full disk) is opened for reading only.
   */
  public static SqliteStore openAccounts(Path dir) throws IOException {
    return writableElseReadOnly(dir, () -> SqliteStore.open(dir), () -> SqliteStore.openReadOnly(dir));
  }

  /**
   * Opens the polled sources alone, as {@link #openAccounts} opens the store (no search index, so
   * another process may hold the folder: {@code lente sources add} beside a running server).
   */
  public static Sources openSources(Path dir) throws IOException {
    return writableElseReadOnly(dir, () -> SqliteSources.open(dir), () -> SqliteSources.openReadOnly(dir));
  }

  private static Lente writable(Path dir) throws IOException {
    PrivateFiles.createDirectories(dir);
    return assemble(dir, false, false);
  }

  private static Lente readOnly(Path dir, boolean beside) throws IOException {
    return assemble(dir, true, beside);
  }

  /**
   * Opens store, story tables (on the store's database), lineage, index and knowledge base in that
   * order; a failure closes what was opened, in reverse.
   */
  private static Lente assemble(Path dir, boolean readOnly, boolean beside) throws IOException {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      SqliteStore store = readOnly ? SqliteStore.openReadOnly(dir) : SqliteStore.open(dir);
      opened.push(store);
      SqliteStoryStore storyStore = SqliteStoryStore.on(store.database());
      Lineage lineage = new Lineage(storyStore, Lineage.Articles.of(store),
          Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD); // closes storyStore
      Path indexDir = dir.resolve("index");
      LuceneIndex index;
      try {
        index = beside ? LuceneIndex.openForReading(indexDir) : LuceneIndex.open(indexDir);
      } catch (LockObtainFailedException e) {
        throw new WriterPresent(dir, e);
      }
      opened.push(index);
      KnowledgeBase kb = new KnowledgeBase(store, index, dir.resolve("entities.json"), lineage);
      return new Lente(dir, readOnly, kb, store, storyStore);
    } catch (IOException | RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
  }

  /** Closes {@code opened} from the top, adding each failure to {@code failure}. */
  private static void closeAll(Deque<AutoCloseable> opened, Throwable failure) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception again) {
        failure.addSuppressed(again);
      }
    }
  }

  /** Opens something of the folder. */
  private interface Opener<T> {
    T open() throws IOException;
  }

  /**
   * What {@code writable} opens; when that fails (not for another writer) and the folder holds a
   * knowledge base, what {@code readOnly} opens. When both fail, the first failure is thrown.
   */
  private static <T> T writableElseReadOnly(Path dir, Opener<T> writable, Opener<T> readOnly) throws IOException {
    try {
      return writable.open();
    } catch (WriterPresent e) {
      throw e;
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

  /** The data folder. */
  public Path dir() {
    return dir;
  }

  /** True when opened for reading only (a full disk, or beside another writer): every write fails. */
  public boolean readOnly() {
    return readOnly;
  }

  /** The one writer: everything added goes through it (store, index, resolver, stories, lineage). */
  public KnowledgeBase knowledge() {
    return knowledge;
  }

  /** What the reader, the API and the read commands read. */
  public KnowledgeReader reader() {
    return knowledge.reader();
  }

  /**
   * Stories and lineage for reading: on the store's read connections, so readers wait neither for
   * the writer nor for each other.
   */
  public StoryReader stories() {
    return stories;
  }

  /** The server's users, tokens and sessions, on the store's database. */
  public Accounts accounts() {
    return store;
  }

  /**
   * The polled sources, on the store's database; closing them does nothing (they close with this).
   * Changes fail when the folder was opened for reading only.
   */
  public Sources sources() {
    return sources;
  }

  /** Closes the knowledge base (index, lineage, store with its database): the reverse of opening. */
  @Override
  public void close() throws IOException {
    knowledge.close();
  }
}
