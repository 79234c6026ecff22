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

  /** Every command and subcommand, with its name as typed. */
  private static java.util.Map<String, picocli.CommandLine> commands(String prefix, picocli.CommandLine cl,
      java.util.Map<String, picocli.CommandLine> into) {
    cl.getSubcommands().forEach((name, sub) -> {
      into.put(prefix + name, sub);
      commands(prefix + name + " ", sub, into);
    });
    return into;
  }

  @Test
  void everyHelpParagraphIsCompleteSentences() {
    commands("", new picocli.CommandLine(new Main()), new java.util.TreeMap<>()).forEach((name, cl) -> {
      String[] description = cl.getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0, name + " has no description");
      for (String line : description) {
        String paragraph = line.replace("%n", "").strip(); // picocli's line break, as in its own help command
        assertTrue(paragraph.endsWith(".") || paragraph.startsWith("Example:"),
            "lente " + name + " --help: a paragraph is cut: " + paragraph);
      }
      for (picocli.CommandLine.Model.OptionSpec option : cl.getCommandSpec().options()) {
        for (String line : option.description()) {
          assertTrue(line.endsWith(".") || line.endsWith(")"), "lente " + name + " --help: " + option.longestName()
              + "'s description is cut: " + line);
        }
      }
    });
  }

  @Test
  void serveHelpNamesTheReaderAndItsAddress() {
    String help = CliRun.of("serve", "--help").out().replaceAll("\\s+", " ");

    assertTrue(help.contains("web reader"), help);
    assertTrue(help.contains("http://127.0.0.1:8080/"), help);
  }

  @Test
  void dataNamingAFileIsAUsageErrorThatSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a folder");

    CliRun run = CliRun.of("stats", "--data", file.toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains(file.toAbsolutePath() + " is a file: give a folder"), run.err());
  }
}
