package org.lente.cluster;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lente.Pipeline;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.server.Submissions;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link Submissions}: each is a row of table {@code submissions}, so any instance of
 * {@code lente serve --cluster} tells its state, and a message for the workers, as {@code lente worker submit}
 * sends one: a URL goes to {@value KafkaTopics#FETCH}, pasted HTML or text to {@value KafkaTopics#PAGES}, with
 * origin {@code "submission <id>"}. Pasted content is extracted here (cheap, no analysis) to learn its article
 * key, and refused at once ({@link #NOT_AN_ARTICLE}) when it holds no article text; a URL's key is taken to be
 * the URL as given (a page whose canonical address differs stays queued).
 *
 * <p>States: {@code queued} until an article of the key is in the store, then {@code duplicate} when it was stored
 * before the submission and {@code stored} when after (read when the state is asked for, and kept); {@code failed}
 * when it holds no article or Kafka did not take it. A submission the workers gave up on (a dead letter) stays
 * queued. Rows older than {@link #KEEP} are deleted. Thread-safe.
 */
public final class ClusterSubmissions implements Submissions, AutoCloseable {

  /** How long submissions are kept. */
  public static final Duration KEEP = Duration.ofDays(30);

  /** Why a submission failed: Kafka did not take it in time. */
  public static final String NOT_QUEUED = "the cluster's queue did not take it; try again later";

  /** How long a submit waits for Kafka to take the message. */
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  /** What the origin of a submission's message starts with; its id follows. */
  public static final String ORIGIN = "submission ";

  private static final String COLUMNS = "id, input, article_key, user_name, submitted_at, state, article_id, error";

  private final PostgresConnections db;
  private final Producer<String, String> producer;
  private final Extractor extractor = new Extractor();
  private final SecureRandom random = new SecureRandom();
  private final Every prune = new Every(Duration.ofHours(1));

  /** Submissions on {@code db} (closed with this) sent with {@code producer} (closed with this). */
  ClusterSubmissions(PostgresConnections db, Producer<String, String> producer) {
    this.db = Objects.requireNonNull(db, "db");
    this.producer = Objects.requireNonNull(producer, "producer");
  }

  /**
   * Connects to the cluster's PostgreSQL database and Kafka brokers.
   *
   * @throws ClusterFileException when the cluster file gives no {@code kafka.bootstrap}
   * @throws IOException when the database cannot be reached or its schema is not this Lente's
   */
  public static ClusterSubmissions connect(ClusterFile cluster) throws IOException {
    String bootstrap = cluster.requireKafka();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(SEND_TIMEOUT.toMillis()));
    PostgresConnections db = PostgresConnections.connect(cluster);
    return new ClusterSubmissions(db, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()));
  }

  @Override
  public Submission submit(Request request, String user) throws IOException {
    Objects.requireNonNull(request, "request");
    pruneNowAndThen();
    byte[] b = new byte[8];
    random.nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    Instant at = Instant.now();
    Page pasted = request.pasted();
    ProducerRecord<String, String> message;
    String key;
    if (pasted == null) {
      KafkaMessages.FetchTask task = new KafkaMessages.FetchTask(request.url().strip(), ORIGIN + id);
      key = task.url();
      message = new ProducerRecord<>(KafkaTopics.FETCH, task.key(), KafkaMessages.write(task));
    } else {
      Article article = extractor.extract(pasted);
      if (article.text().isBlank()) {
        return insert(new Submission(id, request.label(), State.FAILED, null, NOT_AN_ARTICLE, at, user), "-");
      }
      key = Pipeline.key(pasted, article);
      KafkaMessages.FetchedPage page = new KafkaMessages.FetchedPage(pasted, ORIGIN + id);
      message = new ProducerRecord<>(KafkaTopics.PAGES, page.key(), KafkaMessages.write(page));
    }
    Submission queued = insert(new Submission(id, request.label(), State.QUEUED, null, null, at, user), key);
    try {
      producer.send(message).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      System.err.println("lente serve: submission " + id + " (" + queued.input() + ") not taken by Kafka: " + e);
      update(queued.with(State.FAILED, null, NOT_QUEUED));
      throw new IllegalStateException(NOT_QUEUED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      update(queued.with(State.FAILED, null, NOT_QUEUED));
      throw new IllegalStateException(NOT_QUEUED);
    }
    return queued;
  }

  @Override
  public Optional<Submission> get(String id) throws IOException {
    Optional<Row> row = db.read("read submission " + id, c -> {
      PreparedStatement st = db.statement("SELECT " + COLUMNS + " FROM submissions WHERE id = ?");
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    });
    return row.isEmpty() ? Optional.empty() : Optional.of(resolved(row.get()));
  }

  @Override
  public List<Submission> recent(int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<Row> rows = db.read("read the latest submissions", c -> {
      PreparedStatement st = db.statement("SELECT " + COLUMNS + " FROM submissions "
          + "ORDER BY submitted_at DESC, id DESC LIMIT ?");
      st.setInt(1, limit);
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    });
    List<Submission> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(resolved(r));
    }
    return List.copyOf(out);
  }

  /** A stored submission with the key its article is looked up by. */
  private record Row(Submission submission, String key) {}

  private static Row row(ResultSet rs) throws SQLException {
    long article = rs.getLong(7);
    Long articleId = rs.wasNull() ? null : article;
    Submission s = new Submission(rs.getString(1), rs.getString(2),
        State.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), articleId, rs.getString(8),
        rs.getTimestamp(5).toInstant(), rs.getString(4));
    return new Row(s, rs.getString(3));
  }

  /**
   * {@code row}'s submission; a queued one whose key is now in the store becomes stored or duplicate (and is
   * kept so).
   */
  private Submission resolved(Row row) throws IOException {
    Submission s = row.submission();
    if (s.state() != State.QUEUED) {
      return s;
    }
    Optional<Submission> found = db.read("look up the article of submission " + s.id(), c -> {
      PreparedStatement st = db.statement("SELECT id, stored_at FROM articles WHERE key = ?");
      st.setString(1, row.key());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(s.with(storedBefore(rs.getString(2), s.at()) ? State.DUPLICATE : State.STORED,
            rs.getLong(1), null));
      }
    });
    if (found.isEmpty()) {
      return s;
    }
    update(found.get());
    return found.get();
  }

  /** Whether an article stored at {@code storedAt} (an ISO instant; unreadable: no) was there before {@code at}. */
  private static boolean storedBefore(String storedAt, Instant at) {
    try {
      return Instant.parse(storedAt).isBefore(at);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private Submission insert(Submission s, String key) throws IOException {
    db.writeDerived("record submission " + s.id(), c -> {
      PreparedStatement st = db.statement("INSERT INTO submissions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      st.setString(1, s.id());
      st.setString(2, s.input());
      st.setString(3, key);
      st.setString(4, s.user());
      st.setTimestamp(5, Timestamp.from(s.at()));
      st.setString(6, s.state().name().toLowerCase(Locale.ROOT));
      st.setObject(7, s.articleId());
      st.setString(8, s.error());
      return st.executeUpdate();
    });
    return s;
  }

  /** Writes {@code s}'s state, article and error, unless its row left the queued state meanwhile. */
  private void update(Submission s) throws IOException {
    db.writeDerived("update submission " + s.id(), c -> {
      PreparedStatement st = db.statement("UPDATE submissions SET state = ?, article_id = ?, error = ? "
          + "WHERE id = ? AND state = 'queued'");
      st.setString(1, s.state().name().toLowerCase(Locale.ROOT));
      st.setObject(2, s.articleId());
      st.setString(3, s.error());
      st.setString(4, s.id());
      return st.executeUpdate();
    });
  }

  /** Deletes the submissions older than {@link #KEEP}, when this instance has not for an hour. */
  private void pruneNowAndThen() throws IOException {
    if (!prune.due()) {
      return;
    }
    db.writeDerived("prune the submissions", c -> {
      PreparedStatement st = db.statement("DELETE FROM submissions WHERE submitted_at < ?");
      st.setTimestamp(1, Timestamp.from(Instant.now().minus(KEEP)));
      return st.executeUpdate();
    });
  }

  /** Closes the producer (waiting for what it sends) and the database connections. */
  @Override
  public void close() throws IOException {
    try {
      producer.close(Duration.ofSeconds(10));
    } finally {
      db.close();
    }
  }
}
