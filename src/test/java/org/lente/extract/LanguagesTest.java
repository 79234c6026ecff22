package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "it, it", "it-IT, it", "IT, it", "it_IT, it", "en-US, en", "en_GB, en", "de-DE-1996, de", "pt-BR, pt",
      "' fr ', fr", "ita, it", "eng, en", "ger, de", "deu, de", "nld, nl", "zh-Hant-TW, zh"})
  void normalizeGivesTheIso6391Code(String tag, String code) {
    assertEquals(code, Languages.normalize(tag));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "xx", "qq-QQ", "english", "italiano", "zzz", "i", "en US"})
  void normalizeGivesNullForWhatIsNotALanguageTag(String tag) {
    assertNull(Languages.normalize(tag));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      it | Il sindaco ha detto che il ponte sul fiume riaprirà domani, dopo tre anni di lavori e una spesa che è più del doppio di quella prevista per la città.
      en | The mayor said that the bridge over the river would reopen tomorrow, after three years of work and at a cost that was twice what the town had been told.
      de | Der Bürgermeister sagte, dass die Brücke über den Fluss morgen wieder geöffnet wird, nach drei Jahren Arbeit und mit Kosten, die doppelt so hoch sind wie geplant.
      fr | Le maire a dit que le pont sur la rivière sera rouvert demain, après trois ans de travaux et pour un coût qui est le double de ce qui était prévu pour la ville.
      es | El alcalde dijo que el puente sobre el río se abrirá mañana, después de tres años de obras y con un coste que es el doble de lo que se había previsto para la ciudad.
      """)
  void detectFindsTheLanguageOfASentenceOrTwo(String code, String text) {
    assertEquals(code, Languages.detect(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "Il ponte", "12345 67890 !!!", "Lorem ipsum dolor sit amet consectetur adipiscing elit"})
  void detectGivesNullWhenThereIsTooLittleToTell(String text) {
    assertNull(Languages.detect(text));
  }
}
