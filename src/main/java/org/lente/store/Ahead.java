package org.lente.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Values computed ahead from texts, for the uses that follow to take instead of computing them: what the cluster's
 * writer needs of an article's text alone (its content hash, lineage's shingles and bands) computed on another thread
 * while the writer waits on PostgreSQL for the articles before. A value is a pure function of its text
 * ({@code compute}): a use gets the same value whether it was prepared or not.
 *
 * <p>Texts are taken in the order they were prepared: taking one drops those prepared before it (never taken: their
 * articles were duplicates, or were not added); at most {@code max} are kept, the oldest dropped. Thread-safe:
 * {@link #prepare} computes outside the lock, so that a take never waits for a computation.
 *
 * @param <V> what is computed of a text
 */
public final class Ahead<V> {

  /** Texts kept by default: more than a batch of the writer's ({@code KnowledgeWriter.MAX_BATCH}) and a poll. */
  public static final int MAX_WAITING = 2_000;

  private final Function<String, V> compute;
  private final int max;
  /** Prepared values by text, in the order they were prepared. */
  private final Map<String, V> values = new LinkedHashMap<>();

  /** Values of {@code compute}, at most {@code max} of them kept. */
  public Ahead(Function<String, V> compute, int max) {
    this.compute = Objects.requireNonNull(compute, "compute");
    if (max < 1) {
      throw new IllegalArgumentException("at least one value must be kept: " + max);
    }
    this.max = max;
  }

  /** Computes the value of {@code text} for a later {@link #take}. */
  public void prepare(String text) {
    V value = Objects.requireNonNull(compute.apply(text), "a null value");
    synchronized (values) {
      values.put(text, value);
      if (values.size() > max) {
        values.remove(values.keySet().iterator().next());
      }
    }
  }

  /**
   * The value of {@code text}: the prepared one, dropped with those prepared before it; else computed now.
   */
  public V take(String text) {
    synchronized (values) {
      if (values.containsKey(text)) {
        for (Iterator<Map.Entry<String, V>> it = values.entrySet().iterator(); ; ) {
          Map.Entry<String, V> e = it.next();
          String key = e.getKey();
          V value = e.getValue();
          it.remove();
          if (key.equals(text)) {
            return value;
          }
        }
      }
    }
    return compute.apply(text);
  }

  /** How many prepared values wait to be taken. */
  public int size() {
    synchronized (values) {
      return values.size();
    }
  }

  /** Drops the prepared values. */
  public void clear() {
    synchronized (values) {
      values.clear();
    }
  }
}
