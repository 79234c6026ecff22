package org.lente.ingest.fetch;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness towards one host: at most {@code concurrency} requests at once, and request starts
 * at least {@code delay} apart (raised to the site's robots.txt {@code Crawl-delay}, up to a cap).
 * Thread-safe.
 */
final class HostGate {

  private final Semaphore permits;
  private long delayNanos;
  private long nextStart;

  HostGate(int concurrency, long delayNanos) {
    this.permits = new Semaphore(concurrency, true);
    this.delayNanos = delayNanos;
    this.nextStart = System.nanoTime();
  }

  /**
   * Waits for a permit and for this request's turn, then returns; the caller must call
   * {@link #leave()} afterwards.
   *
   * @return false when the deadline would pass first (nothing is held then)
   */
  boolean enter(long deadlineNanos) throws InterruptedException {
    long now = System.nanoTime();
    if (!permits.tryAcquire(Math.max(0, deadlineNanos - now), TimeUnit.NANOSECONDS)) {
      return false;
    }
    long wait;
    synchronized (this) {
      now = System.nanoTime();
      long start = Math.max(now, nextStart);
      if (start - deadlineNanos > 0) {
        permits.release();
        return false;
      }
      nextStart = start + delayNanos;
      wait = start - now;
    }
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        permits.release();
        throw e;
      }
    }
    return true;
  }

  void leave() {
    permits.release();
  }

  /** Raises the delay between requests (a robots.txt {@code Crawl-delay}); never lowers it. */
  synchronized void raiseDelay(long nanos) {
    delayNanos = Math.max(delayNanos, nanos);
  }
}
