package org.lente.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      Wed, 31 Jan 2018 07:26:05 GMT       | 2018-01-31T07:26:05Z
      Sat, 23 Jan 2016 15:40:37 +0000     | 2016-01-23T15:40:37Z
      Tue, 14 May 2024 09:30:00 +0200     | 2024-05-14T09:30:00+02:00
      14 May 2024 09:30 EST               | 2024-05-14T09:30:00-05:00
      Mon, 6 Sep 2010 00:01:00 +0000      | 2010-09-06T00:01:00Z
      Thu, 01 Feb 18 10:00:00 XYZ         | 2018-02-01T10:00:00
      2016-02-01T16:22:00.000Z            | 2016-02-01T16:22:00Z
      2024-05-14T09:30:00+02:00           | 2024-05-14T09:30:00+02:00
      2024-05-14 09:30:00+0200            | 2024-05-14T09:30:00+02:00
      2024-05-14T09:30                    | 2024-05-14T09:30:00
      2016-11-21                          | 2016-11-21
      yesterday                           | null
      Mon, 31 Feb 2018 10:00:00 GMT       | null
      """)
  void datesBecomeIso8601(String raw, String expected) {
    assertEquals(expected, FeedDates.iso(raw));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertEquals("2018-01-03T13:47:00Z", FeedDates.iso("Wed, 03 Jan 2018 13:47:00 GMT\r\n      "));
  }
}
