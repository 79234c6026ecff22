package org.lente.web;

import java.nio.file.Path;
import java.util.List;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.fetch.Fetcher;
import org.lente.knowledge.KnowledgeReader;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.Ingests;
import org.lente.server.Metrics;
import org.lente.server.Passwords;
import org.lente.server.Server;

/**
 * Serves the web pages of an existing knowledge base folder, for load tests with bench/pages.lua
 * before {@code lente serve} exists on this branch. Not a test: run by hand (see bench/pages.sh).
 * Arguments: the folder, the port (default 8080). Prints the counts wrk's script needs, then serves
 * until killed.
 */
public final class PagesServe {

  private PagesServe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
    long start = System.nanoTime();
    Lente lente = Lente.open(dir, Lente.Options.write());
    System.out.printf("opened (indexing what the index lacked) in %.1f s%n", (System.nanoTime() - start) / 1e9);
    KnowledgeReader kb = lente.reader();
    Auth auth = new Auth(Lente.openAccounts(dir), new Passwords());
    Csrf csrf = new Csrf();
    Ingests ingests = new Ingests(lente.knowledge(), new Fetcher(Fetcher.Options.defaults()),
        new Pipeline(new Extractor(), new Analyzer(new NerModels(line -> { })), Pipeline.Options.defaults()));
    Server server = new Server(Server.Settings.defaults("127.0.0.1", port), auth, csrf, new Metrics(kb::status),
        new ErrorPages(), List.of(new WebRoutes(kb, lente.stories(), ingests, auth, csrf)));
    server.start();
    server.ready(true);
    var status = kb.status();
    System.out.printf("serving http://127.0.0.1:%d/ ARTICLES=%d ENTITIES=%d SOURCES=%d%n", server.port(),
        status.articles(), status.entities(), status.sources());
  }
}
