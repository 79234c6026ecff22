package org.lente.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;

/**
 * Exact-match evaluation of {@link TimeTagger#duckling} against Duckling's phrase corpus TSV
 * (columns: text, kind, modifier, values, grain, ...; reference 2013-02-12T04:30:00 local time).
 * A phrase counts as correct when both the value (instant or {@code start|end}) and the grain match;
 * Duckling's "0" month or day (unspecified at this grain) is read as 1.
 */
public final class TimexEval {
  /** Duckling's reference time, without its UTC-2 offset: the tagger works in local time. */
  public static final LocalDateTime REFERENCE = LocalDateTime.of(2013, 2, 12, 4, 30);

  /** Outcome of one run: counts and the failed phrases as {@code text \t expected \t got}. */
  public record Result(Lang lang, int total, int correct, List<String> failures) {
    public Result {
      Objects.requireNonNull(lang, "lang");
      if (total < 0 || correct < 0 || correct > total) {
        throw new IllegalArgumentException("bad counts: total=" + total + ", correct=" + correct);
      }
      failures = List.copyOf(failures);
    }

    public double accuracy() {
      return total == 0 ? 0 : (double) correct / total;
    }
  }

  private final TimeTagger tagger;

  public TimexEval(TimeTagger tagger) {
    this.tagger = Objects.requireNonNull(tagger, "tagger");
  }

  /** Reads a Duckling TSV with a header line and scores every row. */
  public Result run(Path tsv, Lang lang) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    int total = 0;
    int correct = 0;
    List<String> failures = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      if (c.length < 5 || c[0].isBlank()) {
        continue;
      }
      String text = unquote(c[0]);
      String expected = normalise(c[3]) + " " + c[4];
      Optional<TimeTagger.DucklingValue> v = tagger.duckling(text, lang, REFERENCE);
      String got = v.map(x -> x.value() + " " + x.grain()).orElse("-");
      total++;
      if (got.equals(expected)) {
        correct++;
      } else {
        failures.add(text + "\t" + expected + "\t" + got);
      }
    }
    return new Result(lang, total, correct, failures);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
  }

  /** Duckling's month/day 00 means "unspecified": render it as 01, as the tagger does. */
  static String normalise(String values) {
    return values.replaceAll("(\\d{4})-00-00", "$1-01-01").replaceAll("(\\d{4}-\\d{2})-00", "$1-01");
  }
}
