package org.lente.cluster;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lente.Pipeline;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.knowledge.KnowledgeBase;
import org.lente.server.Submissions;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link Submissions}: each is a row of table {@code submissions}, so any instance of
 * {@code lente serve --cluster} tells its state, and a message for the workers, as {@code lente worker submit}
 * sends one: a URL goes to {@value KafkaTopics#FETCH}, pasted HTML or text to {@value KafkaTopics#PAGES}, with
 * origin {@code "submission <id>"}, which the workers carry through to {@value KafkaTopics#ANALYSED}. Pasted content
 * is extracted here (cheap, no analysis) and refused at once ({@link #NOT_AN_ARTICLE}) when it holds no article
 * text.
 *
 * <p>States: {@code queued} until the knowledge writer adds its article: then, in the transaction that stores it
 * ({@link #added}), {@code stored}, {@code updated} or {@code duplicate} with the article's id, whatever key the
 * article got (a canonical address, a redirect's target, a text stored before under another key), as the embedded
 * mode ends it ({@link Submissions#ended}); {@code failed}
 * when it holds no article, Kafka did not take it, or the workers gave up on its message: each instance follows
 * {@value KafkaTopics#DEAD} in consumer group {@value #DEAD_GROUP} (so one instance reads each dead letter), and a
 * dead letter with the origin of a queued submission (kept whole however its message was cut) makes it failed with
 * the reason a reader sees in the embedded mode ({@link GaveUp#of}): a page with no article text (the analysis
 * worker sends such a letter for a submission's page at once), a private address, robots.txt, an HTTP status, else
 * {@link Submissions#NOT_FETCHED} for a URL and {@link Submissions#NOT_ANALYSED} for a page; the worker's error goes to
 * this instance's standard error only, as the embedded {@code Ingests} logs it. A dead
 * letter is committed after its submission's row is written (at least once; writing it again changes nothing).
 * Rows older than {@link #KEEP} are deleted. Thread-safe.
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

  /** The consumer group in which the instances of {@code lente serve --cluster} read {@value KafkaTopics#DEAD}. */
  public static final String DEAD_GROUP = "lente-submissions";

  /** How long the dead-letter follower waits after PostgreSQL or Kafka failed, before it reads again. */
  private static final Duration FOLLOW_PAUSE = Duration.ofSeconds(5);

  private static final String COLUMNS = "id, input, article_key, user_name, submitted_at, state, article_id, error";

  private final PostgresConnections db;
  private final Producer<String, String> producer;
  private final Extractor extractor = new Extractor();
  private final SecureRandom random = new SecureRandom();
  private final Every prune = new Every(Duration.ofHours(1));
  private final RenewingConsumer deadLetters;
  private final Thread follower;
  private volatile boolean closing;

  /**
   * Submissions on {@code db} (the caller's: not closed here) sent with {@code producer} (closed with this), failed by the dead
   * letters {@code deadLetters} reads (subscribed to {@value KafkaTopics#DEAD} and closed here; null: none are).
   */
  ClusterSubmissions(PostgresConnections db, Producer<String, String> producer, RenewingConsumer deadLetters) {
    this.db = Objects.requireNonNull(db, "db");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.deadLetters = deadLetters;
    this.follower = deadLetters == null ? null : Thread.ofPlatform().daemon().name("lente-dead-letters")
        .start(this::follow);
  }

  /**
   * Submissions on {@code db}, open connections ({@link PostgresConnections#connect}) that the caller closes after
   * this, and on the Kafka brokers of {@code cluster}.
   *
   * @throws ClusterFileException when the cluster file gives no {@code kafka.bootstrap}
   */
  public static ClusterSubmissions on(PostgresConnections db, ClusterFile cluster) throws ClusterFileException {
    Objects.requireNonNull(db, "db");
    String bootstrap = cluster.requireKafka();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(SEND_TIMEOUT.toMillis()));
    Properties c = KafkaWorker.groupMember(bootstrap, DEAD_GROUP);
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        Integer.toString(KafkaTopics.MAX_DEAD_LETTER_BYTES + (64 << 10)));
    KafkaProducer<String, String> producer = null;
    try {
      producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
      RenewingConsumer dead = new RenewingConsumer("the dead-letter follower of group " + DEAD_GROUP,
          () -> new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer()),
          consumer -> consumer.subscribe(List.of(KafkaTopics.DEAD)), RenewingConsumer.WAITS,
          line -> System.err.println("lente serve: " + line));
      return new ClusterSubmissions(db, producer, dead);
    } catch (RuntimeException e) {
      if (producer != null) {
        producer.close(Duration.ZERO);
      }
      throw e;
    }
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
    return db.read("read submission " + id, c -> {
      PreparedStatement st = db.statement("SELECT " + COLUMNS + " FROM submissions WHERE id = ?");
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.<Submission>empty();
      }
    });
  }

  @Override
  public List<Submission> recent(int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    return db.read("read the latest submissions", c -> {
      PreparedStatement st = db.statement("SELECT " + COLUMNS + " FROM submissions "
          + "ORDER BY submitted_at DESC, id DESC LIMIT ?");
      st.setInt(1, limit);
      List<Submission> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return List.copyOf(out);
    });
  }

  private static Submission row(ResultSet rs) throws SQLException {
    long article = rs.getLong(7);
    Long articleId = rs.wasNull() ? null : article;
    return new Submission(rs.getString(1), rs.getString(2), State.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
        articleId, rs.getString(8), rs.getTimestamp(5).toInstant(), rs.getString(4));
  }

  /**
   * Ends queued submission {@code id} with the article the knowledge writer added for its message ({@code added}),
   * in the writer's transaction {@code tx} (so that it commits with the article, or not at all): its state and
   * error as {@link Submissions#ended} and {@link Submissions#endError} say, the article's id. A submission no
   * longer queued, or gone, is left as it is.
   *
   * @return whether a submission was ended
   */
  public static boolean added(Connection tx, String id, KnowledgeBase.Added added) throws SQLException {
    Objects.requireNonNull(added, "added");
    try (PreparedStatement st = tx.prepareStatement(UPDATE)) {
      return end(st, id, Submissions.ended(added), added.id(), Submissions.endError(added));
    }
  }

  /**
   * Ends queued submission {@code id} as {@link State#FAILED} with {@link Submissions#NOT_ANALYSED}, in the knowledge
   * writer's transaction {@code tx} that stores the offset past its record: the writer passed the record over (no
   * analysed article could be read from it, or applying it failed by its own fault), as the embedded mode ends a
   * submission whose analysis or storing failed. A submission no longer queued, or gone, is left as it is.
   *
   * @return whether a submission was ended
   */
  public static boolean passedOver(Connection tx, String id) throws SQLException {
    try (PreparedStatement st = tx.prepareStatement(UPDATE)) {
      return end(st, id, State.FAILED, null, NOT_ANALYSED);
    }
  }

  /**
   * Records {@code s}, with {@code key}: the article key expected (the URL as given, or the pasted page's), for the
   * operator; the submission is ended by its id ({@link #added}), not by that key.
   */
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
    update(s.id(), s.state(), s.articleId(), s.error());
  }

  /**
   * Writes submission {@code id}'s state, article and error, unless its row left the queued state meanwhile (or is
   * not there); returns whether it did.
   */
  private boolean update(String id, State state, Long articleId, String error) throws IOException {
    return db.writeDerived("update submission " + id, c -> end(db.statement(UPDATE), id, state, articleId, error));
  }

  /** Ends a queued submission: state, article, error, id. */
  private static final String UPDATE = "UPDATE submissions SET state = ?, article_id = ?, error = ? "
      + "WHERE id = ? AND state = 'queued'";

  /** Runs {@link #UPDATE} as {@code st} for submission {@code id}; returns whether it ended one. */
  private static boolean end(PreparedStatement st, String id, State state, Long articleId, String error)
      throws SQLException {
    st.setString(1, state.name().toLowerCase(Locale.ROOT));
    st.setObject(2, articleId);
    st.setString(3, error);
    st.setString(4, Objects.requireNonNull(id, "id"));
    return st.executeUpdate() == 1;
  }

  /** The id of the submission a message of {@code origin} carries; empty for another origin or none. */
  static Optional<String> submissionId(String origin) {
    if (origin == null || !origin.startsWith(ORIGIN) || origin.length() == ORIGIN.length()) {
      return Optional.empty();
    }
    return Optional.of(origin.substring(ORIGIN.length()));
  }

  /**
   * A submission the workers gave up on, as a dead letter tells it.
   *
   * @param id the submission's id
   * @param reason what a reader is told, as the embedded {@code Ingests} tells it
   * @param error the worker's last error, for the operator only
   */
  record GaveUp(String id, String reason, String error) {
    GaveUp {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(error, "error");
    }

    /**
     * The submission dead letter {@code json} gives up on; empty when its message has no submission's origin (a
     * polled source's URL, a topic whose messages carry no origin). The reason follows the letter's kind: no article
     * text, the fetcher's reason, else {@link Submissions#NOT_FETCHED} for a URL and {@link Submissions#NOT_ANALYSED}
     * for a page.
     *
     * @throws IOException when {@code json} is no dead letter
     */
    static Optional<GaveUp> of(String json) throws IOException {
      KafkaMessages.DeadLetter letter = KafkaMessages.read(json, KafkaMessages.DeadLetter.class);
      String origin = letter.origin();
      if (origin == null && !letter.cut()) { // a letter written before origins were kept: read its message's
        origin = KafkaMessages.origin(letter.value());
      }
      Optional<String> id = submissionId(origin);
      if (id.isEmpty()) {
        return Optional.empty();
      }
      String reason = switch (letter.kindOrError()) {
        case NOT_AN_ARTICLE -> NOT_AN_ARTICLE;
        case FETCH -> letter.fetchReason() == null ? NOT_FETCHED
            : Submissions.fetchFailed(letter.fetchReason(), letter.status() == null ? 0 : letter.status());
        case ERROR, TOO_LARGE -> letter.topic().equals(KafkaTopics.FETCH) ? NOT_FETCHED : NOT_ANALYSED;
      };
      return Optional.of(new GaveUp(id.get(), reason, letter.error()));
    }
  }

  /**
   * Reads {@value KafkaTopics#DEAD} until closed, failing the submissions the dead letters give up on; a dead letter
   * that is none is passed over with a line on standard error. When PostgreSQL fails, the batch is read again after
   * {@link #FOLLOW_PAUSE}; a Kafka consumer that fails is made again ({@link RenewingConsumer}), and one that failed
   * its budget of times in a row is tried again after {@link #FOLLOW_PAUSE} too: an instance of {@code serve} does not
   * stop for it.
   */
  private void follow() {
    while (!closing) {
      ConsumerRecords<String, String> batch = ConsumerRecords.empty();
      try {
        batch = deadLetters.poll(Duration.ofSeconds(1), () -> closing);
        for (ConsumerRecord<String, String> r : batch) {
          failed(r);
        }
        deadLetters.commit(RenewingConsumer.after(batch));
      } catch (WakeupException e) {
        break;
      } catch (IOException | RuntimeException e) {
        if (closing) {
          break;
        }
        System.err.println("lente serve: dead letters of " + KafkaTopics.DEAD + " not applied, read again in "
            + FOLLOW_PAUSE.toSeconds() + " s: " + e);
        try {
          for (TopicPartition tp : batch.partitions()) {
            deadLetters.seek(tp, batch.records(tp).get(0).offset());
          }
          Thread.sleep(FOLLOW_PAUSE.toMillis());
        } catch (WakeupException | InterruptedException w) {
          break;
        } catch (RuntimeException again) { // the partition was taken away meanwhile: its new reader reads it
          System.err.println("lente serve: cannot read the dead letters again: " + again);
        }
      }
    }
  }

  /** Fails the submission dead letter {@code r} gives up on, if any, and logs the worker's error. */
  private void failed(ConsumerRecord<String, String> r) throws IOException {
    Optional<GaveUp> gaveUp;
    try {
      gaveUp = GaveUp.of(r.value());
    } catch (IOException e) {
      System.err.println("lente serve: " + KafkaTopics.DEAD + "@" + r.offset() + " is no dead letter, passed over: "
          + e.getMessage());
      return;
    }
    if (gaveUp.isPresent() && update(gaveUp.get().id(), State.FAILED, null, gaveUp.get().reason())) {
      System.err.println("lente serve: submission " + gaveUp.get().id() + " failed: the workers gave up on it: "
          + gaveUp.get().error());
    }
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

  /**
   * Stops following the dead letters and closes the producer (waiting for what it sends); leaves the database
   * connections open, to the caller who opened them.
   */
  @Override
  public void close() {
    if (follower != null) {
      closing = true;
      deadLetters.wakeup();
      try {
        follower.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deadLetters.close();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
