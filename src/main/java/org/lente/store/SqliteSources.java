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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;
import org.sqlite.SQLiteConfig;

/**
 * The polled sources of the knowledge base: table {@code polled_sources} of its {@code lente.db} (schema
 * script {@code V12__sources.sql}), on a connection of its own. Several processes may use it at once
 * (a {@code lente sources add} beside a running {@code lente serve}): each change is one statement
 * (a recorded poll then drops the handled URLs beyond the bound in a second one), SQLite serialises them, and a poll's state is written with an increment, so a source removed or
 * changed meanwhile is never written back whole. The article URLs each source listed and that were
 * handled are kept in table {@code source_urls} (V14), written with their article by the store
 * ({@link #write}). Thread-safe: one connection under a lock.
 */
public final class SqliteSources implements AutoCloseable {

  private static final String COLUMNS = "id, kind, address, title, every_seconds, added_at, last_poll, next_poll, "
      + "etag, last_modified, last_status, last_error, articles_added, failing_since";

  /**
   * Article URLs kept as handled per source, the most recent: a sitemap lists at most 50,000
   * (sitemaps.org), a feed far fewer, so a source's whole listing stays known and is never fetched
   * again, while a source polled for years keeps a bounded table (a few MB per source).
   */
  public static final int MAX_HANDLED = 50_000;

  private final Connection conn;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

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
    config.enforceForeignKeys(true); // a source removed takes its handled URLs with it
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
   * articles added; nothing when the source was removed meanwhile. Returns whether it was there. Keeps
   * the source's {@value #MAX_HANDLED} most recently handled article URLs, dropping older ones.
   */
  public synchronized boolean recordPoll(long id, Source.State polled, long newArticles) throws IOException {
    Objects.requireNonNull(polled, "polled");
    try {
      return record(this::statement, id, polled, newArticles);
    } catch (SQLException e) {
      throw new IOException("cannot record the poll of source " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * Marks article URL {@code url} of source {@code id} handled without an article stored (the page held
   * none), so that it is not fetched again; nothing when the source was removed meanwhile.
   */
  public synchronized void markHandled(long id, String url) throws IOException {
    try {
      handle(this::statement, new SourceProgress(id, url, null), Instant.now());
    } catch (SQLException e) {
      throw new IOException("cannot mark " + url + " of source " + id + " handled: " + e.getMessage(), e);
    }
  }

  /**
   * Of {@code urls}, those already handled for source {@code id} (among its {@value #MAX_HANDLED} most
   * recent): a poller fetches the others only.
   */
  public synchronized Set<String> handled(long id, Collection<String> urls) throws IOException {
    Set<String> out = new HashSet<>();
    try {
      PreparedStatement ps = statement("SELECT 1 FROM source_urls WHERE source_id = ? AND url = ?");
      for (String url : urls) {
        ps.setLong(1, id);
        ps.setString(2, url);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.add(url);
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IOException("cannot read the handled URLs of source " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code progress} on {@code st}, in the caller's transaction: the URL handled, one more article
   * added when {@code added}, and the poll's state when it carries one. Used by the store's article
   * writes, so that the progress and its article are one transaction.
   */
  static void write(ResolverTables.Statements st, SourceProgress progress, boolean added, Instant at)
      throws SQLException {
    handle(st, progress, at);
    if (progress.polled() != null) {
      record(st, progress.source(), progress.polled(), added ? 1 : 0);
    } else if (added) {
      PreparedStatement ps = st.prepare("UPDATE polled_sources SET articles_added = articles_added + 1 WHERE id = ?");
      ps.setLong(1, progress.source());
      ps.executeUpdate();
    }
  }

  private static void handle(ResolverTables.Statements st, SourceProgress progress, Instant at) throws SQLException {
    PreparedStatement ps = st.prepare("INSERT INTO source_urls (source_id, url, handled_at) SELECT ?, ?, ? "
        + "WHERE EXISTS (SELECT 1 FROM polled_sources WHERE id = ?) ON CONFLICT (source_id, url) DO NOTHING");
    ps.setLong(1, progress.source());
    ps.setString(2, progress.url());
    ps.setString(3, at.toString());
    ps.setLong(4, progress.source());
    ps.executeUpdate();
  }

  private static boolean record(ResolverTables.Statements st, long id, Source.State polled, long newArticles)
      throws SQLException {
    if (newArticles < 0) {
      throw new IllegalArgumentException("negative articles added: " + newArticles);
    }
    PreparedStatement ps = st.prepare("UPDATE polled_sources SET last_poll = ?, next_poll = ?, etag = ?, "
        + "last_modified = ?, last_status = ?, last_error = ?, articles_added = articles_added + ?, "
        + "failing_since = ? WHERE id = ?");
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
    boolean there = ps.executeUpdate() == 1;
    PreparedStatement prune = st.prepare("DELETE FROM source_urls WHERE source_id = ? AND id <= (SELECT id FROM "
        + "source_urls WHERE source_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)");
    prune.setLong(1, id);
    prune.setLong(2, id);
    prune.setInt(3, MAX_HANDLED);
    prune.executeUpdate();
    return there;
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
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
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      conn.close();
    } catch (SQLException e) {
      throw new IOException("cannot close the sources: " + e.getMessage(), e);
    }
  }
}
