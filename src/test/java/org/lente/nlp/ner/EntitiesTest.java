package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.time.Lang;

class EntitiesTest {

  /** The role before or after the name {@code name} in {@code text}. */
  private static String role(String text, String name, Lang lang) {
    List<Token> words = Tokenizer.tokenize(text, lang);
    int at = text.indexOf(name);
    int first = 0;
    while (words.get(first).start() < at) {
      first++;
    }
    int end = first;
    while (end < words.size() && words.get(end).end() <= at + name.length()) {
      end++;
    }
    return Entities.role(text, words, first, end);
  }

  @Test
  void roleBeforeTheNameWithItsModifiers() {
    assertEquals("segretario di Stato americano",
        role("il segretario di Stato americano Antony Blinken ha affermato", "Antony Blinken", Lang.IT));
    assertEquals("ministro della Difesa", role("tra cui il ministro della Difesa Andrei Belousov", "Andrei Belousov", Lang.IT));
    assertEquals("vice primo ministro", role("e il vice primo ministro Denis Mantrurov.", "Denis Mantrurov", Lang.IT));
    assertEquals("leader nordcoreano", role("Il leader nordcoreano Kim Jong Un ha promesso", "Kim Jong Un", Lang.IT));
  }

  @Test
  void englishTitlesBeforeTheRoleNoun() {
    assertEquals("Russian President", role("Russian President Vladimir Putin arrived", "Vladimir Putin", Lang.EN));
    assertEquals("NATO chief", role("after meeting NATO chief Jens Stoltenberg", "Jens Stoltenberg", Lang.EN));
  }

  @Test
  void roleInAnApposition() {
    assertEquals("segretario generale della NATO",
        role("Jens Stoltenberg, segretario generale della NATO, ha detto", "Jens Stoltenberg", Lang.IT));
  }

  @Test
  void roleBeforeACommaAndTheName() {
    assertEquals("presidente dell'Autorità",
        role("ha detto il presidente dell'Autorità, Luciano Marchetti, durante", "Luciano Marchetti", Lang.IT));
  }

  @Test
  void roleInAnAppositionAfterAPossessor() {
    assertEquals("chief executive",
        role("Lena Moss, the company's chief executive, opened the plant", "Lena Moss", Lang.EN));
  }

  @Test
  void aRoleFromAPlaceBeforeACommaAndTheName() {
    assertEquals("Republican senator from Texas",
        role("said the Republican senator from Texas, Ted Cruz, on Monday", "Ted Cruz", Lang.EN));
  }

  @Test
  void theRoleNounsOfARoleOrARolePhraseComeBeforeItsFirstPreposition() {
    assertEquals(Set.of("ministro"), Entities.roleNouns("ministro degli Esteri russo"));
    assertEquals(Set.of("ministro"), Entities.roleNouns("il ministro"));
    assertEquals(Set.of("minister"), Entities.roleNouns("Foreign Minister"));
    assertEquals(Set.of("chief", "executive"), Entities.roleNouns("the company's chief executive"));
    assertEquals(Set.of("ambasciatore"), Entities.roleNouns("l'ambasciatore"));
    assertEquals(Set.of("senator"), Entities.roleNouns("Sen."));
    assertEquals(Set.of(), Entities.roleNouns("the workers"));
  }

  @Test
  void aVerbBetweenRoleNounAndNameIsNoRole() {
    assertNull(role("il presidente ha incontrato Putin", "Putin", Lang.IT));
  }

  @Test
  void aShortMentionTakesTheFullestNameOfTheText() {
    List<Entity> mentions = new ArrayList<>();
    mentions.add(new Entity("Kim Jong Un", Entity.Type.PER, 0, 11, "Kim Jong Un", null));
    mentions.add(new Entity("Vladimir Putin", Entity.Type.PER, 20, 34, "Vladimir Putin", null));
    mentions.add(new Entity("Putin", Entity.Type.PER, 40, 45, "Putin", null));
    mentions.add(new Entity("Kim", Entity.Type.PER, 50, 53, "Kim", null));
    mentions.add(new Entity("Kim Il Sung", Entity.Type.LOC, 60, 71, "Kim Il Sung", null));
    List<Entity> linked = Entities.link(mentions, Map.of(1, "presidente"));
    assertEquals("Vladimir Putin", linked.get(2).canonical());
    assertEquals("presidente", linked.get(2).role());
    assertEquals("Kim Jong Un", linked.get(3).canonical());
    assertEquals("Kim Il Sung", linked.get(4).canonical());
  }

  @Test
  void aPlaceGoingOnWithLowerCaseWordsIsAnotherPlace() {
    List<Entity> linked = Entities.canonicalNames(mentions(Entity.Type.LOC, "Russia orientale", "Russia"));
    assertEquals("Russia", linked.get(1).canonical());
  }

  @Test
  void aNameAnotherGovernsIsItsOwnReferent() {
    List<Entity> linked = Entities.canonicalNames(mentions(Entity.Type.ORG,
        "Consiglio di Sicurezza delle Nazioni Unite", "Nazioni Unite", "Bank of America", "America"));
    assertEquals("Nazioni Unite", linked.get(1).canonical());
    assertEquals("America", linked.get(3).canonical());
  }

  @Test
  void aPlaceOrOrganisationTakesItsFullerFormOfTheText() {
    assertEquals("Stati Uniti d'America", Entities.canonicalNames(
        mentions(Entity.Type.LOC, "Stati Uniti d'America", "Stati Uniti")).get(1).canonical());
    assertEquals("United States Air Force", Entities.canonicalNames(
        mentions(Entity.Type.ORG, "United States Air Force", "Air Force")).get(1).canonical());
    assertEquals("iPhone 4", Entities.canonicalNames(
        mentions(Entity.Type.MISC, "iPhone 4", "iPhone")).get(1).canonical());
  }

  /** Mentions of {@code names}, all of {@code type}, one after another with a space between. */
  private static List<Entity> mentions(Entity.Type type, String... names) {
    List<Entity> out = new ArrayList<>();
    int at = 0;
    for (String name : names) {
      out.add(new Entity(name, type, at, at + name.length(), name, null));
      at += name.length() + 1;
    }
    return out;
  }

  @Test
  void aCountryThatActsIsStillAPlace() {
    String text = "L'Italia ha firmato ieri l'accordo sul gas con l'Algeria, ha detto il governo.";
    List<Token> tokens = Tokenizer.tokenize(text, Lang.IT);
    List<Entity> found = new Entities(new EntityTagger(SharedModels.MODELS))
        .find(text, Lang.IT, tokens, Sentences.split(text, tokens));
    assertEquals(List.of("Italia LOC", "Algeria LOC"), found.stream().map(e -> e.text() + " " + e.type()).toList());
  }

  @Test
  void aNameTypedTwoWaysTakesItsMostFrequentType() {
    List<Entity> voted = Entities.vote(List.of(
        new Entity("Russia", Entity.Type.ORG, 0, 6, "Russia", null),
        new Entity("Russia", Entity.Type.LOC, 10, 16, "Russia", null),
        new Entity("Russia", Entity.Type.ORG, 20, 26, "Russia", null)));
    assertEquals(List.of(Entity.Type.ORG, Entity.Type.ORG, Entity.Type.ORG), voted.stream().map(Entity::type).toList());
  }
}
