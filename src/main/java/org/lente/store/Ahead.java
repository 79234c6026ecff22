package org.lente.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Values computed ahead, kept by text, for the uses that follow to take instead of computing them: what the cluster's
 * writer needs of an article's text (its content hash; lineage's shingles, bands and the anchors of its text)
 * computed on another thread while the writer waits on PostgreSQL for the articles before. A value is computed from an
 * item ({@code compute}) and kept by the item's text ({@code text}: the text itself, or a value holding it with
 * others, equal when all are, such as the article's key and text); a use gets the same value whether it was prepared
 * or not: a value is a function of its item's text, or checks itself against the item it is used for (as
 * {@code Signature}'s text anchors do: an article's analysis after its names' resolution has the text, sentences and
 * spans of the one prepared).
 *
 * <p>Texts are taken in the order they were prepared: taking one drops those prepared before it (never taken: their
 * articles were duplicates, or were not added); at most {@code max} are kept, the oldest dropped. Thread-safe:
 * {@link #prepare} computes outside the lock, so that a take never waits for a computation.
 *
 * @param <T> what a value is computed from (an analysis, a text)
 * @param <V> what is computed
 */
public final class Ahead<T, V> {

  /** Texts kept by default: more than a batch of the writer's ({@code KnowledgeWriter.MAX_BATCH}) and a poll. */
  public static final int MAX_WAITING = 2_000;

  private final Function<T, ?> text;
  private final Function<T, V> compute;
  private final int max;
  /** Prepared values by text, in the order they were prepared. */
  private final Map<Object, V> values = new LinkedHashMap<>();

  /** Values of {@code compute}, kept by the {@code text} of their items, at most {@code max} of them. */
  public Ahead(Function<T, ?> text, Function<T, V> compute, int max) {
    this.text = Objects.requireNonNull(text, "text");
    this.compute = Objects.requireNonNull(compute, "compute");
    if (max < 1) {
      throw new IllegalArgumentException("at least one value must be kept: " + max);
    }
    this.max = max;
  }

  /** Computes the value of {@code item} for a later {@link #take} of an item with its text. */
  public void prepare(T item) {
    Object key = text.apply(item);
    V value = Objects.requireNonNull(compute.apply(item), "a null value");
    synchronized (values) {
      values.put(key, value);
      if (values.size() > max) {
        values.remove(values.keySet().iterator().next());
      }
    }
  }

  /**
   * The value of {@code item}: the one prepared for its text, dropped with those prepared before it; else computed now.
   */
  public V take(T item) {
    Object key = text.apply(item);
    synchronized (values) {
      if (values.containsKey(key)) {
        for (Iterator<Map.Entry<Object, V>> it = values.entrySet().iterator(); ; ) {
          Map.Entry<Object, V> e = it.next();
          Object k = e.getKey();
          V value = e.getValue();
          it.remove();
          if (k.equals(key)) {
            return value;
          }
        }
      }
    }
    return compute.apply(item);
  }

  /** The first {@code max} prepared values waiting to be taken, in the order they were prepared (a copy). */
  public java.util.List<V> waiting(int max) {
    synchronized (values) {
      return values.values().stream().limit(max).toList();
    }
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
