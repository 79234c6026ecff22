package org.lente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.extract.Extractor;
import org.lente.ingest.fetch.Fetcher;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.ErrorPage;
import org.lente.server.Ingests;
import org.lente.server.Metrics;
import org.lente.server.Passwords;
import org.lente.server.Server;
import org.lente.store.SqliteStore;

/**
 * {@code ?lang=} selects the same articles in search and in listings: both file an article under
 * {@link Analysis#textLanguage()}, even when the language it was analysed as differs from the one
 * its page declares, or the page declares a regional tag.
 */
class LanguageFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** An article at {@code url} declared as {@code declared}, analysed as {@code analysed} (null: not analysed). */
  private static Analysis analysis(String url, String declared, String analysed, String text) {
    Article article = new Article(url, url, "Title of " + url, null, List.of(), "Test Site", null, List.of(),
        "2024-06-19", null, "meta", declared, List.of(new Block(Block.Type.PARAGRAPH, text)), null, List.of());
    return new Analysis(article, analysed, "2024-06-19", List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void searchAndListingsGiveTheSameArticlesForALanguage() throws Exception {
    try (Lente lente = Lente.open(dir, Lente.Options.write()); SqliteStore accounts = Lente.openAccounts(dir)) {
      KnowledgeBase kb = lente.knowledge();
      long declaredItalianReadAsEnglish = kb.add("https://a.test/1",
          analysis("https://a.test/1", "it", "en", "The bridge over the river opens again on Monday.")).id();
      long regionalTag = kb.add("https://a.test/2",
          analysis("https://a.test/2", "en-GB", null, "The council meets on Tuesday to vote on the budget.")).id();
      kb.add("https://a.test/3",
          analysis("https://a.test/3", "en", "it", "Il ponte sul fiume riapre lunedì dopo i lavori."));
      kb.flush();
      Auth auth = new Auth(accounts, new Passwords());
      try (Ingests ingests = new Ingests(kb, new Fetcher(Fetcher.Options.defaults()),
          new Pipeline(new Extractor(), new Analyzer(new NerModels(line -> { })), Pipeline.Options.defaults()));
          Server server = new Server(Server.Settings.defaults("127.0.0.1", 0), auth, new Csrf(),
              new Metrics(lente.reader()::status), ErrorPage.PLAIN,
              List.of(new ApiRoutes(lente.reader(), lente.stories(), ingests, auth)))) {
        server.start();
        server.ready(true);
        String base = "http://127.0.0.1:" + server.port() + "/api/v1";
        Set<Long> listed = ids(get(base + "/articles?lang=en&limit=100"), "items");
        Set<Long> found = ids(get(base + "/search?q=&lang=en&limit=100"), "hits");
        assertEquals(Set.of(declaredItalianReadAsEnglish, regionalTag), listed);
        assertEquals(listed, found);
      }
    }
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    return JSON.readTree(r.body());
  }

  /** The ids of the {@code field} array of a page (items of a listing, hits of a search). */
  private static Set<Long> ids(JsonNode page, String field) {
    Set<Long> ids = new TreeSet<>();
    for (JsonNode item : page.get(field)) {
      ids.add(item.get("id").asLong());
    }
    return ids;
  }
}
