package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageProfilesTest {

  private static final LanguageProfiles STANDARD = LanguageProfiles.standard();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      it | Chiusa la strada per Ponte Vecchio. I lavori dureranno fino alla fine di maggio, ha detto il sindaco.
      it | Sciopero dei treni venerdì. Si fermano anche gli autobus della città per quattro ore.
      it | Nevica sulle Alpi, strade chiuse. La protezione civile chiede di non mettersi in viaggio.
      en | Bridge closed until May. The works will last until the end of the month, the mayor said.
      en | Train strike on Friday. Buses in the city will also stop for four hours.
      en | Snow closes mountain roads. Officials asked drivers to stay at home.
      es | Cerrado el puente hasta mayo. Las obras durarán hasta el final del mes, dijo el alcalde.
      es | Huelga de trenes el viernes. También se detienen los autobuses de la ciudad durante cuatro horas.
      """)
  void aHeadlineAndASentenceAreEnough(String code, String item) {
    assertEquals(code, STANDARD.identify(item).language());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
      "Cerrado el puente hasta mayo. Las obras durarán hasta el final del mes, dijo el alcalde.",
      "Los médicos del hospital trabajan sin descanso desde el lunes."})
  void spanishIsNeverTakenForItalianOrEnglish(String item) {
    String said = STANDARD.identify(item).language();
    assertNotEquals("it", said);
    assertNotEquals("en", said);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "2024", "!!! ---", "Москва и Санкт-Петербург", "Αθήνα"})
  void nothingTheProfilesKnowIsUnknown(String text) {
    LanguageProfiles.Guess g = STANDARD.identify(text);
    assertTrue(g.unknown(), () -> text + " -> " + g);
  }

  @Test
  void textTheProfilesMostlyLackIsUnknownWhateverItsLead() {
    LanguageProfiles built = new LanguageProfiles.Builder()
        .add("it", "il gatto dorme sul divano della nonna")
        .add("en", "the cat sleeps on the sofa of the grandmother")
        .build(50, 0, 0.5);
    assertEquals("it", built.identify("gatto").language());
    assertTrue(built.identify("gatto xyzqwk vvbbzz").unknown());
  }

  @Test
  void aLoneNameIsUnknown() {
    LanguageProfiles.Guess g = STANDARD.identify("Ban");
    assertTrue(g.unknown(), g::toString);
  }

  @Test
  void evidenceGrowsWithLength() {
    LanguageProfiles.Guess shortOne = STANDARD.identify("La strada");
    LanguageProfiles.Guess longer = STANDARD.identify("La strada per il centro resta chiusa fino a domani sera.");
    assertEquals("it", longer.language());
    assertTrue(longer.lead() > shortOne.lead(), () -> shortOne + " vs " + longer);
  }

  @Test
  void builtProfilesSurviveWritingAndReading() throws IOException {
    LanguageProfiles built = new LanguageProfiles.Builder()
        .add("it", "il gatto dorme sul divano della nonna e il cane gioca nel giardino della casa")
        .add("en", "the cat sleeps on the sofa of the grandmother and the dog plays in the garden of the house")
        .build(50, 1.0, 0);
    StringWriter w = new StringWriter();
    built.write(w, List.of("test"));
    LanguageProfiles read = LanguageProfiles.read(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(built.languages(), read.languages());
    String text = "il cane della casa";
    assertEquals(built.identify(text), read.identify(text));
    assertEquals("it", read.identify(text).language());
  }

  @Test
  void aMarginDecidesBetweenALanguageAndUnknown() {
    LanguageProfiles built = new LanguageProfiles.Builder()
        .add("it", "il gatto dorme sul divano della nonna")
        .add("en", "the cat sleeps on the sofa of the grandmother")
        .build(50, 0, 0);
    LanguageProfiles.Guess g = built.identify("gatto");
    assertEquals("it", g.language());
    assertTrue(built.withMargin(g.lead() + 0.01).identify("gatto").unknown());
  }

  @Test
  void aBrokenProfileFileNamesItsLine() {
    IOException e = assertThrows(IOException.class, () -> LanguageProfiles.read(new ByteArrayInputStream(
        "margin\t2.0\ncoverage\t0.2\ntotal\tit\t1\t1\t1\t1\nit\tab\tmany\n".getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }
}
