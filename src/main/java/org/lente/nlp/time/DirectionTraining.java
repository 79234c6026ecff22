package org.lente.nlp.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.lente.learn.Logistic;

/**
 * Learns {@link Direction}'s model from TimeML news: every bare weekday, month, day of month or quarter the tagger
 * reads in a document is a case, labelled by which of its two readings the gold TIMEX3 holds (cases whose gold is
 * neither are left out). Validated across folds (each fold scored by a model fitted on the others, beside the tense
 * rule it replaces: ahead in a future sentence, else back), then fitted on every case and written as the weights file.
 * The cases a rule outside the model decides ({@link Direction.Constraint}) are counted apart, against the shipped
 * model's reading of them, and stay in the fit, so that adding a rule leaves the model as it was.
 * Run by {@code scripts/train-time-direction}, which writes the documents with {@code bench/timex-news.py --cases}.
 */
public final class DirectionTraining {
  /** The L2 penalty and the gradient steps: fixed beforehand, not searched. */
  private static final double LAMBDA = 1e-3;
  private static final int ITERATIONS = 5000;
  /** A case belongs to a gold TIMEX3 that it overlaps or that starts at most this many characters after it ("the"). */
  private static final int LEAD = 5;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  /** The characters of context before a case that the table of constrained cases shows. */
  private static final int CONTEXT = 60;

  /**
   * One labelled case: its fold, its features, whether the gold holds the reading ahead, the rule outside the model
   * that decides it and the text before it (for reading the rule's cases).
   */
  record Example(String fold, double[] x, boolean ahead, Direction.Kind kind, Direction.Constraint constraint, String context) {}

  private DirectionTraining() {}

  /** Arguments: the cases file (JSON lines: fold, lang, dct, paragraphs, gold) and the weights file to write. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: DirectionTraining CASES.jsonl MODEL.tsv");
      System.exit(2);
    }
    List<Example> examples = examples(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
    TreeMap<String, List<Example>> folds = new TreeMap<>();
    for (Example e : examples) {
      folds.computeIfAbsent(e.fold(), f -> new ArrayList<>()).add(e);
    }
    for (var fold : folds.entrySet()) {
      List<Example> train = examples.stream().filter(e -> !e.fold().equals(fold.getKey())).toList();
      double[] w = fit(train);
      long model = fold.getValue().stream().filter(e -> Logistic.probability(w, e.x()) > 0.5 == e.ahead()).count();
      long rule = fold.getValue().stream().filter(e -> (e.x()[Direction.FEATURES.indexOf("future_cue")] > 0) == e.ahead()).count();
      System.out.printf(Locale.ROOT, "%s: %d cases, model (fitted on the other folds) %.3f, tense rule %.3f%n",
          fold.getKey(), fold.getValue().size(), model / (double) fold.getValue().size(), rule / (double) fold.getValue().size());
    }
    TreeMap<String, int[]> table = new TreeMap<>(); // kind and cue: cases, of which ahead
    for (Example e : examples) {
      int[] n = table.computeIfAbsent(describe(e.x()), k -> new int[2]);
      n[0]++;
      n[1] += e.ahead() ? 1 : 0;
    }
    table.forEach((k, n) -> System.out.printf(Locale.ROOT, "%s: %d cases, %d ahead%n", k, n[0], n[1]));
    constrained(examples);
    double[] w = fit(examples);
    Files.writeString(Path.of(args[1]), "# learned by scripts/train-time-direction on " + examples.size() + " cases of folds "
        + String.join(", ", folds.keySet()) + "; L2 " + LAMBDA + ", " + ITERATIONS + " steps\n"
        + Logistic.format(w, Direction.FEATURES), StandardCharsets.UTF_8);
  }

  /**
   * Prints, for each rule outside the model and each kind, its cases, how many are ahead (the rule right), how many the
   * shipped model reads right, and how many the rule fixes (the model reads them back, the gold ahead) and breaks (the
   * model reads them back, as the gold does); then each case with the text before it.
   */
  private static void constrained(List<Example> examples) {
    TreeMap<String, int[]> table = new TreeMap<>(); // rule and kind: cases, ahead, model right, fixed, broken
    for (Example e : examples) {
      if (e.constraint() == Direction.Constraint.NONE) continue;
      boolean model = Direction.modelAhead(e.x());
      int[] n = table.computeIfAbsent(e.constraint() + ", " + e.kind(), k -> new int[5]);
      n[0]++;
      n[1] += e.ahead() ? 1 : 0;
      n[2] += model == e.ahead() ? 1 : 0;
      n[3] += e.ahead() && !model ? 1 : 0;
      n[4] += !e.ahead() && !model ? 1 : 0;
    }
    table.forEach((k, n) -> System.out.printf(Locale.ROOT,
        "%s: %d cases, %d ahead (the rule right), the model right %d; the rule fixes %d, breaks %d%n", k, n[0], n[1], n[2],
        n[3], n[4]));
    for (Example e : examples) {
      if (e.constraint() == Direction.Constraint.NONE) continue;
      System.out.printf(Locale.ROOT, "  %s %s %s, gold %s, model %s: ...%s%n", e.fold(), e.constraint(), e.kind(),
          e.ahead() ? "ahead" : "back", Direction.modelAhead(e.x()) ? "ahead" : "back", e.context());
    }
  }

  /** The kind and the tense cue a feature row encodes, for the table of cases. */
  private static String describe(double[] x) {
    String kind = "weekday";
    for (String k : List.of("period", "month_day", "day_of_month")) {
      if (x[Direction.FEATURES.indexOf(k)] > 0) kind = k;
    }
    String cue = "no cue";
    for (String k : List.of("future_cue", "past_cue", "weak_past_cue")) {
      if (x[Direction.FEATURES.indexOf(k)] > 0) cue = k;
    }
    return kind + ", " + cue;
  }

  private static double[] fit(List<Example> examples) {
    return Logistic.fit(examples.stream().map(Example::x).toList(), examples.stream().map(Example::ahead).toList(),
        LAMBDA, ITERATIONS);
  }

  /** The labelled cases of the documents in {@code lines}, one JSON document a line. */
  static List<Example> examples(List<String> lines) throws IOException {
    ObjectMapper json = new ObjectMapper();
    TimeTagger tagger = new TimeTagger();
    List<Example> out = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) continue;
      JsonNode doc = json.readTree(line);
      Lang lang = Lang.valueOf(doc.get("lang").asText().toUpperCase(Locale.ROOT));
      LocalDate dct = LocalDate.parse(doc.get("dct").asText().substring(0, 10));
      JsonNode paragraphs = doc.get("paragraphs");
      for (int p = 0; p < paragraphs.size(); p++) {
        List<Direction.Case> cases = new ArrayList<>();
        String text = paragraphs.get(p).asText();
        tagger.find(text, lang, dct.atStartOfDay(), cases::add);
        for (Direction.Case c : cases) {
          String gold = goldAt(doc.get("gold"), p, c.pos());
          if (gold == null) continue;
          boolean back = gold.startsWith(written(c.kind(), c.back())), ahead = gold.startsWith(written(c.kind(), c.ahead()));
          if (back != ahead) {
            String context = text.substring(Math.max(0, c.pos() - CONTEXT), Math.min(text.length(), c.pos() + 20));
            out.add(new Example(doc.get("fold").asText(), c.features(), ahead, c.kind(), c.constraint(), context));
          }
        }
      }
    }
    return out;
  }

  /** The value of the gold TIMEX3 of paragraph {@code p} that the case at {@code pos} belongs to, or null. */
  private static String goldAt(JsonNode gold, int p, int pos) {
    for (JsonNode g : gold) {
      if (g.get(0).asInt() == p && g.get(1).asInt() <= pos + LEAD && pos < g.get(2).asInt()) {
        return g.get(4).asText();
      }
    }
    return null;
  }

  /** A reading as TimeML writes it at the grain of its kind. */
  private static String written(Direction.Kind kind, LocalDate d) {
    return switch (kind) {
      case MONTH -> d.format(MONTH);
      case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
      default -> d.toString();
    };
  }
}
