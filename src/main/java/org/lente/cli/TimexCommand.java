package org.lente.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lente timex}: the first time expression of each input line, normalised against a reference
 * time, as {@code input<TAB>value<TAB>grain} in the convention of Duckling's corpus (an instant at
 * its grain, or {@code start|end} with the end exclusive; empty when nothing is found).
 */
@Command(
    name = "timex",
    mixinStandardHelpOptions = true,
    description = {
        "Finds the first time expression on each line and normalises it against --ref.",
        "Prints input<TAB>value<TAB>grain; value and grain are empty when nothing is found."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class TimexCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--ref", required = true, paramLabel = "ISO-8601",
      description = "The reference time: a date (2024-06-19) or a date-time (2013-02-12T04:30:00-02:00).")
  String ref;

  @Option(names = "--lang", required = true, paramLabel = "it|en", description = "The language of the input.")
  String lang;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "One expression or sentence per line; - or none for stdin.")
  String file;

  @Override
  public Integer call() throws IOException {
    LocalDateTime reference = parseReference(ref);
    Lang language = switch (lang.toLowerCase(Locale.ROOT)) {
      case "it" -> Lang.IT;
      case "en" -> Lang.EN;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be it or en: " + lang);
    };
    TimeTagger tagger = new TimeTagger();
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader in = new BufferedReader(open())) {
      for (String line; (line = in.readLine()) != null; ) {
        Optional<TimeTagger.DucklingValue> v = tagger.duckling(line, language, reference);
        out.println(line + "\t" + v.map(TimeTagger.DucklingValue::value).orElse("") + "\t"
            + v.map(TimeTagger.DucklingValue::grain).orElse(""));
      }
    }
    out.flush();
    return 0;
  }

  private Reader open() throws IOException {
    if (file == null || file.equals("-")) {
      return new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }

  /** A date, a local date-time, or a date-time with an offset (its local time is kept). */
  private LocalDateTime parseReference(String value) {
    try {
      if (value.length() <= 10) {
        return LocalDate.parse(value).atStartOfDay();
      }
      try {
        return OffsetDateTime.parse(value).toLocalDateTime();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(value);
      }
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--ref is not an ISO-8601 date or date-time: " + value);
    }
  }
}
