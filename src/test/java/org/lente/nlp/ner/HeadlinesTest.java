package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.time.Lang;

class HeadlinesTest {

  private static final Entities ENTITIES = new Entities(new EntityTagger(SharedModels.MODELS));

  private static List<Entity> find(String text, Lang lang) {
    List<Token> tokens = Tokenizer.tokenize(text, lang);
    return ENTITIES.find(text, lang, tokens, Sentences.split(text, tokens));
  }

  private static void assertNoNameOnTheFirstLine(String text, Lang lang) {
    List<Entity> found = find(text, lang);
    assertTrue(found.stream().noneMatch(e -> e.start() < text.indexOf('\n')), found::toString);
  }

  private static boolean[] flags(String text) {
    return Headlines.capitalisedLines(text, Tokenizer.tokenize(text, Lang.EN));
  }

  @Test
  void aTitleCaseLineIsCapitalisedAndTheBodyIsNot() {
    boolean[] f = flags("Crowds Chant Against Assad\nThe crowds chanted in Damascus.");
    assertArrayEquals(new boolean[] {true, true, true, true, false, false, false, false, false, false}, f);
  }

  @Test
  void aSentenceCaseLineIsNotCapitalised() {
    boolean[] f = flags("Kim e Putin firmano un patto di difesa");
    assertFalse(f[0] || f[1] || f[2]);
  }

  @Test
  void oneCapitalisedWordIsNoEvidence() {
    assertFalse(flags("Sommario")[0]);
  }

  @Test
  void aCapitalsLineIsCapitalised() {
    assertTrue(flags("ABBASSO BASHAR")[0]);
  }

  @Test
  void aHeadlineNameTheBodyAlsoNamesIsKept() {
    List<Entity> kept = Headlines.confirmedByBody(List.of(
        new Entity("Putin", Entity.Type.PER, 0, 5, "Putin", null),
        new Entity("Vladimir Putin", Entity.Type.PER, 20, 34, "Vladimir Putin", null)), List.of(true, false));
    assertEquals(2, kept.size());
  }

  @Test
  void aHeadlineNameTheBodyDoesNotNameIsDropped() {
    List<Entity> kept = Headlines.confirmedByBody(List.of(
        new Entity("Abbasso Bashar", Entity.Type.PER, 0, 14, "Abbasso Bashar", null),
        new Entity("Bashar al-Assad", Entity.Type.PER, 20, 35, "Bashar al-Assad", null)), List.of(true, false));
    assertEquals(List.of("Bashar al-Assad"), kept.stream().map(Entity::text).toList());
  }

  @Test
  void aHeadlineAloneKeepsItsNames() {
    assertFalse(find("Vladimir Putin Meets Kim Jong Un In Pyongyang", Lang.EN).isEmpty());
  }

  @Test
  void anItalianTitleCaseSloganYieldsNoEntity() {
    String text = "Abbasso Bashar, Gridano Le Piazze Di Homs\n"
        + "Migliaia di persone sono scese in piazza a Homs contro il presidente Bashar al-Assad.";
    assertNoNameOnTheFirstLine(text, Lang.IT);
  }

  @Test
  void anEnglishTitleCaseHeadlineYieldsOnlyNamesOfTheBody() {
    String text = "Post Says Senators Plan Vote On Budget Deal Before Recess\n"
        + "Senators plan a vote on the budget deal next week, according to a report.";
    assertNoNameOnTheFirstLine(text, Lang.EN);
  }
}
