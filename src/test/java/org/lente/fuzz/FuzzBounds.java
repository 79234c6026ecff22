package org.lente.fuzz;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input through a target under the bounds every fuzz test asserts: the target
 * returns within {@link #DEADLINE}, allocates at most the budget it is given, and lets no
 * exception escape. A broken bound is an {@link AssertionError} naming the input's size and first
 * characters; an exception escapes unchanged, with its own stack trace. Jazzer reports either as
 * a finding and saves the input.
 *
 * <p>The target runs on a worker thread, so that a hang fails its input instead of the whole run:
 * the worker of an input that overran is abandoned (it is a daemon) and a new one takes the next
 * input. Allocation is measured on the worker with {@code ThreadMXBean}; it counts garbage as well
 * as what is kept, so it bounds the work done per input, not only the memory retained.
 */
public final class FuzzBounds {

  /**
   * Time per input. Seeds and fuzzer inputs take milliseconds; this leaves room for a busy shared
   * machine and Jazzer's instrumentation, and is still far below what a hang looks like.
   */
  public static final Duration DEADLINE = Duration.ofSeconds(5);

  /**
   * Allocation allowed to every input before its own share. Lazily loaded classes count for the
   * input that first needs them, and so do Jazzer's hooks on string and array comparisons. Its
   * {@code RegexRoadblocks} hooks, which record every step of every regular expression (an input of
   * 187 bytes through the time tagger: 153 MB with them, 90 KB without), are off in both modes,
   * fuzzing ({@code bin/fuzz}) and the seeds' replays ({@code fuzz-seeds} in {@code pom.xml}), so
   * that what is measured is the target's own allocation and a replay measures what the fuzzer did.
   * What this bound catches is the blow-up: a buffer sized by a length field, a copy per character.
   */
  public static final long ALLOWANCE = 128 << 20;

  /** Bytes of the input shown in a failure message. */
  private static final int PREVIEW = 120;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static ExecutorService worker = newWorker();

  private FuzzBounds() {}

  /**
   * Runs {@code target} on {@code input} and returns its result.
   *
   * @param bytesPerInputByte the most the target may allocate per byte of input, above {@link #ALLOWANCE}
   * @throws AssertionError when the target overruns {@link #DEADLINE} or allocates more than
   *     {@code ALLOWANCE + bytesPerInputByte * input.length}
   */
  public static synchronized <T> T run(byte[] input, long bytesPerInputByte, Callable<T> target) {
    long maxAllocated = ALLOWANCE + bytesPerInputByte * input.length;
    Future<Measured<T>> future = worker.submit(() -> {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      T result = target.call();
      return new Measured<>(result, THREADS.getCurrentThreadAllocatedBytes() - before);
    });
    Measured<T> measured;
    try {
      measured = future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker(); // the old one may never come back
      throw new AssertionError("no result after " + DEADLINE.toSeconds() + " s for " + describe(input));
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + describe(input), e);
    }
    if (measured.allocated() > maxAllocated) {
      throw new AssertionError("allocated " + measured.allocated() + " bytes, more than the budget of "
          + maxAllocated + ", for " + describe(input));
    }
    return measured.result();
  }

  /** Fails when {@code actual} is above {@code max}: an output that grew out of proportion to its input. */
  public static void atMost(long max, long actual, String what, byte[] input) {
    if (actual > max) {
      throw new AssertionError(what + " is " + actual + ", more than " + max + ", for " + describe(input));
    }
  }

  /** The input's size and its first bytes as UTF-8, escaped, for failure messages. */
  public static String describe(byte[] input) {
    String head = new String(input, 0, Math.min(input.length, PREVIEW), StandardCharsets.UTF_8);
    StringBuilder shown = new StringBuilder();
    head.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        shown.append(String.format("\\x%02x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return "an input of " + input.length + " bytes starting \"" + shown + (input.length > PREVIEW ? "…" : "") + "\"";
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    throw new AssertionError("a checked exception escaped: " + cause, cause);
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-target");
      t.setDaemon(true);
      return t;
    });
  }

  private record Measured<T>(T result, long allocated) {}
}
