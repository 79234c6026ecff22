package org.lente.story;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Articles by the LSH band keys of their MinHash signatures ({@link MinHash#bands}), in memory: the
 * candidates for near-duplicates of an article are the articles sharing a band with it, found
 * with {@value MinHash#BANDS} hash lookups whatever the number of articles. Thread-safe.
 */
public final class LshIndex {

  /** A band shared by more articles than this is boilerplate ("Riproduzione riservata"): not a lead. */
  static final int MAX_BUCKET = 200;

  private final Map<Long, long[]> buckets = new HashMap<>();

  /** Adds article {@code id} under each of its band keys. */
  public synchronized void add(long id, long[] bands) {
    for (long b : bands) {
      long[] ids = buckets.get(b);
      if (ids == null) {
        buckets.put(b, new long[] {id});
      } else if (ids.length < MAX_BUCKET) {
        long[] more = Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        buckets.put(b, more);
      }
    }
  }

  /** The articles sharing at least one band with {@code bands}, first found first. */
  public synchronized Set<Long> candidates(long[] bands) {
    Set<Long> out = new LinkedHashSet<>();
    for (long b : bands) {
      long[] ids = buckets.get(b);
      if (ids != null) {
        for (long id : ids) {
          out.add(id);
        }
      }
    }
    return out;
  }

  /** How many band keys are held. */
  public synchronized int size() {
    return buckets.size();
  }
}
