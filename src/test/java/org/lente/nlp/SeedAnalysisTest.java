package org.lente.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lente.extract.Extractor;
import org.lente.ingest.PageReader;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.ner.SharedModels;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/** The article that started the project, analysed as of its publication day (2024-06-19). */
class SeedAnalysisTest {

  private static final Path SEED = Path.of("..", "shared", "seed", "kim-putin-pyongyang.it.txt");
  private static Analysis analysis;

  @BeforeAll
  static void analyze() throws IOException {
    // each test skips with the reason (skipWithoutTheSeed): an assumption here left surefire's report with no test
    if (Files.isRegularFile(SEED)) {
      analysis = new Analyzer(SharedModels.MODELS).analyze(
          new Extractor().extract(new PageReader().read(SEED.toString())), LocalDate.of(2024, 6, 19));
    }
  }

  @BeforeEach
  void skipWithoutTheSeed() {
    Assumptions.assumeTrue(analysis != null, "seed article not found at " + SEED.toAbsolutePath() + ": skipping");
  }

  private static Entity entity(String text) {
    return analysis.entities().stream().filter(e -> e.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + text + " in " + names()));
  }

  private static Set<String> names() {
    return analysis.entities().stream().map(Entity::text).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Test
  void theDirectQuotesAreTheQuotedSentencesEachWithItsSpeaker() {
    // the other quoted words are fragments inside reported speech ("ha promesso “pieno sostegno”"): indirect
    List<Quote> direct = analysis.quotes().stream().filter(q -> q.kind() == Quote.Kind.DIRECT).toList();
    assertEquals(3, direct.size(), direct.toString());
    direct.forEach(q -> assertNotNull(q.speakerCanonical(), q::toString));
  }

  @Test
  void everySpeakerIsFound() {
    Set<String> speakers = analysis.quotes().stream().map(Quote::speakerCanonical).filter(s -> s != null)
        .collect(Collectors.toSet());
    assertTrue(speakers.containsAll(List.of("Kim Jong Un", "Vladimir Putin", "Rob McBride", "KCNA", "Antony Blinken",
        "Jens Stoltenberg")), speakers.toString());
  }

  @Test
  void speakersAcrossSentences() {
    assertEquals("Rob McBride", quote("È stata una dimostrazione di forza").speakerCanonical());
    assertEquals("KCNA", quote("sono emerse come una forte fortezza").speakerCanonical());
    assertEquals("Antony Blinken", quote("La Corea del Nord sta fornendo").speakerCanonical());
  }

  private static Quote quote(String start) {
    return analysis.quotes().stream().filter(q -> q.text().startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no quote starting " + start));
  }

  @Test
  void theDenialIsAnIndirectQuoteWithTheCueNegare() {
    Quote q = analysis.quotes().stream().filter(x -> "negare".equals(x.cue())).findFirst().orElseThrow();
    assertEquals(Quote.Kind.INDIRECT, q.kind());
    assertTrue(q.speakerCanonical().contains("Russia") && q.speakerCanonical().contains("Corea del Nord"), q.toString());
  }

  @Test
  void namesAreCleanAndWhole() {
    Set<String> names = names();
    assertTrue(names.containsAll(List.of("Russia", "KCNA", "Consiglio di Sicurezza delle Nazioni Unite")), names.toString());
    assertFalse(names.stream().anyMatch(n -> n.startsWith("alla ") || n.startsWith("nordcoreana")), names.toString());
  }

  @Test
  void shortNamesTakeTheFullestName() {
    assertEquals("Vladimir Putin", entity("Putin").canonical());
    assertEquals("Jens Stoltenberg", entity("Stoltenberg").canonical());
    assertEquals("Kim Jong Un", entity("Kim").canonical());
  }

  @Test
  void rolesComeFromTheText() {
    assertEquals("ministro della Difesa", entity("Andrei Belousov").role());
    assertEquals("segretario di Stato americano", entity("Blinken").role());
  }

  @Test
  void offsetsPointIntoTheArticleText() {
    String text = analysis.article().text();
    analysis.entities().forEach(e -> assertEquals(e.text(), text.substring(e.start(), e.end())));
    analysis.quotes().forEach(q -> assertEquals(q.text(), text.substring(q.start(), q.end())));
    analysis.times().forEach(t -> assertEquals(t.text(), text.substring(t.start(), t.end())));
  }

  @Test
  void timesAreNormalizedAgainstThePublicationDay() {
    List<String> pairs = analysis.times().stream().map(t -> t.text() + "=" + t.value()).toList();
    assertTrue(pairs.containsAll(List.of("Mercoledì=2024-06-19", "martedì=2024-06-18", "marzo=2024-03",
        "il 9 giugno=2024-06-09", "l’anno scorso=2023", "settembre 2023=2023-09", "in 24 anni=P24Y", "1961=1961")),
        pairs.toString());
    assertEquals(Timex.Type.DURATION, analysis.times().stream().filter(t -> t.text().equals("in 24 anni")).findFirst()
        .orElseThrow().type());
  }
}
