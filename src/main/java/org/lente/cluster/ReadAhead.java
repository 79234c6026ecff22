package org.lente.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Records waiting to be applied, in order, each read ({@code read}: parsed, and what its text alone needs prepared) on a
 * reading thread before the writer takes it, but <b>at most {@code ahead} records at once</b>, counted from the first
 * waiting: the reading of a record starts only when it is among the first {@code ahead} waiting, so that a poll of
 * hundreds of records does not hold hundreds of read records in memory until they are applied (they lived through
 * young collections and were copied, then promoted: docs/cluster-writer.md, session 19). The records themselves wait
 * unread, as the consumer gave them.
 *
 * <p>Not thread-safe: one thread adds, takes and drops (the writer's); {@code read} runs on {@code reading}, or on the
 * taking thread for a record whose reading was cancelled or interrupted. What {@code read} throws comes out of
 * {@link #take} (an {@link Error} or {@link RuntimeException} as it is, anything else wrapped).
 *
 * @param <R> a record
 * @param <P> a record read
 */
final class ReadAhead<R, P> {

  private final ExecutorService reading;
  private final Function<R, P> read;
  private final int ahead;
  private final Deque<Entry<R, P>> waiting = new ArrayDeque<>();
  private int started; // how many of the first waiting have their reading submitted

  private static final class Entry<R, P> {
    final R record;
    Future<P> read; // null until submitted

    Entry(R record) {
      this.record = record;
    }
  }

  /**
   * @param reading the thread the records are read on
   * @param read reads a record; pure (it may run on either thread)
   * @param ahead how many waiting records may be read (or being read) at once, at least 1
   */
  ReadAhead(ExecutorService reading, Function<R, P> read, int ahead) {
    if (ahead < 1) {
      throw new IllegalArgumentException("read ahead must be at least 1 record: " + ahead);
    }
    this.reading = Objects.requireNonNull(reading, "reading");
    this.read = Objects.requireNonNull(read, "read");
    this.ahead = ahead;
  }

  /** Adds {@code record} after those waiting; its reading starts now if fewer than {@code ahead} are started. */
  void add(R record) {
    waiting.addLast(new Entry<>(Objects.requireNonNull(record, "record")));
    startReads();
  }

  /** How many records wait. */
  int size() {
    return waiting.size();
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** How many of the waiting records are read or being read: at most {@code ahead}. */
  int started() {
    return started;
  }

  /**
   * The first {@code n} waiting records read (waiting for their reading), removed; the readings of the next ones start
   * as those leave.
   */
  List<P> take(int n) {
    if (n < 0 || n > waiting.size()) {
      throw new IllegalArgumentException("cannot take " + n + " of " + waiting.size() + " waiting records");
    }
    List<P> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Entry<R, P> e = waiting.removeFirst();
      if (e.read != null) {
        started--;
      }
      startReads(); // the next reading starts while this one is waited for
      out.add(e.read == null ? read.apply(e.record) : readOf(e));
    }
    return out;
  }

  /** Empties the waiting records, their readings not yet begun cancelled: those records are to be read again. */
  void drop() {
    for (Entry<R, P> e : waiting) {
      if (e.read != null) {
        e.read.cancel(false);
      }
    }
    waiting.clear();
    started = 0;
  }

  private void startReads() {
    if (started >= ahead || started >= waiting.size()) {
      return;
    }
    int i = 0;
    for (Entry<R, P> e : waiting) {
      if (i++ >= ahead) {
        break;
      }
      if (e.read == null) {
        R record = e.record;
        e.read = reading.submit(() -> read.apply(record));
        started++;
      }
    }
  }

  private P readOf(Entry<R, P> e) {
    try {
      return e.read.get();
    } catch (ExecutionException x) { // what read throws
      if (x.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (x.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException("reading a waiting record failed", x.getCause());
    } catch (CancellationException | InterruptedException x) {
      if (x instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return read.apply(e.record);
    }
  }
}
