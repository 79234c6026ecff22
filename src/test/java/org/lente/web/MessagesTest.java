package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void everyLanguageHasTheSameKeys() {
    assertEquals(Messages.of("en").keys(), Messages.of("it").keys());
  }

  @Test
  void theLanguagesDiffer() {
    assertEquals("Persona", Messages.of("it").t("type.PER"));
    assertNotEquals(Messages.of("it").t("home.latest"), Messages.of("en").t("home.latest"));
  }

  @Test
  void argumentsAreFilledIn() {
    assertEquals("Menzioni di Roma per periodo", Messages.of("it").t("entity.chart.title", "Roma"));
  }

  @Test
  void anUnknownLanguageIsEnglish() {
    assertEquals("en", Messages.of("fr").language());
    assertEquals("en", Messages.of(null).language());
  }

  @Test
  void numbersFollowTheLanguage() {
    assertEquals("12,345", Messages.of("en").number(12345));
    assertEquals("12.345", Messages.of("it").number(12345));
  }

  // ---- counts with their nouns: language, key, then the text at 0, 1 and 2

  private static final List<List<String>> COUNTS = List.of(
      List.of("en", "search.results", "0 articles", "1 article", "2 articles"),
      List.of("it", "search.results", "0 articoli", "1 articolo", "2 articoli"),
      List.of("en", "quotes.results", "0 quotes", "1 quote", "2 quotes"),
      List.of("it", "quotes.results", "0 citazioni", "1 citazione", "2 citazioni"),
      List.of("en", "quotes.onpage", "0 quotes on this page", "1 quote on this page", "2 quotes on this page"),
      List.of("it", "quotes.onpage", "0 citazioni in questa pagina", "1 citazione in questa pagina",
          "2 citazioni in questa pagina"),
      List.of("en", "entity.articles.count", "0 articles", "1 article", "2 articles"),
      List.of("it", "entity.articles.count", "0 articoli", "1 articolo", "2 articoli"),
      List.of("en", "entity.undated", "0 mentions in undated articles", "1 mention in undated articles",
          "2 mentions in undated articles"),
      List.of("it", "entity.undated", "0 menzioni in articoli senza data", "1 menzione in articoli senza data",
          "2 menzioni in articoli senza data"),
      List.of("en", "author.articles", "0 articles", "1 article", "2 articles"),
      List.of("it", "author.articles", "0 articoli", "1 articolo", "2 articoli"),
      List.of("en", "source.articles", "0 articles", "1 article", "2 articles"),
      List.of("it", "source.articles", "0 articoli", "1 articolo", "2 articoli"),
      List.of("en", "story.articles", "0 articles", "1 article", "2 articles"),
      List.of("it", "story.articles", "0 articoli", "1 articolo", "2 articoli"),
      List.of("en", "time.before", "0 days before the article's date (unknown)",
          "1 day before the article's date (unknown)", "2 days before the article's date (unknown)"),
      List.of("it", "time.before", "0 giorni prima della data dell'articolo (sconosciuta)",
          "1 giorno prima della data dell'articolo (sconosciuta)",
          "2 giorni prima della data dell'articolo (sconosciuta)"),
      List.of("en", "time.after", "0 days after the article's date (unknown)",
          "1 day after the article's date (unknown)", "2 days after the article's date (unknown)"),
      List.of("it", "time.after", "0 giorni dopo la data dell'articolo (sconosciuta)",
          "1 giorno dopo la data dell'articolo (sconosciuta)", "2 giorni dopo la data dell'articolo (sconosciuta)"));

  @Test
  void countsAgreeWithTheirNounAtZeroOneAndTwo() {
    for (List<String> c : COUNTS) {
      Messages m = Messages.of(c.get(0));
      for (int n = 0; n <= 2; n++) {
        assertEquals(c.get(2 + n), m.count(c.get(1), n), c.get(0) + " " + c.get(1) + " at " + n);
      }
    }
  }

  @Test
  void theChartDescriptionAgreesWithItsCount() {
    assertEquals("1 mention from May to June; most on June (1).",
        Messages.of("en").count("chart.desc", 1, "May", "June", "June", "1"));
    assertEquals("2 menzioni dal maggio al giugno; il massimo il giugno (2).",
        Messages.of("it").count("chart.desc", 2, "maggio", "giugno", "giugno", "2"));
  }

  @Test
  void aCountIsFormattedForTheLanguage() {
    assertEquals("1,234 articles", Messages.of("en").count("search.results", 1234));
    assertEquals("1.234 articoli", Messages.of("it").count("search.results", 1234));
  }

  @Test
  void everyCountHasBothForms() {
    for (String language : Messages.LANGUAGES) {
      Set<String> one = new TreeSet<>();
      Set<String> other = new TreeSet<>();
      for (String key : Messages.of(language).keys()) {
        if (key.endsWith(".one")) {
          one.add(key.substring(0, key.length() - 4));
        } else if (key.endsWith(".other")) {
          other.add(key.substring(0, key.length() - 6));
        }
      }
      assertEquals(one, other, language);
      assertEquals(one.size(), COUNTS.stream().filter(c -> c.get(0).equals(language)).count() + 1,
          "every count is in the table above, and chart.desc: " + one);
    }
  }
}
