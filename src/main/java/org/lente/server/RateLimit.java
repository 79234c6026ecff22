package org.lente.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code perMinute} requests at once, refilled at
 * {@code perMinute} a minute. Memory is bounded: at most {@value #MAX_CLIENTS} buckets, full ones
 * dropped first. Thread-safe.
 */
final class RateLimit implements WriteLimit {

  static final int MAX_CLIENTS = 50_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  RateLimit(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
    }
    this.perMinute = perMinute;
  }

  @Override
  public long take(String client) {
    return take(client, System.nanoTime());
  }

  /**
   * Takes one request from {@code client}'s bucket at {@code nanos} (System.nanoTime): 0 when
   * allowed, else the whole seconds to wait.
   */
  long take(String client, long nanos) {
    if (buckets.size() >= MAX_CLIENTS) {
      buckets.values().removeIf(b -> refilled(b, nanos) >= perMinute);
      if (buckets.size() >= MAX_CLIENTS) {
        buckets.clear(); // every client busy at once: forget them rather than grow
      }
    }
    Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, nanos));
    synchronized (b) {
      b.tokens = refilled(b, nanos);
      b.at = nanos;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      double perSecond = perMinute / 60.0;
      return (long) Math.ceil((1 - b.tokens) / perSecond);
    }
  }

  private double refilled(Bucket b, long nanos) {
    double seconds = Math.max(0, nanos - b.at) / 1e9;
    return Math.min(perMinute, b.tokens + seconds * perMinute / 60.0);
  }
}
