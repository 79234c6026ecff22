package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.store.ArticleView;

/** An article's page shows entity names as articles in its language write them, when Lente knows both. */
class LocalNamesTest {

  @TempDir Path dir;

  /** A one-paragraph analysis; each {@code TYPE:Name} is an entity at its first occurrence. */
  private static Analysis analysis(String lang, String text, String... entities) {
    Article a = new Article("test-" + text.hashCode(), null, "Titolo " + text.hashCode(), null, List.of(), null, null,
        List.of(), "2024-06-19", null, "meta", lang, List.of(new Block(Block.Type.PARAGRAPH, text)), null, List.of());
    List<Entity> es = new ArrayList<>();
    for (String e : entities) {
      String name = e.substring(4);
      int at = text.indexOf(name);
      es.add(new Entity(name, Entity.Type.valueOf(e.substring(0, 3)), at, at + name.length(), name, null));
    }
    es.sort(java.util.Comparator.comparingInt(Entity::start));
    return new Analysis(a, lang, "2024-06-19", List.of(new Sentence(0, text.length(), 0, 1)), es, List.<Quote>of(),
        List.of(), List.of());
  }

  @Test
  void anItalianPageShowsStatiUnitiAndAnEnglishOneUnitedStates() throws Exception {
    try (Lente lente = Lente.open(dir, Lente.Options.write())) {
      KnowledgeBase kb = lente.knowledge();
      long it = kb.add("it-1", analysis("it", "Gli Stati Uniti e la Corea del Nord hanno parlato.",
          "LOC:Stati Uniti", "LOC:Corea del Nord")).id();
      long en = kb.add("en-1", analysis("en", "The United States and North Korea talked.",
          "LOC:United States", "LOC:North Korea")).id();
      ArticleView italian = kb.reader().articleView(it).orElseThrow();
      assertEquals("Stati Uniti", italian.names().get("United States"));
      String page = ArticlePage.of(italian, Messages.of("it"), "/articles/" + it).body().toString();
      assertTrue(page.contains(">Corea del Nord</a>"), page);
      assertFalse(page.contains("North Korea"), page);
      String english = ArticlePage.of(kb.reader().articleView(en).orElseThrow(), Messages.of("en"), "/articles/" + en).body()
          .toString();
      assertTrue(english.contains(">North Korea</a>"), english);
      assertEquals("Corea del Nord", kb.reader().localName("North Korea", "it"));
      assertEquals("North Korea", kb.reader().localName("North Korea", "en"));
    }
  }

  @Test
  void theEntityPageNamesTheEntityInTheReadersLanguage(@TempDir Path site) throws Exception {
    try (WebSite web = WebSite.start(site, kb -> {
      kb.add("it-1", analysis("it", "La Corea del Nord ha lanciato un missile.", "LOC:Corea del Nord"));
      kb.add("en-1", analysis("en", "North Korea launched a missile.", "LOC:North Korea"));
      kb.flush();
    })) {
      long id = web.kb.entityId("North Korea").orElseThrow();
      String italian = web.get("/entities/" + id + "?lang=it").body();
      assertTrue(italian.contains("<h1>Corea del Nord</h1>"), italian);
      String english = web.get("/entities/" + id + "?lang=en").body();
      assertTrue(english.contains("<h1>North Korea</h1>"), english);
    }
  }
}
