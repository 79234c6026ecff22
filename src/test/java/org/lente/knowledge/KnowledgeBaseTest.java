package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.index.LuceneIndex;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.store.ArticleFailure;
import org.lente.store.EntityProfile;
import org.lente.store.SqliteStore;

class KnowledgeBaseTest {

  @TempDir Path dir;

  /** A one-paragraph analysis; each {@code TYPE:Name} is an entity at its first occurrence. */
  static Analysis analysis(String lang, String date, String text, String... entities) {
    Article a = new Article("test-" + text.hashCode(), null, "Titolo " + text.hashCode(), null, List.of(), null, null,
        List.of(), date, null, "meta", lang, List.of(new Block(Block.Type.PARAGRAPH, text)), null, List.of());
    java.util.ArrayList<Entity> es = new java.util.ArrayList<>();
    for (String e : entities) {
      String name = e.substring(4);
      int at = text.indexOf(name);
      es.add(new Entity(name, Entity.Type.valueOf(e.substring(0, 3)), at, at + name.length(), name,
          name.equals("Putin") && lang.equals("it") ? "presidente" : null));
    }
    es.sort(java.util.Comparator.comparingInt(Entity::start));
    return new Analysis(a, lang, date, List.of(new Sentence(0, text.length(), 0, 1)), es, List.<Quote>of(), List.of(),
        List.of());
  }

  private KnowledgeBase open() throws IOException {
    return new KnowledgeBase(SqliteStore.open(dir), LuceneIndex.open(dir.resolve("index")), dir.resolve("entities.json"));
  }

  @Test
  void oneEntityAcrossArticlesAndLanguagesWithItsProfile() throws IOException {
    try (KnowledgeBase kb = open()) {
      kb.add("it-1", analysis("it", "2024-06-19", "Il presidente Vladimir Putin è arrivato in Corea del Nord.",
          "PER:Vladimir Putin", "LOC:Corea del Nord"));
      kb.add("it-2", analysis("it", "2024-06-20", "Putin ha lasciato la Corea del Nord per il Vietnam.",
          "PER:Putin", "LOC:Corea del Nord", "LOC:Vietnam"));
      kb.add("en-1", analysis("en", "2024-06-20", "Vladimir Putin left North Korea for Vietnam on Thursday.",
          "PER:Vladimir Putin", "LOC:North Korea", "LOC:Vietnam"));
    }
    try (KnowledgeBase kb = open()) { // the resolver's state survives the reopening
      EntityProfile putin = kb.entity("Putin").orElseThrow();
      assertEquals("Vladimir Putin", putin.name());
      assertEquals(3, putin.articles());
      assertEquals(1L, putin.mentionsPerDay().get("2024-06-19"));
      assertEquals(2L, putin.mentionsPerDay().get("2024-06-20"));
      assertTrue(putin.aliases().stream().anyMatch(a -> a.name().equals("Putin")), putin.aliases().toString());
      EntityProfile korea = kb.entity("North Korea").orElseThrow();
      assertEquals(3, korea.articles(), korea.toString());
      assertTrue(putin.cooccurring().stream().anyMatch(c -> c.name().equals(korea.name()) && c.articles() == 3),
          putin.cooccurring().toString());
    }
  }

  @Test
  void anArticleTheIndexRefusesIsKeptRecordedAndStopsNoOther() throws IOException {
    String huge = "Zeta" + "z".repeat(40_000); // a name as stored before names were bounded: an immense Lucene term
    long refused;
    try (KnowledgeBase kb = open()) {
      KnowledgeBase.Added a = kb.add("huge", analysis("it", "2024-06-19", "Il gruppo " + huge + " ha parlato.",
          "ORG:" + huge));
      refused = a.id();
      assertEquals(ArticleFailure.Stage.INDEX, a.failure().stage());
      long next = kb.add("next", analysis("it", "2024-06-20", "Il sindaco Gualtieri ha parlato a Roma.",
          "PER:Gualtieri")).id();
      assertEquals(null, kb.failures().stream().filter(f -> f.article() == next).findAny().orElse(null));
      assertEquals(List.of(refused), kb.check().missing());
    }
    try (KnowledgeBase kb = open()) { // opening retries it, and is not stopped by it
      assertEquals(List.of(refused), kb.failures().stream().map(ArticleFailure::article).toList());
      assertEquals(2, kb.check().articles());
    }
  }
}
