package org.lente.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.lente.Pipeline;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.Response;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Feed;
import org.lente.ingest.source.FeedItem;
import org.lente.ingest.source.Feeds;
import org.lente.ingest.source.Loss;
import org.lente.ingest.source.Opml;
import org.lente.ingest.source.Sitemap;
import org.lente.ingest.source.SitemapUrl;
import org.lente.ingest.source.Sitemaps;
import org.lente.ingest.source.SourceKind;
import org.lente.ingest.source.Subscription;
import org.lente.ingest.source.Warcs;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;

/**
 * One ingest run: expands sources (files, directories, WARC files, page URLs, feeds, sitemaps and
 * sitemap indexes, OPML lists, local or fetched) into pages, puts them through the {@link Pipeline}
 * (extract, date, analyse, key) on worker threads, and stores them from the calling thread, which alone writes to the knowledge base. At
 * most 2 × workers pages are in flight, so memory stays bounded however large the source. Not
 * thread-safe: one caller drives it.
 *
 * <p>Once {@code stop} answers true (a signal came), no new page is taken: sources are left
 * unread, and {@link #finish()} stores the pages in flight that are ready within {@link #GRACE} and
 * abandons the others, which are then neither stored nor counted but for {@code abandoned}.
 */
final class Ingestion implements AutoCloseable {

  /** Deepest nesting of sitemap indexes and OPML lists followed. */
  private static final int MAX_DEPTH = 3;

  /** Longest wait, after a stop, for the pages in flight; kept well under {@link StopSignal#GRACE}. */
  static final Duration GRACE = Duration.ofSeconds(10);

  /** Told as the run goes, for a progress bar. */
  interface Progress {
    /** Nothing told: for runs without a bar. */
    Progress NONE = new Progress() {
      @Override
      public void step() { }

      @Override
      public void unknownTotal() { }
    };

    /** One page or failed source done. */
    void step();

    /** A local file was a feed, sitemap, OPML list or WARC file: the number of pages to expect is no longer known. */
    void unknownTotal();
  }

  /**
   * One page made ready for the store: its key and analysis, or why it is skipped, or what the server
   * that it was handed to did with it ({@code handed}).
   */
  private record Prepared(String source, String key, Analysis analysis, String skipped, ServerIngest.Result handed) {}

  private final KnowledgeBase kb;
  private final ServerIngest server;
  private final PageReader reader;
  private final Fetcher fetcher;
  private final Pipeline pipeline;
  private final IngestSummary summary;
  private final Consumer<String> log;
  private final Progress progress;
  private final BooleanSupplier stop;
  private long stopDeadline;
  private final ExecutorService pool;
  private final int window;
  private final Deque<Future<Prepared>> inFlight = new ArrayDeque<>();
  private final Deque<String> inFlightSource = new ArrayDeque<>();
  private final Set<String> seenUrls = new HashSet<>();

  /**
   * @param pipeline what makes each page an article ready to store
   * @param log told one line per page done (outcome, source, id), or a no-op
   * @param progress told once per page done, for a progress bar
   * @param stop polled before each new page: true once the run should stop taking pages
   */
  Ingestion(KnowledgeBase kb, PageReader reader, Fetcher fetcher, Pipeline pipeline, int workers,
      IngestSummary summary, Consumer<String> log, Progress progress, BooleanSupplier stop) {
    this(Objects.requireNonNull(kb, "kb"), null, reader, fetcher, Objects.requireNonNull(pipeline, "pipeline"), workers,
        summary, log, progress, stop);
  }

  /**
   * A run that reads the sources here and hands each page to {@code server}, the running
   * {@code lente serve} that holds the knowledge base, which extracts, analyses and stores it.
   * ({@code --date} and dates from datelines and paths are not applied: the server dates the page.)
   */
  Ingestion(ServerIngest server, PageReader reader, Fetcher fetcher, int workers, IngestSummary summary,
      Consumer<String> log, Progress progress, BooleanSupplier stop) {
    this(null, Objects.requireNonNull(server, "server"), reader, fetcher, null, workers, summary, log, progress, stop);
  }

  private Ingestion(KnowledgeBase kb, ServerIngest server, PageReader reader, Fetcher fetcher, Pipeline pipeline,
      int workers, IngestSummary summary, Consumer<String> log, Progress progress, BooleanSupplier stop) {
    this.kb = kb;
    this.server = server;
    this.reader = reader;
    this.fetcher = fetcher;
    this.pipeline = pipeline;
    this.summary = summary;
    this.log = log;
    this.progress = progress;
    this.stop = stop;
    this.window = 2 * workers;
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "lente-ingest");
      t.setDaemon(true);
      return t;
    });
  }

  /** Ingests one source as given on the command line: a URL, a file or a directory. */
  void source(String source) throws IOException {
    if (stop.getAsBoolean()) {
      return;
    }
    if (source.startsWith("http://") || source.startsWith("https://")) {
      URI uri;
      try {
        uri = URI.create(source);
      } catch (IllegalArgumentException e) {
        fail(source, "not a valid URL: " + e.getMessage());
        return;
      }
      url(uri, 0);
      return;
    }
    List<String> files;
    try {
      files = reader.expand(List.of(source));
    } catch (NoSuchFileException e) {
      fail(source, "no such file or directory");
      return;
    } catch (IOException e) {
      fail(source, "cannot list: " + e.getMessage());
      return;
    }
    for (String file : files) {
      if (stop.getAsBoolean()) {
        return;
      }
      file(file);
    }
  }

  private void file(String file) throws IOException {
    if (!file.equals("-") && isWarc(Path.of(file))) {
      progress.unknownTotal();
      Warcs.Summary s;
      try {
        // NOTE: after a stop the rest of the file is read but its pages are not taken.
        s = Warcs.read(Path.of(file), reader.maxBytes(), page -> {
          if (stop.getAsBoolean()) {
            return;
          }
          try {
            submit(page.source(), () -> prepare(page));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause(); // the store's, through the consumer: not the file's fault
      } catch (IOException e) {
        fail(file, "cannot read the WARC file: " + e.getMessage());
        return;
      }
      s.warnings().forEach(w -> log.accept("warning\t" + file + "\t" + w));
      s.failures().forEach(reason -> fail(file, reason));
      if (s.failed() > s.failures().size()) {
        fail(file, (s.failed() - s.failures().size()) + " more unreadable records or stretches of bytes, not listed");
      }
      return;
    }
    Page page;
    try {
      page = reader.read(file);
    } catch (IOException e) {
      fail(file, e.getMessage());
      return;
    }
    URI base = file.equals("-") ? URI.create("file:///stdin") : Path.of(file).toAbsolutePath().toUri();
    if (expandList(page.bytes(), page.contentType(), base, file, 0)) {
      progress.unknownTotal();
    } else {
      submit(file, () -> prepare(page));
    }
  }

  /** Fetches {@code uri}: a list (feed, sitemap, OPML) is expanded, anything else is a page. */
  private void url(URI uri, int depth) throws IOException {
    if (stop.getAsBoolean() || !seenUrls.add(uri.toString())) {
      return;
    }
    Response r;
    try {
      r = fetcher.fetch(uri, Validators.NONE);
    } catch (IOException e) {
      fail(uri.toString(), e.getMessage());
      return;
    }
    if (!expandList(r.body(), r.contentType(), r.uri(), uri.toString(), depth)) {
      Page page = r.toPage();
      submit(uri.toString(), () -> prepare(page));
    }
  }

  /** Expands a feed, sitemap or OPML list; false when the bytes are none of those. */
  private boolean expandList(byte[] bytes, String contentType, URI base, String source, int depth) throws IOException {
    SourceKind kind = SourceKind.sniff(bytes, contentType, base);
    try {
      switch (kind) {
        case FEED -> {
          Feed feed = Feeds.parse(bytes, base);
          lost(source, feed.losses(), feed.warnings());
          for (FeedItem item : feed.items()) {
            fetchArticle(item.url());
          }
          return true;
        }
        case SITEMAP -> {
          Sitemap map = Sitemaps.parse(bytes, base);
          lost(source, map.losses(), map.warnings());
          for (String child : map.sitemaps()) {
            if (depth < MAX_DEPTH) {
              url(URI.create(child), depth + 1);
            } else {
              fail(child, "sitemap nested deeper than " + MAX_DEPTH + " levels: not followed");
            }
          }
          for (SitemapUrl u : map.urls()) {
            fetchArticle(u.url());
          }
          return true;
        }
        case OPML -> {
          Opml opml = Opml.parse(bytes);
          lost(source, opml.losses(), opml.warnings());
          for (Subscription s : opml.feeds()) {
            if (depth < MAX_DEPTH) {
              url(URI.create(s.url()), depth + 1);
            } else {
              fail(s.url(), "OPML list nested deeper than " + MAX_DEPTH + " levels: not followed");
            }
          }
          return true;
        }
        default -> {
          return false;
        }
      }
    } catch (IllegalArgumentException e) {
      fail(source, "bad URL in the list: " + e.getMessage());
      return true;
    } catch (org.lente.ingest.source.SourceFormatException e) {
      fail(source, "cannot parse as " + kind.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
      return true;
    }
  }

  /**
   * Counts each loss of a list read from {@code source} as one of its failures, with its reason,
   * and logs the list's warnings; the entries that were read are ingested all the same.
   */
  void lost(String source, List<Loss> losses, List<String> warnings) {
    warnings.forEach(w -> log.accept("warning\t" + source + "\t" + w));
    losses.forEach(loss -> fail(source, loss.reason()));
  }

  /** Fetches and ingests article URLs (a feed's items), each once per run. */
  void articles(List<String> urls) throws IOException {
    for (String url : urls) {
      fetchArticle(url);
    }
  }

  /** Fetches and ingests one article URL from a list, on a worker. */
  private void fetchArticle(String url) throws IOException {
    if (stop.getAsBoolean() || !seenUrls.add(url)) {
      return;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      fail(url, "not a valid URL: " + e.getMessage());
      return;
    }
    submit(url, () -> prepare(fetcher.fetch(uri, Validators.NONE).toPage()));
  }

  private Prepared prepare(Page page) throws IOException {
    if (server != null) {
      ServerIngest.Result r = server.add(page);
      return new Prepared(page.source(), null, null, r.skipped(), r.skipped() == null ? r : null);
    }
    Pipeline.Prepared p = pipeline.prepare(page);
    return new Prepared(page.source(), p.key(), p.analysis(), p.skipped(), null);
  }

  private static boolean isWarc(Path p) throws IOException {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
      return true;
    }
    if (!Files.isRegularFile(p)) {
      return false;
    }
    byte[] head = new byte[5];
    try (var in = Files.newInputStream(p)) {
      return in.readNBytes(head, 0, 5) == 5 && new String(head, java.nio.charset.StandardCharsets.US_ASCII)
          .equals("WARC/");
    }
  }

  private void submit(String source, Callable<Prepared> task) throws IOException {
    if (stop.getAsBoolean()) {
      return;
    }
    while (inFlight.size() >= window) {
      drainOne();
    }
    inFlight.add(pool.submit(task));
    inFlightSource.add(source);
  }

  private void drainOne() throws IOException {
    Future<Prepared> f = inFlight.poll();
    String source = inFlightSource.poll();
    Prepared p;
    try {
      p = stop.getAsBoolean() ? f.get(untilDeadline(), TimeUnit.NANOSECONDS) : f.get();
    } catch (TimeoutException e) {
      f.cancel(true);
      summary.abandon();
      log.accept("abandoned\t" + source + "\tstopped before it was ready");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      fail(source, c.getMessage() == null ? c.toString() : c.getMessage());
      return;
    }
    if (p.skipped() != null) {
      summary.skip();
      log.accept("skipped\t" + p.source() + "\t" + p.skipped());
    } else if (p.handed() != null) {
      ServerIngest.Result r = p.handed();
      if (r.failure() != null) {
        fail(p.source(), r.failure());
        return;
      }
      summary.count(r.outcome());
      log.accept(r.outcome().name().toLowerCase(Locale.ROOT) + "\t" + p.source() + "\t" + r.id());
    } else {
      KnowledgeBase.Added put;
      try {
        put = kb.add(p.key(), p.analysis());
      } catch (IllegalArgumentException e) {
        summary.skip();
        log.accept("skipped\t" + p.source() + "\t" + e.getMessage());
        progress.step();
        return;
      }
      if (put.failure() != null) {
        fail(p.source(), "stored as article " + put.id() + ", but its " + put.failure().stage().label()
            + " stage failed (retried by lente reindex and the next ingest): " + put.failure().reason());
        return;
      }
      summary.count(put.outcome());
      log.accept(put.outcome().name().toLowerCase(Locale.ROOT) + "\t" + p.source() + "\t" + put.id());
    }
    progress.step();
  }

  void fail(String source, String reason) {
    summary.fail(source, reason);
    log.accept("failed\t" + source + "\t" + reason);
    progress.step();
  }

  /** Nanoseconds left of the grace that began at the first wait after a stop. */
  private long untilDeadline() {
    if (stopDeadline == 0) {
      stopDeadline = System.nanoTime() + GRACE.toNanos();
    }
    return Math.max(0, stopDeadline - System.nanoTime());
  }

  /**
   * Waits for every page in flight and stores it; after a stop, waits at most {@link #GRACE} in all
   * and abandons the pages not ready by then.
   */
  void finish() throws IOException {
    while (!inFlight.isEmpty()) {
      drainOne();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
