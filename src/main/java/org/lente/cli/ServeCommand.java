package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lente.Lente;
import org.lente.api.ApiRoutes;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterSubmissions;
import org.lente.cluster.PostgresRateLimit;
import org.lente.cluster.ServeSecret;
import org.lente.index.OpenSearchIndex;
import org.lente.index.SearchIndex;
import org.lente.knowledge.StoreReader;
import org.lente.store.PostgresAccounts;
import org.lente.store.PostgresArticleStore;
import org.lente.store.PostgresConnections;
import org.lente.store.PostgresSources;
import org.lente.story.PostgresStoryStore;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.knowledge.KnowledgeReader;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.Ingests;
import org.lente.server.Metrics;
import org.lente.server.Passwords;
import org.lente.server.Server;
import org.lente.server.ServerFile;
import org.lente.server.SourcePolling;
import org.lente.story.StoryReader;
import org.lente.web.ErrorPages;
import org.lente.web.SourcesAdmin;
import org.lente.web.WebRoutes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lente serve}: the web interface and the JSON API over a knowledge base, until the process
 * is stopped. The one place the server is put together.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serves the web reader and the JSON API of the knowledge base at http://HOST:PORT/ "
            + "(http://127.0.0.1:8080/ by default).",
        "The reader (articles, search, entities, quotes, stories) is at /, the JSON API under /api/v1 "
            + "(described at /api/v1/openapi.json), with /health and /metrics beside them.",
        "Reading is public unless --private; adding articles needs a user (lente user add) or an API token "
            + "(lente token add).",
        "Polls the stored sources (lente sources add, or the reader's /admin/sources page) in the background: a "
            + "source added while it runs is polled within a second. The --allow-private, --delay, --per-host and "
            + "--ignore-robots options apply to those polls and to the URLs added through the server.",
        "With --cluster FILE: one of several stateless instances behind a load balancer, over the cluster's "
            + "PostgreSQL store and OpenSearch index (docs/cluster-serve.md). Sessions, tokens, the rate limit and "
            + "submissions are shared in PostgreSQL; articles added go to the Kafka workers; nothing is polled. The "
            + "access log goes to standard output."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @CommandLine.Mixin FetchOptions fetch;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--private", description = "Reading needs a logged-in user or an API token too.")
  boolean privateRead;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + Server.Settings.DEFAULT_MAX_BODY,
      description = "Largest request body accepted. Default: ${DEFAULT-VALUE}.")
  long maxBody;

  @Option(names = "--writes-per-minute", paramLabel = "N", defaultValue = "30",
      description = "Write requests allowed per client address per minute. Default: ${DEFAULT-VALUE}.")
  int writesPerMinute;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "The address readers use to reach the server (https://news.example.org), for the links of feeds "
          + "and pages and the Origin accepted on forms. Default: the address each request came in on.")
  String publicUrl;

  @Option(names = "--access-log", paramLabel = "FILE",
      description = "Where the access log goes: a file, or - for standard error. Default: access.log in the data folder.")
  String accessLog;

  @CommandLine.Mixin ClusterOption clusterFile;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535: " + port);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (clusterFile.given()) {
      return serveCluster(err);
    }
    Path log = accessLog == null ? data.dir.resolve("access.log") : accessLog.equals("-") ? null : Path.of(accessLog);
    Server.Settings settings = settings(log);
    Analyzer analyzer = new Analyzer(new NerModels(line -> err.println("lente: " + line)), Analyzer.DEFAULT_MAX_CHARS);
    // a folder on a full disk is served for reading: adding articles and logging in then fail
    Fetcher fetcher = fetch.fetcher(spec.commandLine(), PageReader.DEFAULT_MAX_BYTES);
    try (Lente lente = data.openOrRead(); Ingests ingests = ingests(lente, fetcher, analyzer);
        SourcePolling polling = new SourcePolling(lente.sources(), new Poller(fetcher), ingests, SourcePolling.LOOK,
            err)) {
      String secret = ServerFile.newSecret();
      Auth auth = new Auth(lente.accounts(), new Passwords(), secret);
      Csrf csrf = new Csrf();
      KnowledgeReader kb = lente.reader();
      StoryReader stories = lente.stories();
      try (Server server = new Server(settings, auth, csrf, new Metrics(kb::status), new ErrorPages(),
          List.of(new ApiRoutes(kb, stories, ingests, auth), new WebRoutes(kb, stories, ingests, auth, csrf,
              settings.publicUrl()), new SourcesAdmin(lente.sources(), new Poller(fetcher), auth, csrf)))) {
        server.start();
        server.ready(true);
        polling.start();
        // how lente ingest of the same user finds this server and hands it the articles
        Optional<ServerFile> file = ServerFile.forThisProcess(host, server.port(), secret);
        if (file.isPresent() && written(file.get(), err)) {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietly(file.get(), err), "lente-server-file"));
        }
        err.printf("lente: serving %s on http://%s:%d/ (the reader at /, the JSON API under /api/v1)%n",
            data.dir.toAbsolutePath(), host,
            server.port());
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "lente-stop"));
        stopped.await();
      }
    }
    return 0;
  }

  /** The server's settings from the options, with access log {@code log}; a bad option is a usage error. */
  private Server.Settings settings(Path log) {
    try {
      return new Server.Settings(host, port, privateRead, maxBody, writesPerMinute, log,
          publicUrl == null ? null : Server.Settings.publicUrl(publicUrl));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * {@code lente serve --cluster}: checks the options, assembles the instance ({@link #clusterServer}) and serves
   * until the process is stopped. Exit 1 for a bad cluster file or option, 2 when a service cannot be reached.
   */
  private int serveCluster(PrintWriter err) throws Exception {
    for (String folderOnly : List.of("--data", "--access-log")) {
      clusterFile.refuse(spec, folderOnly, folderOnly + " does not apply with --cluster "
          + "(the store is the cluster's; the access log goes to standard output)");
    }
    Server.Settings settings = settings(null);
    ClusterFile cluster = clusterFile.read(spec);
    if (cluster == null) {
      return 1;
    }
    if (cluster.opensearchUrl() == null || cluster.kafkaBootstrap() == null) {
      err.println("lente: the cluster file " + cluster.file() + " needs opensearch.url (searches) and "
          + "kafka.bootstrap (articles added) for lente serve --cluster");
      return 1;
    }
    Fetcher fetcher = fetch.fetcher(spec.commandLine(), PageReader.DEFAULT_MAX_BYTES); // the sources' address check
    try (ClusterServer instance = clusterServer(cluster, OpenSearchIndex.connect(cluster), settings,
        new Poller(fetcher))) {
      instance.server().start();
      instance.server().ready(true);
      err.printf("lente: serving the cluster of %s on http://%s:%d/ (the reader at /, the JSON API under /api/v1)%n",
          cluster.file().toAbsolutePath(), host, instance.server().port());
      err.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "lente-stop"));
      stopped.await();
    }
    return 0;
  }

  /**
   * An instance of {@code lente serve --cluster}, not started, with what it opened; closing stops the server and
   * closes those, the last opened first.
   */
  record ClusterServer(Server server, List<AutoCloseable> opened) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      Exception failure = null;
      List<AutoCloseable> all = new java.util.ArrayList<>(opened);
      all.add(server);
      java.util.Collections.reverse(all);
      for (AutoCloseable c : all) {
        try {
          c.close();
        } catch (Exception e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * Assembles a cluster instance over {@code cluster}'s PostgreSQL database, its Kafka brokers and {@code index}
   * (the cluster's OpenSearch index; closed with the instance): the reader over {@link PostgresArticleStore} and
   * the index, stories over {@link PostgresStoryStore}, {@link Auth} over {@link PostgresAccounts} with CSRF tokens
   * under the {@link ServeSecret}, the rate limit in {@link PostgresRateLimit}, the clients' addresses from the
   * cluster file's trusted proxies, submissions through {@link ClusterSubmissions}, the sources admin over
   * {@link PostgresSources} (with {@code poller}'s address check); {@code /health} probes PostgreSQL and
   * OpenSearch. Every store is on one {@link PostgresConnections}: the instance holds two PostgreSQL connections
   * (docs/cluster-serve.md), which it opened and so closes, once, after the parts built on them (the stores and the
   * submissions never close them). A failure closes what was opened.
   */
  static ClusterServer clusterServer(ClusterFile cluster, SearchIndex index, Server.Settings settings, Poller poller)
      throws IOException {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    opened.push(index);
    try {
      // one set of connections for every store of the instance: many instances must not exhaust max_connections
      PostgresConnections shared = push(opened, PostgresConnections.connect(cluster));
      PostgresArticleStore store = PostgresArticleStore.on(shared);
      PostgresStoryStore storyStore = PostgresStoryStore.on(shared);
      PostgresAccounts accounts = PostgresAccounts.on(shared);
      PostgresSources sources = PostgresSources.on(shared);
      ClusterSubmissions submissions = push(opened, ClusterSubmissions.on(shared, cluster));
      Auth auth = new Auth(accounts, new Passwords());
      Csrf csrf = new Csrf(ServeSecret.read(shared));
      KnowledgeReader kb = new StoreReader(store, index);
      StoryReader stories = new StoryReader(storyStore, kb);
      Map<String, Server.Probe> probes = Map.of(
          "postgres", () -> shared.read("check the connection", c -> {
            if (!c.isValid(5)) {
              throw new IOException(cluster.postgresUrl() + " does not answer");
            }
            return null;
          }),
          "opensearch", () -> openSearchAnswers(cluster.opensearchUrl()));
      Server server = new Server(settings, auth, csrf, new Metrics(kb::status), new ErrorPages(),
          List.of(new ApiRoutes(kb, stories, submissions, auth), new WebRoutes(kb, stories, submissions, auth, csrf,
              settings.publicUrl()), new SourcesAdmin(sources, poller, auth, csrf)),
          new Server.Shared(new PostgresRateLimit(shared, settings.writesPerMinute()), cluster.trustedProxies(),
              probes, true));
      List<AutoCloseable> parts = new java.util.ArrayList<>(opened);
      java.util.Collections.reverse(parts); // the order they were opened in
      return new ClusterServer(server, parts);
    } catch (IOException | RuntimeException e) {
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    }
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T part) {
    opened.push(part);
    return part;
  }

  /** Returns when the OpenSearch node at {@code url} answers its cluster health within 5 s; throws saying why not. */
  private static void openSearchAnswers(java.net.URI url) throws IOException, InterruptedException {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    java.net.http.HttpResponse<Void> r = http.send(java.net.http.HttpRequest.newBuilder(url.resolve("/_cluster/health"))
        .timeout(java.time.Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answers HTTP " + r.statusCode());
    }
  }

  /** The server's submissions into {@code lente}: through the pipeline of {@code lente ingest} and {@code watch}. */
  static Ingests ingests(Lente lente, Fetcher fetcher, Analyzer analyzer) {
    return new Ingests(lente.knowledge(), fetcher, IngestCommand.pipeline(analyzer, new PublicationDates(null)));
  }

  /**
   * Writes {@code file} into the data folder; when it cannot be (a full disk), says so and serves all
   * the same: {@code lente ingest} beside this server is then refused with its usual message.
   */
  private boolean written(ServerFile file, PrintWriter err) {
    try {
      file.write(data.dir);
      return true;
    } catch (java.io.IOException e) {
      err.println("lente: cannot write " + data.dir.resolve(ServerFile.NAME) + " (" + e.getMessage() + "): lente ingest "
          + "on this folder cannot hand its articles to this server");
      err.flush();
      return false;
    }
  }

  /** Removes {@code file} from the data folder at shutdown; a failure leaves a stale file, which is ignored. */
  private void removeQuietly(ServerFile file, PrintWriter err) {
    try {
      file.remove(data.dir);
    } catch (java.io.IOException e) {
      err.println("lente: cannot remove " + data.dir.resolve(ServerFile.NAME) + " (ignored once this process is gone): "
          + e.getMessage());
      err.flush();
    }
  }
}
