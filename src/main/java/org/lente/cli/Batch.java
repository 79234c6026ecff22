package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;

/**
 * Runs one piece of work over every input file, in one process: directories are expanded, pages are
 * read and processed by a pool of workers, and results are printed in input order from a window of
 * at most 2 × workers pending pages, so memory stays bounded however many inputs there are.
 *
 * @param <T> what the work makes of one page
 */
final class Batch<T> {

  /** The work done on one page; runs on a worker thread. */
  interface Work<T> {
    T apply(Page page) throws IOException;
  }

  /** Prints one result; runs on the calling thread, in input order. */
  interface Printer<T> {
    void print(T result) throws IOException;
  }

  private final PageReader reader;
  private final int workers;
  private final String url;

  /** @param url the URL to give the single input page, or null */
  Batch(PageReader reader, int workers, String url) {
    this.reader = reader;
    this.workers = workers;
    this.url = url;
  }

  /** Told about each input that could not be read or processed: its name and why. */
  interface Failure {
    void failed(String source, String reason);
  }

  /** Processes all inputs; returns how many could not be read. Failures are printed to {@code err}. */
  int run(List<String> inputs, Work<T> work, Printer<T> printer, PrintWriter err) throws IOException {
    return run(inputs, work, printer, (source, reason) -> err.println("lente: " + source + ": " + reason));
  }

  /** Processes all inputs; returns how many failed, each told to {@code failure}. */
  int run(List<String> inputs, Work<T> work, Printer<T> printer, Failure failure) throws IOException {
    int failures = 0;
    ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "lente-worker");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      ArrayDeque<Future<Outcome<T>>> window = new ArrayDeque<>();
      for (String input : inputs) {
        List<String> files;
        try {
          files = reader.expand(List.of(input));
        } catch (NoSuchFileException e) {
          failure.failed(input, "no such file or directory");
          failures++;
          continue;
        } catch (IOException e) {
          failure.failed(input, "cannot list: " + e.getMessage());
          failures++;
          continue;
        }
        for (String file : files) {
          window.add(pool == null ? CompletableFuture.completedFuture(process(file, work))
              : pool.submit(() -> process(file, work)));
          while (window.size() > 2 * workers || pool == null && !window.isEmpty()) {
            failures += report(window.poll(), printer, failure);
          }
        }
      }
      while (!window.isEmpty()) {
        failures += report(window.poll(), printer, failure);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return failures;
  }

  /** One input's result, or why it could not be read. */
  private record Outcome<T>(String file, T result, String error) {}

  private Outcome<T> process(String file, Work<T> work) {
    try {
      Page page = reader.read(file);
      if (url != null) {
        page = page.withUrl(url);
      }
      return new Outcome<>(file, work.apply(page), null);
    } catch (IOException | RuntimeException e) {
      return new Outcome<>(file, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private int report(Future<Outcome<T>> pending, Printer<T> printer, Failure failure) throws IOException {
    Outcome<T> o;
    try {
      o = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("processing failed: " + e.getCause(), e.getCause());
    }
    if (o.error() != null) {
      failure.failed(o.file(), o.error());
      return 1;
    }
    printer.print(o.result());
    return 0;
  }
}
