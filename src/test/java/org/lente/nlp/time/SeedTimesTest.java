package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time expressions of the article that started the project, dated against its publication day. */
class SeedTimesTest {

  private static final Path SEED = Path.of("..", "shared", "seed", "kim-putin-pyongyang.it.txt");
  private static List<Timex> found;

  @BeforeAll
  static void tag() throws IOException {
    // each test skips with the reason (skipWithoutTheSeed): an assumption here left surefire's report with no test
    if (Files.isRegularFile(SEED)) {
      found = new TimeTagger().find(Files.readString(SEED), Lang.IT, LocalDate.of(2024, 6, 19));
    }
  }

  @BeforeEach
  void skipWithoutTheSeed() {
    Assumptions.assumeTrue(found != null, "seed article not found at " + SEED.toAbsolutePath() + ": skipping");
  }

  private List<String> valuesOf(String text) {
    return found.stream().filter(t -> t.text().equals(text)).map(Timex::value).toList();
  }

  @Test
  void weekdaysFallInTheWeekOfPublication() {
    assertTrue(valuesOf("Mercoledì").stream().allMatch("2024-06-19"::equals), valuesOf("Mercoledì").toString());
    assertEquals(List.of("2024-06-17"), valuesOf("lunedì"));
    assertEquals(List.of("2024-06-18"), valuesOf("martedì"));
  }

  @Test
  void aBareMonthInAPastSentenceIsThisYear() {
    assertEquals(List.of("2024-03"), valuesOf("marzo"));
  }

  @Test
  void monthYearLastYearAndYearLists() {
    assertEquals(List.of("2023-09"), valuesOf("settembre 2023"));
    assertEquals(List.of("2023"), valuesOf("l\u2019anno scorso"));
    assertEquals(List.of("1961"), valuesOf("1961"));
    assertEquals(List.of("2000"), valuesOf("2000"));
    assertEquals(List.of("2001"), valuesOf("2001"));
  }

  @Test
  void aSpanOfYearsIsADuration() {
    Timex t = found.stream().filter(x -> x.text().equals("in 24 anni")).findFirst().orElseThrow();
    assertEquals(Timex.Type.DURATION, t.type());
    assertEquals("P24Y", t.value());
  }
}
