package org.lente.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A Kafka consumer that is closed and made again when it fails in a way the client does not recover from: the one
 * mechanism of every consumer loop of the cluster (the fetch and analysis workers, the knowledge writer, the
 * dead-letter follower of {@code lente serve --cluster}).
 *
 * <p>Kafka's Java client (4.x, {@code group.protocol=consumer}) sorts the errors of {@code poll} and
 * {@code commitSync} into these classes, and this class handles each class, not one exception:
 * <ul>
 *   <li>a {@link RetriableException} (a timeout, a coordinator moving or loading, a lost connection): the client
 *       tries again itself; the same consumer is polled again after the wait below;
 *   <li>{@link CommitFailedException} and {@link RebalanceInProgressException} from a commit: the group gave the
 *       partitions to another member, which handles the records again; the consumer goes on;
 *   <li>{@link WakeupException} and {@link InterruptException}: asked to stop; thrown to the caller;
 *   <li>any other {@link KafkaException}: the client gives up on the consumer. A heartbeat answered
 *       {@code GROUP_ID_NOT_FOUND} ("Consumer group … not found", seen after a starved member lost its session and
 *       its group), {@code GROUP_MAX_SIZE_REACHED}, {@code UNSUPPORTED_ASSIGNOR}, {@code INVALID_REQUEST} or an
 *       unknown error puts the client's membership in its fatal state, from which it never rejoins; an authorization
 *       or authentication failure, an unsupported version, a fenced instance id are as final for it. The consumer
 *       is closed and, before the next poll, a new one is made and opened ({@code opening}: subscribed, or assigned
 *       and sought), so it joins the group as a new member.
 * </ul>
 * Where a new consumer starts is where a worker taking over would: the group's committed offsets (a subscriber), or
 * the position {@code opening} seeks to (the knowledge writer: the offset stored in PostgreSQL). Records handled
 * but not committed are handled again, as after a worker's kill: nothing is lost, and the knowledge writer drops
 * what is doubled. Nothing is committed here but what the caller commits.
 *
 * <p>Failures in a row (no poll returning records between them, nor a {@link #QUIET} minute without failure) are
 * waited after by {@code waits} (the first failure waits the first, …): with {@link #WAITS} about a minute in all. The failure after the last wait comes out of
 * {@link #poll} as an {@link IOException} naming the consumer, the failures and the last one (its cause): the
 * workers exit with it. A caller that polls again after it starts a new round of waits. Each failure and each new
 * consumer is logged, one line each.
 *
 * <p>One thread polls, commits and seeks; {@link #wakeup()} may be called from any thread.
 */
final class RenewingConsumer implements AutoCloseable {

  /** The waits after failures in a row: 1 s, doubling, 63 s in all. */
  static final List<Duration> WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
      Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));

  /**
   * How long polls must go without failure to end a row of failures, when none returned records: a new consumer's
   * first polls return none while it joins its group, so that a consumer failing soon after each renewal still
   * runs out of waits.
   */
  static final Duration QUIET = Duration.ofMinutes(1);

  /** What makes a new consumer ready to poll: subscribes it, or assigns it its partitions and seeks. */
  @FunctionalInterface
  interface Opening {
    void open(Consumer<String, String> consumer);
  }

  private final String name;
  private final Supplier<? extends Consumer<String, String>> make;
  private final Opening opening;
  private final List<Duration> waits;
  private final java.util.function.Consumer<String> log;
  private final Object lock = new Object();
  private Consumer<String, String> current; // null after a fatal failure, until the next poll makes one
  private boolean woken; // under lock
  private int failures; // in a row (see QUIET)
  private KafkaException last; // the last of them
  private long lastFailure; // when it came (System.nanoTime)
  private long renewals;

  /**
   * Makes and opens the first consumer.
   *
   * @param name what the consumer is, for the log and the error ("the analysis worker of group lente-analyse")
   * @param make a new consumer, not yet subscribed or assigned
   * @param waits the waits after failures in a row, at least one
   * @param log told of each failure and each new consumer
   */
  RenewingConsumer(String name, Supplier<? extends Consumer<String, String>> make, Opening opening,
      List<Duration> waits, java.util.function.Consumer<String> log) {
    this.name = Objects.requireNonNull(name, "name");
    this.make = Objects.requireNonNull(make, "make");
    this.opening = Objects.requireNonNull(opening, "opening");
    this.waits = List.copyOf(waits);
    this.log = Objects.requireNonNull(log, "log");
    if (this.waits.isEmpty() || this.waits.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("waits must be one or more, none negative: " + waits);
    }
    current = opened(make.get());
  }

  private Consumer<String, String> opened(Consumer<String, String> c) {
    try {
      opening.open(c);
      return c;
    } catch (RuntimeException e) {
      c.close(Duration.ZERO);
      throw e;
    }
  }

  /**
   * The records of one poll of the current consumer, waiting at most {@code timeout}; none when it failed (logged;
   * the next poll waits, and makes a new consumer first when the failure was fatal) or when {@code stop} said so
   * during a wait.
   *
   * @throws IOException when the failures in a row outran the waits (the last failure is its cause)
   * @throws WakeupException after {@link #wakeup()}, now and at every later poll
   */
  ConsumerRecords<String, String> poll(Duration timeout, BooleanSupplier stop) throws IOException {
    synchronized (lock) {
      if (woken) {
        throw new WakeupException();
      }
    }
    if (failures > 0) {
      if (failures > waits.size()) {
        IOException e = new IOException(name + ": its Kafka consumer failed " + failures + " times in a row, "
            + "waiting " + waits + " between them; the last failure: " + last, last);
        failures = 0;
        last = null;
        throw e;
      }
      if (!pause(waits.get(failures - 1), stop)) {
        return ConsumerRecords.empty();
      }
    }
    try {
      if (current == null) {
        Consumer<String, String> c = opened(make.get());
        synchronized (lock) {
          current = c;
          if (woken) {
            c.wakeup();
          }
        }
        renewals++;
        log.accept(name + ": a new Kafka consumer made (renewal " + renewals + ")");
      }
      ConsumerRecords<String, String> records = current.poll(timeout);
      if (!records.isEmpty() || System.nanoTime() - lastFailure >= QUIET.toNanos()) {
        failures = 0;
        last = null;
      }
      return records;
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      failed(e, "poll");
      return ConsumerRecords.empty();
    }
  }

  /**
   * Commits {@code offsets} (the offset of the next record to read, per partition); false when they were not
   * committed, which is logged: the group gave the partitions to another member (it handles the records again), a
   * retriable failure (a later commit covers them), or a fatal one (a new consumer is made before the next poll,
   * and the records are handled again).
   *
   * @throws WakeupException after {@link #wakeup()}
   */
  boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return true;
    }
    if (current == null) {
      log.accept(name + ": offsets " + offsets + " not committed: its consumer failed before");
      return false;
    }
    try {
      current.commitSync(offsets);
      return true;
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (CommitFailedException | RebalanceInProgressException e) {
      log.accept(name + ": offsets not committed (the partitions moved to another member, which handles the "
          + "records again): " + e.getMessage());
      return false;
    } catch (KafkaException e) {
      log.accept(name + ": offsets " + offsets + " not committed");
      failed(e, "commit");
      return false;
    }
  }

  /**
   * Moves the current consumer to {@code offset} of {@code partition}; with no current consumer (it failed), does
   * nothing: the next one starts where {@code opening} puts it.
   */
  void seek(TopicPartition partition, long offset) {
    if (current != null) {
      current.seek(partition, offset);
    }
  }

  /** How many times a consumer was made again; a caller holding records of an earlier one drops them. */
  long renewals() {
    return renewals;
  }

  /** The offset after the last record of each partition of {@code records}: what to commit once all are handled. */
  static Map<TopicPartition, OffsetAndMetadata> after(ConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new LinkedHashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, String>> in = records.records(tp);
      next.put(tp, new OffsetAndMetadata(in.get(in.size() - 1).offset() + 1));
    }
    return next;
  }

  /** Counts and logs failure {@code e} of {@code what}; closes the consumer when the client gives up on it. */
  private void failed(KafkaException e, String what) {
    failures++;
    last = e;
    lastFailure = System.nanoTime();
    boolean fatal = !(e instanceof RetriableException);
    String then = failures > waits.size() ? "giving up at the next poll"
        : (fatal ? "a new consumer in " : "polled again in ") + waits.get(failures - 1).toMillis() + " ms";
    log.accept("warning: " + name + ": Kafka consumer's " + what + " failed (" + e + "), " + (fatal
        ? "a failure the client does not recover from: closing it, " : "a retriable failure, ") + then
        + " (failure " + failures + " in a row, " + waits.size() + " waits at most)");
    if (fatal) {
      Consumer<String, String> c;
      synchronized (lock) {
        c = current;
        current = null;
      }
      try {
        if (c != null) { // null: making the new one failed
          c.close(Duration.ZERO); // it cannot leave its group properly: the group has already dropped it
        }
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
    }
  }

  /** Waits {@code wait} unless {@code stop} or {@link #wakeup()} ends it first; false when stop did. */
  private boolean pause(Duration wait, BooleanSupplier stop) {
    long end = System.nanoTime() + wait.toNanos();
    synchronized (lock) {
      while (!woken) {
        if (stop.getAsBoolean()) {
          return false;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          lock.wait(Math.min(left / 1_000_000 + 1, 100));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptException(e);
        }
      }
    }
    throw new WakeupException();
  }

  /** Makes a {@link #poll} under way, or the next one, throw {@link WakeupException}, as every later one; thread-safe. */
  void wakeup() {
    synchronized (lock) {
      woken = true;
      if (current != null) {
        current.wakeup();
      }
      lock.notifyAll();
    }
  }

  /** Closes the current consumer (leaving its group, so its partitions go to the others at once), if any. */
  @Override
  public void close() {
    Consumer<String, String> c;
    synchronized (lock) {
      c = current;
      current = null;
    }
    if (c != null) {
      c.close(Duration.ofSeconds(10));
    }
  }
}
