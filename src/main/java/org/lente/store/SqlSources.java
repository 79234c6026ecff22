package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;

/**
 * {@link Sources} over SQL tables {@code polled_sources} and {@code source_urls}: the embedded
 * {@link SqliteSources} and the cluster's {@link PostgresSources}. The SQL is written once for both
 * engines (a new id comes back by {@code RETURNING}, an address taken meanwhile by another writer
 * by {@code ON CONFLICT DO NOTHING}); a subclass gives its connections (its {@link SqlConnections}) and
 * how it opens and closes. The article writes of a store record a poller's progress with their
 * article, in their own transaction, through {@link #write}. Thread-safe.
 */
public abstract sealed class SqlSources implements Sources permits SqliteSources, PostgresSources {

  private static final String COLUMNS = "id, kind, address, title, every_seconds, added_at, last_poll, next_poll, "
      + "etag, last_modified, last_status, last_error, articles_added, failing_since";

  private final SqlConnections db;

  SqlSources(SqlConnections db) {
    this.db = db;
  }

  @Override
  public Source add(Source.Kind kind, String address, String title, Duration every, Instant added)
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
    // ON CONFLICT DO NOTHING: an address added meanwhile by another process returns no row, as one added before.
    Optional<Long> id = db.writing("add source " + s.address(), () -> {
      PreparedStatement ps = db.statement("INSERT INTO polled_sources (kind, address, title, every_seconds, added_at) "
          + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (address) DO NOTHING RETURNING id");
      ps.setString(1, s.kind().label());
      ps.setString(2, s.address());
      ps.setString(3, s.title());
      ps.setLong(4, s.every().toSeconds());
      ps.setString(5, s.added().toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
      }
    });
    return new Source(id.orElseThrow(() -> new IllegalArgumentException("already a source: " + s.address())),
        s.kind(), s.address(), s.title(), s.every(), s.added(), s.state());
  }

  @Override
  public List<Source> all() throws IOException {
    return query("SELECT " + COLUMNS + " FROM polled_sources ORDER BY id", null);
  }

  @Override
  public Optional<Source> get(long id) throws IOException {
    return query("SELECT " + COLUMNS + " FROM polled_sources WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public Optional<Source> byAddress(String address) throws IOException {
    Objects.requireNonNull(address, "address");
    return query("SELECT " + COLUMNS + " FROM polled_sources WHERE address = ?", address).stream().findFirst();
  }

  /** {@inheritDoc} Its handled URLs go in the same transaction, whether or not the connection enforces ON DELETE CASCADE. */
  @Override
  public boolean remove(long id) throws IOException {
    return db.writing("remove source " + id, () -> {
      PreparedStatement urls = db.statement("DELETE FROM source_urls WHERE source_id = ?");
      urls.setLong(1, id);
      urls.executeUpdate();
      PreparedStatement ps = db.statement("DELETE FROM polled_sources WHERE id = ?");
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    });
  }

  @Override
  public boolean recordPoll(long id, Source.State polled, long newArticles) throws IOException {
    Objects.requireNonNull(polled, "polled");
    if (newArticles < 0) {
      throw new IllegalArgumentException("negative articles added: " + newArticles);
    }
    return db.writing("record the poll of source " + id, () -> record(db::statement, id, polled, newArticles));
  }

  @Override
  public void markHandled(long id, String url) throws IOException {
    Objects.requireNonNull(url, "url");
    db.writing("mark " + url + " of source " + id + " handled", () -> {
      handle(db::statement, new SourceProgress(id, url, null), Instant.now());
      return null;
    });
  }

  @Override
  public Set<String> handled(long id, Collection<String> urls) throws IOException {
    return db.reading("read the handled URLs of source " + id, () -> {
      Set<String> out = new HashSet<>();
      PreparedStatement ps = db.statement("SELECT 1 FROM source_urls WHERE source_id = ? AND url = ?");
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
    });
  }

  /**
   * Writes {@code progress} on {@code st}, in the caller's transaction: the URL handled, one more article
   * added when {@code added}, and the poll's state when it carries one. Used by a store's article
   * writes, so that the progress and its article are one transaction.
   */
  static void write(SqlConnections.Statements st, SourceProgress progress, boolean added, Instant at)
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

  /** Marks the progress's URL handled for its source, when the source is there. */
  static void handle(SqlConnections.Statements st, SourceProgress progress, Instant at) throws SQLException {
    PreparedStatement ps = st.prepare("INSERT INTO source_urls (source_id, url, handled_at) SELECT ?, ?, ? "
        + "WHERE EXISTS (SELECT 1 FROM polled_sources WHERE id = ?) ON CONFLICT (source_id, url) DO NOTHING");
    ps.setLong(1, progress.source());
    ps.setString(2, progress.url());
    ps.setString(3, at.toString());
    ps.setLong(4, progress.source());
    ps.executeUpdate();
  }

  /** Writes a poll's state and count, then drops the source's handled URLs beyond {@link #MAX_HANDLED}. */
  static boolean record(SqlConnections.Statements st, long id, Source.State polled, long newArticles)
      throws SQLException {
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

  /** The sources {@code sql} selects, with {@code key} (a Long or a String) as its one parameter when not null. */
  private List<Source> query(String sql, Object key) throws IOException {
    return db.reading("read the sources", () -> {
      PreparedStatement ps = db.statement(sql);
      if (key instanceof Long id) {
        ps.setLong(1, id);
      } else if (key != null) {
        ps.setString(1, (String) key);
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
    });
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
