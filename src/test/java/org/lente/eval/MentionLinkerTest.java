package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lente.eval.CorefEval.Mention;
import org.lente.nlp.ner.Entity;

class MentionLinkerTest {

  /** A mention of document "d" over tokens [first, last]; names are their own canonical name here. */
  private static Mention m(String id, int first, int last, String text, Entity.Type type, boolean named) {
    return new Mention("d#" + id, first, last, text, type, named, "gold");
  }

  /** The entity of each mention, in order, with each name its own entity "e:" + its text. */
  private static Map<String, String> link(Mention... mentions) {
    List<Mention> all = List.of(mentions);
    List<Mention> names = all.stream().filter(Mention::named).toList();
    List<Entity> canonical = new ArrayList<>();
    Map<String, String> nameEntities = new HashMap<>();
    for (Mention n : names) {
      canonical.add(new Entity(n.text(), n.type(), 0, n.text().length(), n.text(), null));
      nameEntities.put(n.id(), "e:" + n.text());
    }
    MentionLinker linker = new MentionLinker(all, names, canonical, nameEntities);
    Map<String, String> out = new HashMap<>();
    for (Mention x : all) {
      out.put(x.id().substring(2), linker.entityOf(x));
    }
    return out;
  }

  @Test
  void aPhraseWithARoleAndANameJoinsThatPerson() {
    Map<String, String> e = link(m("1", 0, 1, "Steve Jobs", Entity.Type.PER, true),
        m("2", 10, 13, "Apple CEO Steve Jobs", Entity.Type.PER, false));
    assertEquals("e:Steve Jobs", e.get("2"));
  }

  @Test
  void aRoleAloneJoinsTheNearestPerson() {
    Map<String, String> e = link(m("1", 0, 1, "Louis Gallois", Entity.Type.PER, true),
        m("2", 5, 7, "Airbus chief executive", Entity.Type.PER, false));
    assertEquals("e:Louis Gallois", e.get("2"));
  }

  @Test
  void aPhraseThatCountsIsNotTheNameInIt() {
    Map<String, String> e = link(m("1", 0, 0, "787", Entity.Type.MISC, true),
        m("2", 8, 9, "50 787s", Entity.Type.MISC, false));
    assertEquals("alone:d#2", e.get("2"));
  }

  @Test
  void aRelativePronounJoinsThePhraseJustBeforeIt() {
    Map<String, String> e = link(m("1", 0, 0, "iPhone", Entity.Type.MISC, true),
        m("2", 10, 12, "a metal strip", Entity.Type.MISC, false),
        m("3", 14, 14, "which", Entity.Type.MISC, false));
    assertEquals(e.get("2"), e.get("3"));
    assertNotEquals("e:iPhone", e.get("3"));
  }

  @Test
  void aPluralPronounOfPersonsJoinsAPluralPhraseNotAPersonsName() {
    Map<String, String> e = link(m("1", 0, 1, "Steve Jobs", Entity.Type.PER, true),
        m("2", 6, 8, "iPhone 4 owners", Entity.Type.PER, false),
        m("3", 12, 12, "their", Entity.Type.PER, false));
    assertEquals(e.get("2"), e.get("3"));
  }

  @Test
  void aShortDefinitePhraseJoinsTheNearestNameOfItsType() {
    Map<String, String> e = link(m("1", 0, 0, "Airbus", Entity.Type.ORG, true),
        m("2", 4, 4, "Paris", Entity.Type.LOC, true),
        m("3", 9, 10, "the company", Entity.Type.ORG, false));
    assertEquals("e:Airbus", e.get("3"));
  }

  @Test
  void aPluralDefinitePhraseIsNotASingleName() {
    Map<String, String> e = link(m("1", 0, 0, "Apple", Entity.Type.ORG, true),
        m("2", 5, 7, "the two companies", Entity.Type.ORG, false));
    assertEquals("alone:d#2", e.get("2"));
  }

  @Test
  void aPhraseRepeatedInTheDocumentIsOneEntity() {
    Map<String, String> e = link(m("1", 0, 1, "air carriers", Entity.Type.ORG, false),
        m("2", 20, 22, "the air carriers", Entity.Type.ORG, false));
    assertEquals(e.get("1"), e.get("2"));
  }

  @Test
  void namesAndCanonicalNamesMustPair() {
    Mention n = m("1", 0, 0, "Apple", Entity.Type.ORG, true);
    assertThrows(IllegalArgumentException.class, () -> new MentionLinker(List.of(n), List.of(n), List.of(), Map.of()));
  }
}
