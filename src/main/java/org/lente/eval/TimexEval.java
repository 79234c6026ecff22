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
 * The same figure as the team's ruler ({@code ../shared/tools/measure timex}): see {@link #run}.
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

  /**
   * Scores every row of a Duckling TSV (with its header line) as the team's ruler does: the tagger
   * reads each phrase as {@code lente timex} reads the TSV's first column, and a row is right when
   * the answer, cut to the gold grain, equals one of the values listed for its text (rows sharing a
   * text pool them, alternatives separated by {@code ;}) with that grain ({@code score_timex.py}).
   */
  public Result run(Path tsv, Lang lang) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    java.util.Map<String, java.util.Set<String>> accept = new java.util.HashMap<>();
    java.util.Map<String, String> answers = new java.util.HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      if (c.length < 5 || c[0].isBlank()) {
        continue;
      }
      String text = unquote(c[0]);
      rows.add(new String[] {text, c[3], c[4]});
      String grain = c[4].strip().toLowerCase(java.util.Locale.ROOT);
      for (String v : c[3].split(";")) {
        if (!v.isBlank()) {
          accept.computeIfAbsent(text, x -> new java.util.HashSet<>()).add(cut(v, grain) + " " + grain);
        }
      }
      // the ruler's tagger input is the raw column; its answer is found under the phrase's text only when they agree
      answers.computeIfAbsent(c[0], raw -> tagger.duckling(raw, lang, REFERENCE)
          .map(x -> x.value() + "\t" + x.grain()).orElse(""));
    }
    int correct = 0;
    List<String> failures = new ArrayList<>();
    for (String[] r : rows) {
      String answer = answers.getOrDefault(r[0], "");
      String[] vg = answer.split("\t", -1);
      boolean right = false;
      for (String ok : accept.getOrDefault(r[0], java.util.Set.of())) {
        String grain = ok.substring(ok.lastIndexOf(' ') + 1);
        right |= !answer.isEmpty() && ok.equals(cut(vg[0], grain) + " " + vg[1].strip().toLowerCase(java.util.Locale.ROOT));
      }
      if (right) {
        correct++;
      } else {
        failures.add(r[0] + "\t" + r[1] + " " + r[2] + "\t" + (answer.isEmpty() ? "-" : answer.replace('\t', ' ')));
      }
    }
    return new Result(lang, rows.size(), correct, failures);
  }

  /** A value cut to a grain as the ruler cuts it: each end of {@code start|end} to the grain's length. */
  static String cut(String value, String grain) {
    Integer n = switch (grain) {
      case "year" -> 4;
      case "quarter", "month" -> 7;
      case "week", "day" -> 10;
      case "hour" -> 13;
      case "minute" -> 16;
      case "second" -> 19;
      default -> null;
    };
    String v = value.strip();
    if (n == null || v.isEmpty()) {
      return v;
    }
    StringBuilder out = new StringBuilder();
    for (String part : v.split("\\|", -1)) {
      String p = part.strip();
      out.append(out.isEmpty() ? "" : "|").append(p.substring(0, Math.min(n, p.length())));
    }
    return out.toString();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
  }
}
