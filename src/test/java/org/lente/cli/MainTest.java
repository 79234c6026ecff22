package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--help", "extract --help", "eval --help", "help extract", "help eval", "extract -h"})
  void helpExitsZeroAndPrintsUsage(String args) {
    CliRun run = CliRun.of(args.split(" "));

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Usage: lente"), run.out());
  }

  @Test
  void extractHelpListsItsOptions() {
    String help = CliRun.of("extract", "--help").out();

    for (String option : new String[] {"--json", "--url", "--max-bytes", "--max-depth"}) {
      assertTrue(help.contains(option), option + " missing from:\n" + help);
    }
  }

  @Test
  void versionExitsZero() {
    CliRun run = CliRun.of("--version");

    assertEquals(0, run.code());
    assertTrue(run.out().startsWith("lente "), run.out());
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertEquals(1, run.code());
    assertTrue(run.err().contains("Missing a command"), run.err());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertEquals(1, CliRun.of("summarise", "page.html").code());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRun run = CliRun.of("extract", "--bogus", "page.html");

    assertEquals(1, run.code());
    assertTrue(run.err().contains("--bogus"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void extractWithoutInputsIsAUsageError() {
    assertEquals(1, CliRun.of("extract").code());
  }
}
