package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
