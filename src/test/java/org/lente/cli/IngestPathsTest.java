package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.ingest.fetch.Fetcher;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;
import org.lente.server.Ingests;
import org.lente.store.StoredArticle;
import org.lente.store.StoredJson;

/**
 * The three ways a page is added, {@code lente ingest}, {@code lente watch} and a submission to the
 * server, each into its own folder, against a real local site: the same page gives the same key and
 * the same stored article.
 */
class IngestPathsTest {

  /** A page dated by the line that opens its text, which every path must read alike. */
  private static final String PAGE = "<html lang=\"it\"><head><title>Il porto chiude per un giorno</title></head><body>"
      + "<article><h1>Il porto chiude per un giorno</h1><p>GENOVA, 8 marzo 2011 – Il porto di Genova resterà chiuso "
      + "domani per la riparazione della diga foranea, ha annunciato il presidente dell'autorità portuale Marco Bucci. "
      + "I traghetti per la Sardegna partiranno da Savona.</p></article></body></html>";

  @TempDir Path dir;

  private HttpServer site;
  private String base;

  @BeforeEach
  void serve() throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/porto.html", ex -> {
      byte[] b = PAGE.getBytes(UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    site.createContext("/feed.xml", ex -> {
      byte[] b = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Porto</title><item><title>Il porto"
          + "</title><link>" + base + "/porto.html</link></item></channel></rss>").getBytes(UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    site.start();
    base = "http://127.0.0.1:" + site.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    site.stop(0);
  }

  /** The one article stored in {@code data}. */
  private static StoredArticle only(Path data) throws IOException {
    try (Lente lente = Lente.open(data, new Lente.Options(Lente.Mode.READ, true))) {
      assertEquals(1, lente.reader().stats().articles());
      return lente.reader().article(1).orElseThrow();
    }
  }

  /** What the server's submission of {@code request} stores, with the submissions {@code lente serve} builds. */
  private StoredArticle submitted(Path data, Ingests.Request request) throws Exception {
    try (Lente lente = Lente.open(data, Lente.Options.write());
        Ingests ingests = ServeCommand.ingests(lente, new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true)),
            new Analyzer(SharedModels.MODELS))) {
      Ingests.Submission s = ingests.submit(request, "admin");
      for (int i = 0; i < 1200 && !done(ingests.get(s.id()).orElseThrow()); i++) {
        Thread.sleep(100);
      }
      Ingests.Submission now = ingests.get(s.id()).orElseThrow();
      if (now.state() != Ingests.State.STORED) {
        fail("the submission is " + now.state() + ": " + now.error());
      }
    }
    return only(data);
  }

  private static boolean done(Ingests.Submission s) {
    return s.state() != Ingests.State.QUEUED && s.state() != Ingests.State.ANALYSING;
  }

  @Test
  void ingestWatchAndTheServerStoreTheSamePageAlike() throws Exception {
    String url = base + "/porto.html";
    CliRun ingest = CliRun.of("ingest", "--data", dir.resolve("ingest").toString(), "--allow-private", "--delay", "0",
        url);
    assertEquals(0, ingest.code(), ingest.err());
    CliRun watch = CliRun.of("watch", "--data", dir.resolve("watch").toString(), "--allow-private", "--delay", "0",
        "--polls", "1", base + "/feed.xml");
    assertEquals(0, watch.code(), watch.err());

    StoredArticle byIngest = only(dir.resolve("ingest"));
    StoredArticle byWatch = only(dir.resolve("watch"));
    StoredArticle bySubmission = submitted(dir.resolve("server"), Ingests.Request.url(url));

    assertEquals(url, byIngest.key());
    assertEquals(byIngest.key(), byWatch.key());
    assertEquals(byIngest.key(), bySubmission.key());
    assertEquals("2011-03-08", byIngest.analysis().article().published(), "dated by its first line");
    String stored = StoredJson.MAPPER.writeValueAsString(byIngest.analysis());
    assertEquals(stored, StoredJson.MAPPER.writeValueAsString(byWatch.analysis()));
    assertEquals(stored, StoredJson.MAPPER.writeValueAsString(bySubmission.analysis()));
  }

  @Test
  void textOnStandardInputAndTextPastedIntoTheServerAreOneArticleUnderOneKey() throws Exception {
    String text = "Il porto di Genova resterà chiuso domani per la riparazione della diga foranea, ha annunciato il "
        + "presidente dell'autorità portuale Marco Bucci. I traghetti per la Sardegna partiranno da Savona.";
    Path data = dir.resolve("stdin");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main",
        "ingest", "--data", data.toString(), "-").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(text.getBytes(UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);

    StoredArticle byStdin = only(data);
    StoredArticle bySubmission = submitted(dir.resolve("server"), Ingests.Request.text(text, null));

    assertEquals(byStdin.key(), bySubmission.key());
    assertEquals(byStdin.contentHash(), bySubmission.contentHash());
    assertEquals(byStdin.analysis().entities(), bySubmission.analysis().entities());
  }
}
