package org.lente.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Translation lineage measured the way a user gets it: MEANTIME multilingual (the same Wikinews articles
 * in English, the originals, and in Italian, Spanish and Dutch translations) written out as files,
 * {@code lente ingest} into a new data folder, then {@code lente lineage --json} for each Italian article.
 * An Italian article is right at 1 when its first related article is its English original. Two variants,
 * as the team's ruler ({@code ../shared/tools/measure lineage}) builds them: news pages with the English
 * dateline's date and a canonical URL, and plain-text files without any date. Figures are given per
 * MEANTIME topic (airbus, apple), the folds across which the translation link was calibrated.
 *
 * <p>The files are written exactly as the ruler's {@code meantime_text.py} and {@code meantime_pages.py}
 * write them, so this command and the ruler give the same number.
 */
public final class LineageEval {

  /** Runs one Lente command in this process as {@code lente ARGS} would; returns its exit code. */
  @FunctionalInterface
  public interface Cli {
    int run(String[] args, PrintWriter out, PrintWriter err);
  }

  /**
   * One Italian article's outcome: the rank of its English original among its related articles (0: absent),
   * the first related article and its relation and direction, and how many articles of another story
   * were called its translation or near-duplicate.
   */
  public record Query(String topic, String id, int rank, String first, String relation, String direction,
      int wrongCopies) {
    public Query {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(id, "id");
      if (rank < 0 || wrongCopies < 0) {
        throw new IllegalArgumentException("rank " + rank + ", wrong copies " + wrongCopies);
      }
    }
  }

  /** The figures of one variant (dated pages or undated text). */
  public record Result(String variant, List<Query> queries) {
    public Result {
      Objects.requireNonNull(variant, "variant");
      queries = List.copyOf(queries);
    }

    /** The figures over the queries of {@code topic}, or all of them when it is null. */
    public Score score(String topic) {
      List<Query> qs = queries.stream().filter(q -> topic == null || q.topic().equals(topic)).toList();
      int first = (int) qs.stream().filter(q -> q.rank() == 1).count();
      int linked = (int) qs.stream().filter(q -> q.rank() > 0).count();
      double rr = qs.stream().mapToDouble(q -> q.rank() == 0 ? 0 : 1.0 / q.rank()).sum();
      int original = (int) qs.stream().filter(q -> q.rank() == 1 && "original".equals(q.direction())).count();
      int wrong = qs.stream().mapToInt(Query::wrongCopies).sum();
      return new Score(qs.size(), first, linked, qs.isEmpty() ? 0 : rr / qs.size(), original, wrong);
    }

    /** The topics present, in name order. */
    public List<String> topics() {
      return queries.stream().map(Query::topic).distinct().sorted().toList();
    }
  }

  /**
   * Counts over some queries: {@code first} have the original first, {@code linked} have it anywhere,
   * {@code calledOriginal} have it first and marked as the original (the direction); {@code wrongCopies}
   * articles of other stories were linked as translations or near-duplicates.
   */
  public record Score(int queries, int first, int linked, double mrr, int calledOriginal, int wrongCopies) {
    public double precisionAt1() {
      return queries == 0 ? 0 : (double) first / queries;
    }
  }

  private static final List<String> LANGUAGES = List.of("en", "it", "es", "nl");
  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final Pattern DATELINE = Pattern.compile("^(\\w+) (\\d+), (\\d{4})");
  private static final Pattern CLOSING = Pattern.compile("[,.;:!?%)\\]]");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cli cli;

  public LineageEval(Cli cli) {
    this.cli = Objects.requireNonNull(cli, "cli");
  }

  /**
   * Writes the articles of {@code meantime} (the folder {@code meantime/multilingual}) under {@code work},
   * ingests each variant into its own data folder there and scores {@code lente lineage}; empty when a
   * language's {@code meantime.conll} is missing.
   *
   * @throws IOException when a file cannot be written or read, or a Lente command fails (its exit code and
   *     error output are in the message)
   */
  public List<Result> run(Path meantime, Path work, Consumer<String> progress) throws IOException {
    Path text = Files.createDirectories(work.resolve("text"));
    Path pages = Files.createDirectories(work.resolve("pages"));
    for (String lang : LANGUAGES) {
      Path conll = meantime.resolve(lang).resolve("meantime.conll");
      if (!Files.isRegularFile(conll)) {
        return List.of();
      }
      writeTexts(conll, lang, text);
    }
    writePages(text, pages);
    List<Result> out = new ArrayList<>();
    out.add(score("dated pages", pages, work.resolve("kb-pages"), progress));
    out.add(score("undated text", text, work.resolve("kb-text"), progress));
    return out;
  }

  private Result score(String variant, Path inputs, Path data, Consumer<String> progress) throws IOException {
    progress.accept("lente ingest --data " + data + " " + inputs);
    run("ingest", "--data", data.toString(), inputs.toString());
    List<String> italian;
    try (Stream<Path> files = Files.list(inputs)) {
      italian = files.map(Path::toString).filter(f -> Path.of(f).getFileName().toString().startsWith("it-")).sorted()
          .toList();
    }
    List<String> args = new ArrayList<>(List.of("lineage", "--json", "--data", data.toString()));
    args.addAll(italian);
    progress.accept("lente lineage --json --data " + data + " (" + italian.size() + " Italian articles)");
    String json = run(args.toArray(String[]::new));
    List<Query> queries = new ArrayList<>();
    for (String line : json.split("\n")) {
      if (line.startsWith("{")) {
        queries.add(query(JSON.readTree(line)));
      }
    }
    return new Result(variant, queries);
  }

  /** The outcome for one line of {@code lente lineage --json}. */
  static Query query(JsonNode o) {
    String[] key = key(o.path("article"));
    int rank = 0;
    int wrong = 0;
    JsonNode related = o.path("related");
    for (int i = 0; i < related.size(); i++) {
      JsonNode r = related.get(i);
      boolean same = key[1].equals(key(r)[1]);
      if (rank == 0 && same && "en".equals(r.path("language").asText())) {
        rank = i + 1;
      }
      String relation = r.path("relation").asText();
      if (!same && (relation.equals("translation") || relation.equals("near-duplicate"))) {
        wrong++;
      }
    }
    JsonNode top = related.size() > 0 ? related.get(0) : null;
    return new Query(key[0], key[1], rank, top == null ? null : top.path("language").asText() + "-" + key(top)[1],
        top == null ? null : top.path("relation").asText(), top == null ? null : top.path("direction").asText(), wrong);
  }

  /** {topic, topic-id} of an article, from its canonical URL's last segment or its file name (LANG-TOPIC-ID.ext). */
  private static String[] key(JsonNode a) {
    String url = a.path("url").asText("");
    String k;
    if (!url.isEmpty()) {
      k = url.substring(url.lastIndexOf('/') + 1);
    } else {
      String name = Path.of(a.path("source").asText("x-x")).getFileName().toString();
      k = name.substring(Math.min(3, name.length()));
      k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : k;
    }
    int dash = k.indexOf('-');
    return new String[] {dash < 0 ? k : k.substring(0, dash), k};
  }

  private String run(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = cli.run(args, o, e);
    }
    if (code != 0) {
      throw new IOException("lente " + args[0] + " exited " + code + ": " + err.toString().strip());
    }
    return out.toString();
  }

  /** One file per article, {@code LANG-TOPIC-ID.txt}: the first sentence, a blank line, the others joined. */
  static void writeTexts(Path conll, String lang, Path out) throws IOException {
    Map<String, TreeMap<Integer, List<String>>> docs = new LinkedHashMap<>();
    TreeMap<Integer, List<String>> current = null;
    try (BufferedReader in = Files.newBufferedReader(conll, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#begin")) {
          Matcher m = Pattern.compile("\\((.*?)\\)").matcher(line);
          if (!m.find()) {
            throw new IOException("no document id in " + conll + ": " + line);
          }
          current = new TreeMap<>();
          docs.put(m.group(1), current);
        } else if (!line.startsWith("#end") && !line.isBlank() && current != null) {
          String[] f = line.split("\t", -1);
          if (f.length < 4) {
            throw new IOException("fewer than 4 columns in " + conll + ": " + line);
          }
          current.computeIfAbsent(Integer.parseInt(f[1]), x -> new ArrayList<>()).add(f[3]);
        }
      }
    }
    for (Map.Entry<String, TreeMap<Integer, List<String>>> d : docs.entrySet()) {
      String[] id = d.getKey().split("/", 2);
      String topic = id[0].replace("corpus_", "");
      List<String> sentences = d.getValue().values().stream().map(LineageEval::detokenize).toList();
      String body = String.join(" ", sentences.subList(1, sentences.size()));
      Files.writeString(out.resolve(lang + "-" + topic + "-" + id[1] + ".txt"), sentences.get(0) + "\n\n" + body + "\n");
    }
  }

  /** Tokens joined as the ruler joins them: no space before closing punctuation, after an opening one or an elision. */
  static String detokenize(List<String> tokens) {
    StringBuilder s = new StringBuilder();
    for (String t : tokens) {
      if (s.isEmpty()) {
        s.append(t);
      } else if (CLOSING.matcher(t).matches() || t.equals("'s") || t.equals("n't")) {
        s.append(t);
      } else if (elided(s)) {
        s.append(t);
      } else if (s.charAt(s.length() - 1) == '(' || s.charAt(s.length() - 1) == '[') {
        s.append(t);
      } else {
        s.append(' ').append(t);
      }
    }
    return s.toString();
  }

  /** Ends in a word character and an apostrophe ("l'", "dell’"): the next token is glued on. */
  private static boolean elided(StringBuilder s) {
    int n = s.length();
    char last = s.charAt(n - 1);
    if (n < 2 || (last != '\'' && last != '’')) {
      return false;
    }
    char before = s.charAt(n - 2);
    return Character.isLetterOrDigit(before) || before == '_';
  }

  /**
   * Each text file as a news page: {@code <html lang>}, title and heading, {@code article:published_time}
   * from the English original's dateline (translations share it), a canonical URL
   * {@code https://LANG.wikinews.example/TOPIC-ID}.
   */
  static void writePages(Path text, Path out) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(text)) {
      files = s.sorted().toList();
    }
    Map<String, LocalDate> dates = new LinkedHashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.startsWith("en-")) {
        String body = Files.readString(f).split("\n\n", 2)[1];
        Matcher m = DATELINE.matcher(body);
        if (m.find() && MONTHS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
          dates.put(name.substring(3), LocalDate.of(Integer.parseInt(m.group(3)),
              MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1, Integer.parseInt(m.group(2))));
        }
      }
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      String lang = name.substring(0, 2);
      String key = name.substring(3);
      String[] parts = Files.readString(f).split("\n\n", 2);
      LocalDate d = dates.get(key);
      String meta = d == null ? "" : "<meta property=\"article:published_time\" content=\"" + d + "T12:00:00Z\">";
      String page = "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + escape(parts[0])
          + "</title>" + meta + "<link rel=\"canonical\" href=\"https://" + lang + ".wikinews.example/"
          + key.substring(0, key.length() - 4) + "\"></head><body><article><h1>" + escape(parts[0]) + "</h1><p>"
          + escape(parts[1].strip()) + "</p></article></body></html>";
      Files.writeString(out.resolve(name.substring(0, name.length() - 4) + ".html"), page);
    }
  }

  /** Python's {@code html.escape}: {@code & < > " '}. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#x27;");
  }
}
