package org.lente.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.ner.SharedModels;
import org.lente.nlp.quote.Quote;

class AnalyzerTest {

  private static final String ENGLISH = """
      Harbour bridge to reopen after repairs

      The harbour bridge will reopen on Friday, city officials said on Tuesday.

      Mayor Helen Carter told reporters that the repairs had cost less than planned. “We kept our promise,” she said.

      Engineers from Northfield University inspected the piers last week.
      """;

  private static final Analyzer ANALYZER = new Analyzer(SharedModels.MODELS);

  private static Article article(String text, String name) throws IOException {
    return new Extractor().extract(new Page(name, text.getBytes(StandardCharsets.UTF_8), "text/plain", null, List.of()));
  }

  @Test
  void englishEntitiesQuotesAndTimes() throws IOException {
    Analysis a = ANALYZER.analyze(article(ENGLISH, "bridge.txt"), LocalDate.of(2024, 3, 12));
    assertEquals("en", a.language());
    assertTrue(a.entities().stream().anyMatch(e -> e.text().equals("Helen Carter") && e.type() == Entity.Type.PER
        && "Mayor".equals(e.role())), a.entities().toString());
    Quote direct = a.quotes().stream().filter(q -> q.kind() == Quote.Kind.DIRECT).findFirst().orElseThrow();
    assertEquals("she", direct.speaker());
    assertEquals("Helen Carter", direct.speakerCanonical());
    assertTrue(a.times().stream().anyMatch(t -> t.text().equals("Tuesday") && t.value().equals("2024-03-12")),
        a.times().toString());
  }

  @Test
  void aShortItalianItemIsAnalysed() throws IOException {
    String item = "Sciopero dei treni a Milano\n\nGiovedì si fermano anche gli autobus, ha detto il sindaco Paolo Riva.";
    Analysis a = ANALYZER.analyze(article(item, "sciopero.txt"), LocalDate.of(2024, 3, 12));
    assertEquals("it", a.language());
    assertTrue(a.warnings().stream().noneMatch(w -> w.contains("not analysed")), a.warnings().toString());
    assertTrue(a.times().stream().anyMatch(t -> t.text().equals("Giovedì")), a.times().toString());
  }

  @Test
  void aSpeakerNamedByARoleIsThePersonTheArticleGaveThatRole() throws IOException {
    String item = "Lavrov a Pyongyang\n\nIl ministro degli Esteri russo Sergej Lavrov è arrivato ieri a Pyongyang per "
        + "incontrare Kim Jong-un. «La cooperazione tra i nostri paesi è solida e crescerà ancora nei prossimi anni», "
        + "ha dichiarato il ministro ai giornalisti.";
    Analysis a = ANALYZER.analyze(article(item, "lavrov.txt"), LocalDate.of(2026, 3, 4));
    Quote direct = a.quotes().stream().filter(q -> q.kind() == Quote.Kind.DIRECT).findFirst().orElseThrow();
    assertEquals("il ministro", direct.speaker());
    assertEquals("Sergej Lavrov", direct.speakerCanonical());
  }

  @Test
  void aHyphenatedNameIsOneEntityAndItsSurnameLaterIsTheSamePerson() throws IOException {
    String item = "Siria, parla il presidente\n\nIl presidente siriano Bashar al-Assad ha parlato ieri a Damasco con "
        + "Ban Ki-moon. Assad ha detto che la tregua reggerà.";
    Analysis a = ANALYZER.analyze(article(item, "assad.txt"), LocalDate.of(2026, 3, 4));
    List<String> people = a.entities().stream().filter(e -> e.type() == Entity.Type.PER).map(Entity::canonical).toList();
    assertEquals(List.of("Bashar al-Assad", "Ban Ki-moon", "Bashar al-Assad"), people);
  }

  @Test
  void withoutAPublicationDateRelativeTimesStayRelative() throws IOException {
    Analysis a = ANALYZER.analyze(article(ENGLISH, "bridge.txt"), null);
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("no publication date")), a.warnings().toString());
    assertTrue(a.times().stream().noneMatch(t -> t.value().startsWith("20")), a.times().toString());
  }

  @Test
  void anUnsupportedLanguageGetsSentencesAndAWarning() throws IOException {
    String german = "Die Brücke wird am Freitag wieder geöffnet. Die Reparaturen waren billiger als geplant, "
        + "sagte die Bürgermeisterin am Dienstag. Die Stadt hatte die Brücke vor drei Jahren gesperrt.";
    Analysis a = ANALYZER.analyze(article(german, "brücke.txt"), null);
    assertTrue(a.entities().isEmpty());
    assertEquals(3, a.sentences().size());
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("not supported") || w.contains("unknown")),
        a.warnings().toString());
  }
}
