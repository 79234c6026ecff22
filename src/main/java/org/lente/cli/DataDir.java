package org.lente.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.lente.Lente;
import org.lente.store.Sources;
import org.lente.store.SqliteStore;
import picocli.CommandLine.Option;

/** The {@code --data} option; the knowledge base it names is put together by {@link Lente}. */
final class DataDir {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "lente-data",
      description = "The knowledge base's folder (SQLite database and search index). Default: ${DEFAULT-VALUE}.")
  Path dir;

  /** Opens (creating if needed) the knowledge base for writing ({@link Lente.Mode#WRITE}). */
  Lente open() throws IOException {
    return Lente.open(dir, Lente.Options.write());
  }

  /** Opens the store alone, for users and tokens ({@link Lente#openAccounts}). */
  SqliteStore openStore() throws IOException {
    return Lente.openAccounts(dir);
  }

  /** Opens the polled sources ({@link Lente#openSources}). */
  Sources openSources() throws IOException {
    return Lente.openSources(dir);
  }

  /**
   * Opens an existing knowledge base; a clear error when {@code dir} holds none. When it cannot be
   * opened for writing (a full disk), it is opened for reading only ({@link Lente.Mode#WRITE_ELSE_READ}).
   */
  Lente openExisting() throws IOException {
    return Lente.open(dir, new Lente.Options(Lente.Mode.WRITE_ELSE_READ, true));
  }

  /** Opens the knowledge base, creating it when missing, else for reading only ({@link Lente.Mode#WRITE_ELSE_READ}). */
  Lente openOrRead() throws IOException {
    return Lente.open(dir, new Lente.Options(Lente.Mode.WRITE_ELSE_READ, false));
  }

  /** Opens an existing knowledge base for the commands that only read it ({@link Lente.Mode#READ}). */
  Lente openToRead() throws IOException {
    return Lente.open(dir, new Lente.Options(Lente.Mode.READ, true));
  }
}
