package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LangTest {

  @Test
  void theParameterWinsOverTheCookieAndTheHeader() {
    assertEquals("it", Lang.choose("it", "en", "en-US"));
  }

  @Test
  void theCookieWinsOverTheHeader() {
    assertEquals("en", Lang.choose(null, "en", "it-IT,it;q=0.9"));
  }

  @Test
  void theBestSpokenLanguageOfTheHeaderIsChosen() {
    assertEquals("it", Lang.choose(null, null, "fr-FR,fr;q=0.9,it;q=0.8,en;q=0.7"));
  }

  @Test
  void unknownOrMalformedValuesGiveEnglish() {
    assertEquals("en", Lang.choose("xx", "<script>", "de-DE"));
    assertEquals("en", Lang.choose(null, null, ";;;q=abc,,"));
    assertEquals("en", Lang.choose(null, null, null));
  }
}
