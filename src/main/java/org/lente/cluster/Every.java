package org.lente.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Something done now and then, by one thread at a time: at most once per period, the first call included. */
final class Every {

  private final long periodNanos;
  private final AtomicLong last;

  Every(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    periodNanos = period.toNanos();
    last = new AtomicLong(System.nanoTime() - periodNanos);
  }

  /** True for the one caller that finds a period passed since the last true (the first call is due). Thread-safe. */
  boolean due() {
    long before = last.get();
    long now = System.nanoTime();
    return now - before >= periodNanos && last.compareAndSet(before, now);
  }
}
