package org.lente.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.knowledge.KnowledgeBase;
import org.lente.knowledge.KnowledgeReader;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.Ingests;
import org.lente.server.Metrics;
import org.lente.server.Passwords;
import org.lente.server.Server;
import org.lente.store.SqliteSources;
import org.lente.store.SqliteStore;

/**
 * A real Lente server on a free loopback port over a knowledge base in a temporary folder, with the
 * web pages, and an HTTP client that keeps cookies. User {@value #USER} has password {@value #PASSWORD}.
 */
final class WebSite implements AutoCloseable {

  static final String USER = "admin";
  static final String PASSWORD = "correct horse battery staple";

  /** Fills the knowledge base before the server starts. */
  interface Filler {
    void fill(KnowledgeBase kb) throws IOException;
  }

  /** The NER models, loaded once for all the tests of a run. */
  private static final NerModels MODELS = new NerModels(line -> { });

  private final Lente lente;
  private final SqliteStore accounts;
  final KnowledgeReader kb;
  final Ingests ingests;
  final Server server;
  final SqliteSources sources;
  private final Visitor visitor;

  private WebSite(Lente lente, SqliteStore accounts, Ingests ingests, Server server, SqliteSources sources) {
    this.lente = lente;
    this.accounts = accounts;
    this.kb = lente.reader();
    this.ingests = ingests;
    this.server = server;
    this.sources = sources;
    this.visitor = new Visitor();
  }

  /** Starts a site whose added articles are analysed by the real models (loaded on first use). */
  static WebSite start(Path dir, Filler filler) throws IOException {
    return start(dir, filler, false);
  }

  /** A site whose pages need a login when {@code privateRead}. */
  static WebSite start(Path dir, Filler filler, boolean privateRead) throws IOException {
    Lente lente = Lente.open(dir, Lente.Options.write());
    filler.fill(lente.knowledge());
    SqliteStore accounts = Lente.openAccounts(dir);
    Auth auth = new Auth(accounts, new Passwords());
    auth.addUser(USER, PASSWORD.toCharArray());
    Csrf csrf = new Csrf();
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults());
    Ingests ingests = new Ingests(lente.knowledge(), fetcher,
        new Pipeline(new Extractor(), new Analyzer(MODELS), Pipeline.Options.defaults()));
    SqliteSources sources = SqliteSources.open(dir);
    Server server = new Server(Server.Settings.defaults("127.0.0.1", 0).withPrivateRead(privateRead), auth, csrf,
        new Metrics(lente.reader()::status), new ErrorPages(),
        List.of(new WebRoutes(lente.reader(), lente.stories(), ingests, auth, csrf),
            new SourcesAdmin(sources, new Poller(fetcher), auth, csrf)));
    server.start();
    server.ready(true);
    return new WebSite(lente, accounts, ingests, server, sources);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** A new visitor: a client with its own cookies. */
  Visitor visitor() {
    return new Visitor();
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return visitor.get(path, headers);
  }

  Document page(String path, String... headers) throws IOException, InterruptedException {
    return visitor.page(path, headers);
  }

  /** A browser without a browser: a client that keeps its cookies and follows no redirect. */
  final class Visitor {
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
      if (headers.length > 0) {
        b.headers(headers);
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(URI.create(url(path)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page at {@code path}, which must answer 200, parsed. */
    Document page(String path, String... headers) throws IOException, InterruptedException {
      HttpResponse<String> r = get(path, headers);
      if (r.statusCode() != 200) {
        throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return Jsoup.parse(r.body(), url(path));
    }

    /** The hidden {@code csrf} field of the page at {@code path}. */
    String csrf(String path) throws IOException, InterruptedException {
      return page(path).selectFirst("input[name=csrf]").attr("value");
    }

    /** Logs in as {@link #USER}. */
    void login() throws IOException, InterruptedException {
      String token = csrf("/login");
      HttpResponse<String> r = post("/login", "csrf=" + token + "&next=%2F&user=" + USER + "&password="
          + Chrome.enc(PASSWORD));
      if (r.statusCode() != 303) {
        throw new AssertionError("login answered " + r.statusCode());
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      try {
        ingests.close();
      } finally {
        try {
          sources.close();
        } finally {
          try {
            accounts.close();
          } finally {
            lente.close();
          }
        }
      }
    }
  }
}
