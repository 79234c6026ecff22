package org.lente.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Date options: ISO-8601, or a usage error that names the option. */
final class Dates {

  private Dates() {}

  /** {@code value} as a date (a date-time keeps its date), null for null. */
  static LocalDate parse(CommandLine cl, String value, String option) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(cl, option + " is not an ISO-8601 date: " + value);
    }
  }
}
