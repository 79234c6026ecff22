package org.lente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PathDatesTest {

  @Test
  void aDayFolderGivesItsDate() {
    assertEquals(LocalDate.of(2011, 3, 8), PathDates.in("/archive/2011-03-08/senate.txt"));
  }

  @Test
  void yearMonthDayFoldersGiveTheirDate() {
    assertEquals(LocalDate.of(2011, 3, 8), PathDates.in("news/2011/03/08/senate.txt"));
  }

  @Test
  void aFileNameThatStartsWithTheDateGivesIt() {
    assertEquals(LocalDate.of(2011, 3, 8), PathDates.in("C:\\news\\20110308-senate.html"));
  }

  @Test
  void theDeepestDateWins() {
    assertEquals(LocalDate.of(2011, 3, 9), PathDates.in("crawl-2020-01-01/2011/03/09/senate.txt"));
  }

  @Test
  void numbersThatAreNoDayGiveNothing() {
    assertNull(PathDates.in("reports/2011-13-45/senate.txt"));
    assertNull(PathDates.in("reports/2011/senate-12.txt"));
    assertNull(PathDates.in("ids/201103081234/senate.txt"));
  }
}
