package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lente.nlp.ner.Entity.Type;

class EntityResolverTest {

  private final EntityResolver resolver = new EntityResolver();

  @Test
  void putinAndVladimirPutinInTwoLanguagesAreOnePerson() {
    ResolvedEntity italian = resolver.resolve("Vladimir Putin", Type.PER, "it");
    ResolvedEntity bare = resolver.resolve("Putin", Type.PER, "it");
    ResolvedEntity english = resolver.resolve("Vladimir Putin", Type.PER, "en");
    assertEquals(italian.key(), bare.key());
    assertEquals(italian.key(), english.key());
    assertEquals(1, resolver.size());
  }

  @Test
  void aFullerNameArrivingLaterJoinsTheSurnameAndBecomesThePreferredName() {
    resolver.resolve("Putin", Type.PER, "en");
    ResolvedEntity full = resolver.resolve("Vladimir Putin", Type.PER, "en");
    assertEquals(full.key(), resolver.resolve("Putin", Type.PER, "en").key());
    assertEquals("Vladimir Putin", full.name());
    assertEquals(1, resolver.size());
  }

  @Test
  void theItalianAndEnglishTransliterationsOfAPersonAreOnePerson() {
    resolver.resolve("Sergej Lavrov", Type.PER, "it");
    resolver.resolve("Sergei Lavrov", Type.PER, "en");
    resolver.resolve("Sergei Lavrov", Type.PER, "en");
    ResolvedEntity italian = resolver.find("Sergej Lavrov", Type.PER).orElseThrow();
    assertEquals(italian, resolver.find("Sergei Lavrov", Type.PER).orElseThrow());
    assertEquals("Sergei Lavrov", italian.name()); // written so twice, "Sergej Lavrov" once
    assertEquals(1, resolver.size());
  }

  @Test
  void aSurnameInOneTransliterationJoinsTheFullNameInAnother() {
    resolver.resolve("Navalnyj", Type.PER, "it");
    ResolvedEntity full = resolver.resolve("Alexei Navalny", Type.PER, "en");
    assertEquals(full.key(), resolver.find("Navalnyj", Type.PER).orElseThrow().key());
    assertEquals(1, resolver.size());
  }

  @Test
  void namesThatNoTransliterationSeparatesStayTwo() {
    resolver.resolve("Jan Smith", Type.PER, "en");
    resolver.resolve("Ian Smith", Type.PER, "en");
    resolver.resolve("Kim Yong Nam", Type.PER, "en");
    resolver.resolve("Kim Jong Nam", Type.PER, "en");
    assertEquals(4, resolver.size());
  }

  @Test
  void coreaDelNordAndNorthKoreaAreOneCountry() {
    ResolvedEntity it = resolver.resolve("Corea del Nord", Type.LOC, "it");
    ResolvedEntity en = resolver.resolve("North Korea", Type.LOC, "en");
    assertEquals(it.key(), en.key());
    assertEquals("North Korea", en.name());
  }

  @Test
  void statiUnitiUnitedStatesUsaAndUsAreOneCountry() {
    String key = resolver.resolve("Stati Uniti", Type.LOC, "it").key();
    for (String name : List.of("United States", "USA", "U.S.", "Usa")) {
      assertEquals(key, resolver.resolve(name, Type.LOC, "en").key(), name);
    }
  }

  @Test
  void securityCouncilAndPresidentialBuildingsMatchAcrossLanguages() {
    assertEquals(resolver.resolve("Consiglio di Sicurezza delle Nazioni Unite", Type.ORG, "it").key(),
        resolver.resolve("UN Security Council", Type.ORG, "en").key());
    assertEquals(resolver.resolve("Casa Bianca", Type.LOC, "it").key(),
        resolver.resolve("White House", Type.ORG, "en").key());
    assertEquals(resolver.resolve("Cremlino", Type.ORG, "it").key(),
        resolver.resolve("Kremlin", Type.ORG, "en").key());
  }

  @Test
  void hyphensAndCaseDoNotSeparateNames() {
    assertEquals(resolver.resolve("Kim Jong-un", Type.PER, "en").key(),
        resolver.resolve("Kim Jong Un", Type.PER, "it").key());
    assertEquals(resolver.resolve("NATO", Type.ORG, "en").key(), resolver.resolve("Nato", Type.ORG, "it").key());
  }

  @Test
  void twoKimsStayTwoAndABareKimDoesNotJoinEither() {
    ResolvedEntity un = resolver.resolve("Kim Jong Un", Type.PER, "en");
    ResolvedEntity sung = resolver.resolve("Kim Il Sung", Type.PER, "en");
    ResolvedEntity kim = resolver.resolve("Kim", Type.PER, "en");
    assertNotEquals(un.key(), sung.key());
    assertNotEquals(un.key(), kim.key());
    assertNotEquals(sung.key(), kim.key());
  }

  @Test
  void aBareNameJoinsTheOnlyPersonWithThatWord() {
    String key = resolver.resolve("Kim Jong Un", Type.PER, "en").key();
    assertEquals(key, resolver.resolve("Kim", Type.PER, "en").key());
  }

  @Test
  void aFullerNameDoesNotPickAmongTwoPersonsWithItsSurname() {
    resolver.resolve("Jeb Bush", Type.PER, "en");
    resolver.resolve("George W. Bush", Type.PER, "en");
    String bush = resolver.resolve("Bush", Type.PER, "en").key();
    ResolvedEntity laura = resolver.resolve("Laura Bush", Type.PER, "en");
    assertNotEquals(bush, laura.key());
    assertEquals(4, resolver.size(), resolver.entities().toString());
  }

  @Test
  void aCountryTaggedOrganisationAndPlaceIsOneEntityOfTheMostFrequentType() {
    resolver.resolve("Russia", Type.ORG, "it");
    resolver.resolve("Russia", Type.LOC, "en");
    ResolvedEntity russia = resolver.resolve("Russia", Type.LOC, "it");
    assertEquals(1, resolver.size());
    assertEquals(Type.LOC, russia.type());
    assertEquals(2, russia.typeCounts().get(Type.LOC));
  }

  @Test
  void aPersonAndAPlaceWithTheSameNameStayTwo() {
    assertNotEquals(resolver.resolve("Washington", Type.PER, "en").key(),
        resolver.resolve("Washington", Type.LOC, "en").key());
  }

  @Test
  void anAcronymJoinsTheOneOrganisationItsInitialsSpell() {
    String full = resolver.resolve("European Aeronautic Defence and Space Company", Type.ORG, "en").key();
    assertEquals(full, resolver.resolve("EADS", Type.ORG, "en").key());
  }

  @Test
  void anOrganisationsLegalFormDoesNotSeparateIt() {
    assertEquals(resolver.resolve("Apple Inc.", Type.ORG, "en").key(), resolver.resolve("Apple", Type.ORG, "en").key());
  }

  @Test
  void natoAndItsItalianNameAreOneOrganisationThroughTheTable() {
    assertEquals(resolver.resolve("Organizzazione del Trattato dell'Atlantico del Nord", Type.ORG, "it").key(),
        resolver.resolve("NATO", Type.ORG, "en").key());
  }

  @Test
  void concurrentCallersGetOneEntityPerName() throws Exception {
    List<String> names = List.of("Stati Uniti", "USA", "United States", "U.S.", "Corea del Nord", "North Korea");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          List<String> keys = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            String name = names.get(i % names.size());
            keys.add(resolver.resolve(name, Type.LOC, "en").key());
          }
          return keys;
        }));
      }
      List<String> first = runs.get(0).get();
      for (Future<List<String>> run : runs) {
        assertEquals(first, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, resolver.size());
    assertEquals(1600, resolver.entities().stream().mapToInt(e -> e.typeCounts().get(Type.LOC)).sum());
  }

  @Test
  void keysAreTheSameInEveryRunForTheSameCalls() {
    EntityResolver other = new EntityResolver();
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (String name : List.of("Putin", "Corea del Nord", "Vladimir Putin", "Kim", "North Korea", "Kim Jong Un")) {
      Type type = name.contains("Corea") || name.contains("Korea") ? Type.LOC : Type.PER;
      a.add(resolver.resolve(name, type, "it").key());
      b.add(other.resolve(name, type, "it").key());
    }
    assertEquals(a, b);
    assertEquals(List.of("per:putin", "loc:north-korea", "per:vladimir-putin", "per:kim", "loc:north-korea",
        "per:kim-jong-un"), a);
  }

  @Test
  void sightingsRestoreToAResolverWithTheSameEntitiesThatContinuesTheSame() {
    for (String name : List.of("Vladimir Putin", "Kim Jong Un", "Kim Il Sung", "Steve Jobs", "Putin", "Kim")) {
      resolver.resolve(name, Type.PER, "en");
    }
    resolver.resolve("Casa Bianca", Type.ORG, "it");
    EntityResolver restored = EntityResolver.of(resolver.sightings(), Equivalents.builtIn());
    assertEquals(resolver.entities(), restored.entities());
    for (String name : List.of("Jobs", "Jong Un Kim", "Sergei Lavrov", "Lavrov")) {
      assertEquals(resolver.resolve(name, Type.PER, "en"), restored.resolve(name, Type.PER, "en"), name);
    }
    assertEquals(resolver.resolve("White House", Type.ORG, "en"), restored.resolve("White House", Type.ORG, "en"));
    assertEquals(resolver.entities(), restored.entities());
  }

  /** Every order of these names, as an article gives them. */
  private static final List<String> NAMES = List.of("Putin", "Vladimir Putin", "Kim", "Kim Jong Un", "Kim Il Sung",
      "Mario Rossi", "Luca Rossi", "Rossi", "Jong Un", "Sergej Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Lavrov",
      "Dmitrij Peskov", "Dmitry Peskov");

  @Test
  void theSameNamesInAnyOrderGiveTheSameEntities() {
    java.util.Set<List<ResolvedEntity>> outcomes = new java.util.HashSet<>();
    java.util.Random random = new java.util.Random(15);
    for (int run = 0; run < 200; run++) {
      List<String> order = new ArrayList<>(NAMES);
      java.util.Collections.shuffle(order, random);
      EntityResolver r = new EntityResolver();
      order.forEach(n -> r.resolve(n, Type.PER, "it"));
      outcomes.add(r.entities());
    }
    assertEquals(1, outcomes.size(), outcomes.toString());
    List<ResolvedEntity> entities = outcomes.iterator().next();
    assertEquals(List.of("per:dmitrij-peskov", "per:kim", "per:kim-il-sung", "per:kim-jong-un", "per:luca-rossi",
        "per:mario-rossi", "per:rossi", "per:sergei-lavrov", "per:vladimir-putin"),
        entities.stream().map(ResolvedEntity::key).toList());
  }

  @Test
  void aBareNameLeavesTheOnlyPersonWithThatWordWhenASecondComes() {
    EntityResolver.Observation first = resolver.observe(KnowledgeBaseTest.analysis("en", "2024-01-01",
        "Kim Jong Un met Kim.", "PER:Kim Jong Un"));
    assertEquals(Map.of(), first.moved());
    resolver.resolve("Kim", Type.PER, "en");
    EntityResolver.Observation second = resolver.observe(KnowledgeBaseTest.analysis("en", "2024-01-02",
        "Kim Il Sung was there.", "PER:Kim Il Sung"));
    assertEquals(Map.of("P|kim", "Kim"), second.moved());
  }

  @Test
  void aFullerNameMovesTheBareOneToItsEntity() {
    resolver.resolve("Putin", Type.PER, "it");
    EntityResolver.Observation o = resolver.observe(KnowledgeBaseTest.analysis("it", "2024-01-01",
        "Vladimir Putin parla.", "PER:Vladimir Putin"));
    assertEquals(Map.of("P|putin", "Vladimir Putin"), o.moved());
    assertEquals("Vladimir Putin", o.analysis().entities().get(0).canonical());
  }

  @Test
  void forgettingAnObservationRestoresTheEntitiesBeforeIt() {
    resolver.resolve("Kim", Type.PER, "en");
    resolver.resolve("Kim Jong Un", Type.PER, "en");
    List<ResolvedEntity> before = resolver.entities();
    EntityResolver.Observation o = resolver.observe(KnowledgeBaseTest.analysis("en", "2024-01-02",
        "Kim Il Sung was there.", "PER:Kim Il Sung"));
    resolver.forget(o.sightings());
    assertEquals(before, resolver.entities());
  }

  @Test
  void aNameWithoutLettersIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> resolver.resolve(" -- ", Type.ORG, "en"));
  }
}
