package org.lente.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;
import org.lente.store.Sources;

/**
 * The server's watch loop: a background thread that looks at the stored sources every
 * {@code look} (so one added by {@code lente sources add} in another process is polled within that
 * time), polls each that is due with the {@link Poller}, hands the article URLs it has not seen to
 * {@link Ingests} (the server's one writer, whose fetcher applies the address policy, politeness
 * and robots.txt) one at a time. Each goes with its {@link SourceProgress}, which the store writes in
 * the article's transaction: the URL handled, the article counted as added when new, and with the
 * poll's last article the poll's state (a poll that stores none records its state alone). The URLs
 * handled are kept in the store ({@link Sources#handled}), so a restarted process fetches none
 * of them again; after a crash mid-poll the source is polled again and only its unhandled URLs are
 * fetched. Thread-safe; {@link #close} stops it.
 */
public final class SourcePolling implements AutoCloseable {

  /** How often the server looks at its stored sources: a source added elsewhere is polled within this. */
  public static final Duration LOOK = Duration.ofSeconds(1);

  /** Who the server's log names as the submitter of a source's articles. */
  static final String USER = "sources";

  private final Sources sources;
  private final Poller poller;
  private final Ingests ingests;
  private final Duration look;
  private final PrintWriter log;
  private final Thread thread;
  private final Object wake = new Object();
  private volatile boolean stopping;
  /** When each source polled by this process is due next, whether or not its poll could be recorded. */
  private final Map<Long, Instant> due = new java.util.HashMap<>();
  /**
   * @param look how often the stored sources are looked at, above zero
   * @param log where each poll's failures go (the server's standard error)
   */
  public SourcePolling(Sources sources, Poller poller, Ingests ingests, Duration look, PrintWriter log) {
    this.sources = Objects.requireNonNull(sources, "sources");
    this.poller = Objects.requireNonNull(poller, "poller");
    this.ingests = Objects.requireNonNull(ingests, "ingests");
    this.look = Objects.requireNonNull(look, "look");
    this.log = Objects.requireNonNull(log, "log");
    if (look.isNegative() || look.isZero()) {
      throw new IllegalArgumentException("bad time between looks: " + look);
    }
    this.thread = new Thread(this::loop, "lente-sources");
    this.thread.setDaemon(true);
  }

  /** Starts the loop; returns at once. */
  public SourcePolling start() {
    thread.start();
    return this;
  }

  private void loop() {
    while (!stopping) {
      try {
        for (Source s : sources.all()) {
          if (stopping) {
            return;
          }
          Instant now = Instant.now();
          Instant held = due.get(s.id());
          if (s.state().due(now) && (held == null || !held.isAfter(now))) {
            poll(s);
          }
        }
      } catch (IOException | RuntimeException e) {
        say("cannot poll the sources: " + e);
      }
      synchronized (wake) {
        if (!stopping) {
          try {
            wake.wait(look.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  /**
   * Polls {@code s} and adds the articles it lists that are not handled yet (a page's every time), the
   * last with the poll's state; records the state alone when that last one stores nothing.
   */
  private void poll(Source s) throws IOException {
    Poller.Polled p = poller.poll(s);
    if (p.failed()) {
      say("source " + s.id() + " (" + s.address() + ") failed: " + p.state().lastError());
    }
    p.losses().forEach(l -> say("source " + s.id() + " (" + s.address() + ") lost: " + l.reason()));
    List<String> todo = sources.toFetch(s, p.articles());
    boolean recorded = false;
    for (int i = 0; i < todo.size() && !stopping; i++) {
      String url = todo.get(i);
      boolean last = i == todo.size() - 1;
      Ingests.Submission sub = add(url, new SourceProgress(s.id(), url, last ? p.state() : null));
      if (sub == null) {
        break; // stopping
      }
      if (sub.articleId() != null) {
        recorded = last; // the store wrote the progress, and the state with the last
      } else if (Ingests.NOT_AN_ARTICLE.equals(sub.error())) {
        sources.markHandled(s.id(), url); // any other failure is tried again at the next poll
      }
    }
    due.put(s.id(), p.state().nextPoll()); // kept here too: a poll that cannot be recorded is not repeated at once
    if (!recorded && !stopping) {
      sources.recordPoll(s.id(), p.state(), 0);
    }
  }

  /** Submits {@code url} and waits until the writer is done with it; null when stopping first. */
  private Ingests.Submission add(String url, SourceProgress progress) {
    Ingests.Submission sub = null;
    while (sub == null) {
      try {
        sub = ingests.submit(Ingests.Request.url(url), USER, progress);
      } catch (IllegalArgumentException e) {
        return new Ingests.Submission("-", url, Ingests.State.FAILED, null, e.getMessage(), Instant.now(), USER);
      } catch (IllegalStateException full) { // the writer's queue is full: wait for room
        if (!pause()) {
          return null;
        }
      }
    }
    while (true) {
      var now = ingests.get(sub.id());
      if (now.isEmpty() || now.get().state() != Ingests.State.QUEUED && now.get().state() != Ingests.State.ANALYSING) {
        return now.orElse(sub.with(Ingests.State.FAILED, null, "forgotten"));
      }
      if (!pause()) {
        return null;
      }
    }
  }

  private boolean pause() {
    synchronized (wake) {
      if (stopping) {
        return false;
      }
      try {
        wake.wait(50);
      } catch (InterruptedException e) {
        return false;
      }
      return !stopping;
    }
  }

  private void say(String line) {
    synchronized (log) {
      log.println("lente serve: " + line);
      log.flush();
    }
  }

  /** Stops polling: the article being added is finished by the writer; waits up to 30 s for the loop. */
  @Override
  public void close() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
