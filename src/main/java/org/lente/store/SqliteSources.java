package org.lente.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;
import org.sqlite.SQLiteConfig;

/**
 * The polled sources of the knowledge base: table {@code polled_sources} of its {@code lente.db} (schema
 * script {@code V12__sources.sql}), on a connection of its own. Several processes may use it at once
 * (a {@code lente sources add} beside a running {@code lente serve}): each change is one statement,
 * SQLite serialises them, and a poll's state is written with an increment, so a source removed or
 * changed meanwhile is never written back whole. Thread-safe: one connection under a lock.
 */
public final class SqliteSources implements AutoCloseable {

  private static final String COLUMNS = "id, kind, address, title, every_seconds, added_at, last_poll, next_poll, "
      + "etag, last_modified, last_status, last_error, articles_added, failing_since";

  private final Connection conn;

  private SqliteSources(Connection conn) {
    this.conn = conn;
  }

  /** Opens the sources of the knowledge base in {@code dir}, creating or upgrading its schema first. */
  public static SqliteSources open(Path dir) throws IOException {
    SqliteStore.open(dir).close(); // applies the migrations, V12 included
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(SqliteStore.BUSY_TIMEOUT_MS);
    Path file = dir.resolve(SqliteStore.FILE);
    try {
      return new SqliteSources(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the sources of the knowledge base in {@code dir} for reading only, writing nothing (see
   * {@link SqliteStore#openReadOnly}); changes through it fail.
   */
  public static SqliteSources openReadOnly(Path dir) throws IOException {
    Path file = dir.resolve(SqliteStore.FILE);
    try {
      return new SqliteSources(SqliteStore.readOnlyConnection(file));
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + " for reading: " + e.getMessage(), e);
    }
  }

  /**
   * Adds a source never polled, due at once, and returns it with its id.
   *
   * @param address as {@link Source#address} makes it
   * @param every at least a second (the store keeps whole seconds)
   * @throws IllegalArgumentException when a source has this address already (naming its id), or the
   *     values are not a source's
   */
  public synchronized Source add(Source.Kind kind, String address, String title, Duration every, Instant added)
      throws IOException {
    if (every.toSeconds() < 1 || every.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("bad time between polls: " + every + " (whole seconds, at least one)");
    }
    Source s = new Source(0, kind, address, title == null || title.isBlank() ? null : title.strip(), every, added,
        Source.State.NEW);
    Optional<Source> there = byAddress(s.address());
    if (there.isPresent()) {
      throw new IllegalArgumentException("already a source: " + s.address() + " (id " + there.get().id() + ")");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO polled_sources (kind, address, title, every_seconds, "
        + "added_at) VALUES (?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, s.kind().label());
      ps.setString(2, s.address());
      ps.setString(3, s.title());
      ps.setLong(4, s.every().toSeconds());
      ps.setString(5, s.added().toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new Source(keys.getLong(1), s.kind(), s.address(), s.title(), s.every(), s.added(), s.state());
      }
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) { // added by another process meanwhile
        throw new IllegalArgumentException("already a source: " + s.address());
      }
      throw new IOException("cannot add source " + s.address() + ": " + e.getMessage(), e);
    }
  }

  /** Every source, oldest first. */
  public synchronized List<Source> all() throws IOException {
    return query("SELECT " + COLUMNS + " FROM polled_sources ORDER BY id", null);
  }

  /** Source {@code id}, or empty. */
  public synchronized Optional<Source> get(long id) throws IOException {
    return query("SELECT " + COLUMNS + " FROM polled_sources WHERE id = ?", id).stream().findFirst();
  }

  /** The source with exactly this stored address, or empty. */
  public synchronized Optional<Source> byAddress(String address) throws IOException {
    return query("SELECT " + COLUMNS + " FROM polled_sources WHERE address = ?", address).stream().findFirst();
  }

  /** Removes source {@code id}; false when there is none. */
  public synchronized boolean remove(long id) throws IOException {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM polled_sources WHERE id = ?")) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IOException("cannot remove source " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records a poll of source {@code id}: its new state (all but the count) and {@code newArticles} more
   * articles added; nothing when the source was removed meanwhile. Returns whether it was there.
   */
  public synchronized boolean recordPoll(long id, Source.State polled, long newArticles) throws IOException {
    Objects.requireNonNull(polled, "polled");
    if (newArticles < 0) {
      throw new IllegalArgumentException("negative articles added: " + newArticles);
    }
    try (PreparedStatement ps = conn.prepareStatement("UPDATE polled_sources SET last_poll = ?, next_poll = ?, etag = ?, "
        + "last_modified = ?, last_status = ?, last_error = ?, articles_added = articles_added + ?, "
        + "failing_since = ? WHERE id = ?")) {
      ps.setString(1, text(polled.lastPoll()));
      ps.setString(2, text(polled.nextPoll()));
      ps.setString(3, polled.validators().etag());
      ps.setString(4, polled.validators().lastModified());
      if (polled.lastStatus() == null) {
        ps.setNull(5, Types.INTEGER);
      } else {
        ps.setInt(5, polled.lastStatus());
      }
      ps.setString(6, polled.lastError());
      ps.setLong(7, newArticles);
      ps.setString(8, text(polled.failingSince()));
      ps.setLong(9, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IOException("cannot record the poll of source " + id + ": " + e.getMessage(), e);
    }
  }

  private List<Source> query(String sql, Object key) throws IOException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      if (key != null) {
        ps.setObject(1, key);
      }
      List<Source> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int status = rs.getInt(11);
          Integer lastStatus = rs.wasNull() ? null : status;
          out.add(new Source(rs.getLong(1), Source.Kind.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
              Duration.ofSeconds(rs.getLong(5)), Instant.parse(rs.getString(6)),
              new Source.State(instant(rs.getString(7)), instant(rs.getString(8)),
                  new Validators(rs.getString(9), rs.getString(10)), lastStatus, rs.getString(12), rs.getLong(13),
                  instant(rs.getString(14)))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IOException("cannot read the sources: " + e.getMessage(), e);
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      conn.close();
    } catch (SQLException e) {
      throw new IOException("cannot close the sources: " + e.getMessage(), e);
    }
  }
}
