package org.lente.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long command end cleanly when the process gets SIGINT (Ctrl-C) or SIGTERM. The JVM answers
 * either signal by running its shutdown hooks and then exiting with 128 + the signal's number (130
 * for SIGINT, 143 for SIGTERM); the hook registered here marks the stop as requested and holds the
 * exit until the command has closed its resources and printed its summary ({@link #close()}), for at
 * most {@link #GRACE}. After that the JVM exits anyway; the store is safe against that (see
 * {@code IngestCrashTest}).
 *
 * <p>Thread-safe: the hook runs on its own thread while the command polls {@link #requested()}.
 */
final class StopSignal implements AutoCloseable {

  /** Longest time the exit waits for the command to wind down after a signal. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  private StopSignal() {
    hook = new Thread(() -> {
      requested.countDown();
      try {
        closed.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lente-stop");
  }

  /** Listens for SIGINT and SIGTERM until closed. */
  static StopSignal listen() {
    StopSignal s = new StopSignal();
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** Whether a signal has asked the process to stop. */
  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Sleeps for {@code time} or until a stop is requested; true when a stop is requested. */
  boolean sleep(Duration time) throws InterruptedException {
    return requested.await(Math.max(0, time.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * Tells a waiting exit that the command is done (call it after printing the summary), and stops
   * listening when no signal came.
   */
  @Override
  public void close() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook has run or is running, and now returns
    }
  }
}
