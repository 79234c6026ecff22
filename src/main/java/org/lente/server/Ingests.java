package org.lente.server;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lente.Pipeline;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.FetchException;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.SourceProgress;
import org.lente.knowledge.KnowledgeBase;

/**
 * Articles added through the server (the API's {@code POST /api/v1/ingest}, the web's add form): a
 * URL fetched with the {@link Fetcher} (which refuses private addresses unless it was built to
 * allow them), or pasted HTML or text; each goes through the {@link Pipeline} (as the pages of
 * {@code lente ingest} do) and is stored through {@link KnowledgeBase#add} on one background thread,
 * in order. At most {@value #MAX_QUEUED} wait; the last {@value #MAX_KEPT} submissions are remembered
 * (in memory) for their status: the embedded {@link Submissions}. Thread-safe.
 */
public final class Ingests implements Submissions, AutoCloseable {

  /** Submissions waiting at most; more are refused. */
  public static final int MAX_QUEUED = 50;

  /** Submissions remembered, newest kept. */
  public static final int MAX_KEPT = 1000;

  private final KnowledgeBase kb;
  private final Fetcher fetcher;
  private final Pipeline pipeline;
  private final ThreadPoolExecutor worker;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Submission> kept = new LinkedHashMap<>();

  public Ingests(KnowledgeBase kb, Fetcher fetcher, Pipeline pipeline) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
      Thread t = new Thread(r, "lente-add");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Queues {@code request}, submitted by {@code user}; returns the queued submission.
   *
   * @throws IllegalStateException when {@value #MAX_QUEUED} submissions are already waiting
   */
  @Override
  public Submission submit(Request request, String user) {
    return submit(request, user, null);
  }

  /**
   * As {@link #submit(Request, String)}, with a polled source's {@code progress} (or null) that the
   * store writes in the transaction of the article (see {@link KnowledgeBase#add(String,
   * org.lente.nlp.Analysis, SourceProgress)}); written only when the submission ends with an article id
   * (stored, updated, a duplicate, or stored with a later stage failed).
   */
  public Submission submit(Request request, String user, SourceProgress progress) {
    Objects.requireNonNull(request, "request");
    String id = HexFormat.of().formatHex(bytes());
    Submission s = new Submission(id, request.label(), State.QUEUED, null, null, Instant.now(), user);
    put(s);
    try {
      worker.execute(() -> run(s, request, progress));
    } catch (RejectedExecutionException e) {
      synchronized (kept) {
        kept.remove(id);
      }
      throw new IllegalStateException(MAX_QUEUED + " articles are already waiting to be added; try again later");
    }
    return s;
  }

  private byte[] bytes() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return b;
  }

  /** The submission with this id, while it is remembered. */
  @Override
  public Optional<Submission> get(String id) {
    synchronized (kept) {
      return Optional.ofNullable(kept.get(id));
    }
  }

  /** The latest submissions, newest first. */
  @Override
  public List<Submission> recent(int limit) {
    synchronized (kept) {
      List<Submission> all = new ArrayList<>(kept.values());
      java.util.Collections.reverse(all);
      return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
  }

  private void put(Submission s) {
    synchronized (kept) {
      kept.put(s.id(), s);
      while (kept.size() > MAX_KEPT) {
        kept.remove(kept.keySet().iterator().next());
      }
    }
  }

  private void run(Submission s, Request request, SourceProgress progress) {
    put(s.with(State.ANALYSING, null, null));
    try {
      Page page = request.pasted();
      if (page == null) {
        page = fetcher.fetch(URI.create(request.url().strip())).toPage();
      }
      Pipeline.Prepared prepared = pipeline.prepare(page);
      if (prepared.skipped() != null) {
        put(s.with(State.FAILED, null, NOT_AN_ARTICLE));
        return;
      }
      KnowledgeBase.Added stored = kb.add(prepared.key(), prepared.analysis(), progress);
      kb.flush();
      if (stored.failure() != null) {
        log(s, "stored as article " + stored.id() + ", but its " + stored.failure().stage().label()
            + " stage failed: " + stored.failure().reason());
      }
      put(s.with(Submissions.ended(stored), stored.id(), Submissions.endError(stored)));
    } catch (FetchException e) {
      fail(s, e, Submissions.fetchFailed(e.reason(), e.status()));
    } catch (IOException | RuntimeException e) {
      fail(s, e, NOT_ANALYSED);
    }
  }

  /**
   * Marks {@code s} failed with {@code reason}, and logs {@code e} in full: its message may hold
   * resolved addresses, exception names or server paths, which only the server's operator sees.
   */
  private void fail(Submission s, Exception e, String reason) {
    log(s, "failed: " + e);
    put(s.with(State.FAILED, null, reason));
  }

  /** Tells the server's operator, on standard error, what became of {@code s}: words no reader sees. */
  private static void log(Submission s, String what) {
    System.err.println("lente serve: submission " + s.id() + " (" + s.input() + ") by " + s.user() + " " + what);
  }

  /** Stops taking submissions and waits up to 30 s for those queued. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
