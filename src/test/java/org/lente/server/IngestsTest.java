package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.fetch.Fetcher;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;

/** Articles added through the server, on a real knowledge base with stories in a temporary folder. */
class IngestsTest {

  @TempDir Path dir;

  private static final Set<Ingests.State> DONE = Set.of(Ingests.State.STORED, Ingests.State.UPDATED,
      Ingests.State.DUPLICATE, Ingests.State.FAILED);

  private static Ingests.Submission done(Ingests ingests, Ingests.Submission s) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      Ingests.Submission now = ingests.get(s.id()).orElseThrow();
      if (DONE.contains(now.state())) {
        return now;
      }
      Thread.sleep(100);
    }
    return fail("submission " + s.id() + " not done after 120 s");
  }

  /** The server's submissions into {@code lente}, as {@code lente serve} makes them. */
  static Ingests ingests(Lente lente) {
    return new Ingests(lente.knowledge(), new Fetcher(Fetcher.Options.defaults()),
        new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS), Pipeline.Options.defaults()));
  }

  @Test
  void aSubmissionWhoseStoryFailsNamesItsStoredArticleAndTheNextIsStoredWithAStory() throws Exception {
    Lente.open(dir, Lente.Options.write()).close(); // the schema, for the trigger
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lente.db"));
        Statement st = c.createStatement()) {
      st.execute("CREATE TRIGGER refuse BEFORE INSERT ON story_articles WHEN NEW.article_id = 1"
          + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }
    try (Lente lente = Lente.open(dir, Lente.Options.write()); Ingests ingests = ingests(lente)) {
      Ingests.Submission refused = done(ingests, ingests.submit(Ingests.Request.text(
          "The harbour master of Genoa said on Thursday that the port will close for a day.", "The port"), "admin"));
      assertEquals(Ingests.State.FAILED, refused.state());
      assertEquals(1L, refused.articleId());
      assertEquals(Ingests.STAGE_FAILED + " (story)", refused.error(), "the reason anyone may read, not the SQL error");

      Ingests.Submission next = done(ingests, ingests.submit(Ingests.Request.text(
          "The rail company of Naples said on Friday that the line reopens on Monday.", "The train"), "admin"));
      assertEquals(Ingests.State.STORED, next.state(), next.error());
      assertTrue(lente.stories().storyOf(next.articleId()).isPresent());
    }
  }

  @Test
  void aChangedTextUnderTheSameUrlIsUpdated() throws Exception {
    String url = "https://news.example.org/porto";
    try (Lente lente = Lente.open(dir, Lente.Options.write()); Ingests ingests = ingests(lente)) {
      Ingests.Submission first = done(ingests, ingests.submit(Ingests.Request.html("<html><body><article><h1>The port"
          + "</h1><p>The harbour master of Genoa said on Thursday that the port will close for a day.</p></article>"
          + "</body></html>", url), "admin"));
      Ingests.Submission second = done(ingests, ingests.submit(Ingests.Request.html("<html><body><article><h1>The port"
          + "</h1><p>The harbour master of Genoa said on Thursday that the port will close for two days.</p></article>"
          + "</body></html>", url), "admin"));

      assertEquals(Ingests.State.STORED, first.state(), first.error());
      assertEquals(Ingests.State.UPDATED, second.state(), second.error());
      assertEquals(first.articleId(), second.articleId());
    }
  }
}
