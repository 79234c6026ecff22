package org.lente.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;

/**
 * Scores extraction on the two third-party benchmarks under {@code data/extraction}: Scrapinghub's
 * article-extraction benchmark (4-token shingle precision and recall, averaged over pages, F1 from
 * the averages, as its evaluate.py) and trafilatura's evaluation set (snippets that must and must not
 * appear, whitespace-normalised substring match, P/R/F1 over all snippets, as its eval_common.py).
 */
public final class ExtractionEval {

  /** One benchmark's figures. {@code seconds} is the time spent extracting, file reading excluded. */
  public record Result(String benchmark, int pages, double precision, double recall, double f1, double seconds) {
    public double pagesPerSecond() {
      return seconds > 0 ? pages / seconds : 0;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path data;
  private final Extractor extractor;
  private final PageReader reader;

  public ExtractionEval(Path data, Extractor extractor, PageReader reader) {
    this.data = data;
    this.extractor = extractor;
    this.reader = reader;
  }

  public Path scrapinghubDir() {
    return data.resolve("extraction/scrapinghub");
  }

  public Path trafilaturaDir() {
    return data.resolve("extraction/trafilatura");
  }

  /**
   * Runs the Scrapinghub benchmark on its first {@code limit} pages (all when limit ≤ 0).
   *
   * @param detail receives one line per page: id, precision, recall
   * @return null when the benchmark is not there
   */
  public Result scrapinghub(int limit, Consumer<String> detail) throws IOException {
    Path dir = scrapinghubDir();
    Path truthFile = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(truthFile)) {
      return null;
    }
    JsonNode truth = JSON.readTree(truthFile.toFile());
    List<Double> precisions = new ArrayList<>();
    List<Double> recalls = new ArrayList<>();
    Run run = run(truth, limit, e -> reader.read(dir.resolve("html/" + e.getKey() + ".html.gz").toString())
        .withUrl(e.getValue().path("url").asText(null)), (e, a) -> {
      Shingles.Counts c = Shingles.score(e.getValue().path("articleBody").asText(""), a.text());
      if (!Double.isNaN(c.precision())) {
        precisions.add(c.precision());
      }
      if (!Double.isNaN(c.recall())) {
        recalls.add(c.recall());
      }
      detail.accept(String.format("%s\tP=%.3f\tR=%.3f", e.getKey(), c.precision(), c.recall()));
    });
    double p = mean(precisions);
    double r = mean(recalls);
    return new Result("scrapinghub", run.pages, p, r, f1(p, r), run.nanos / 1e9);
  }

  /**
   * Runs trafilatura's evaluation set on its first {@code limit} pages (all when limit ≤ 0).
   *
   * @param detail receives one line per page with a missed or unwanted snippet
   * @return null when the set is not there
   */
  public Result trafilatura(int limit, Consumer<String> detail) throws IOException {
    Path dir = trafilaturaDir();
    Path evalFile = dir.resolve("evaldata.json");
    if (!Files.isRegularFile(evalFile)) {
      return null;
    }
    JsonNode items = JSON.readTree(evalFile.toFile());
    int[] counts = new int[3]; // true positives, false positives, false negatives
    Run run = run(items, limit, e -> reader.read(dir.resolve("html/" + e.getValue().path("file").asText() + ".gz")
        .toString()).withUrl(e.getKey()), (e, a) -> {
      JsonNode item = e.getValue();
      String text = norm(a.text());
      List<String> missed = new ArrayList<>();
      List<String> unwanted = new ArrayList<>();
      for (JsonNode w : item.path("with")) {
        if (text.contains(norm(w.asText()))) {
          counts[0]++;
        } else {
          counts[2]++;
          missed.add(w.asText());
        }
      }
      for (JsonNode w : item.path("without")) {
        if (text.contains(norm(w.asText()))) {
          counts[1]++;
          unwanted.add(w.asText());
        }
      }
      if (!missed.isEmpty() || !unwanted.isEmpty()) {
        detail.accept(item.path("file").asText() + "\tmissed=" + missed + "\tunwanted=" + unwanted);
      }
    });
    int tp = counts[0];
    int fp = counts[1];
    int fn = counts[2];
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    return new Result("trafilatura", run.pages, p, r, f1(p, r), run.nanos / 1e9);
  }

  /** How to read the page of one benchmark entry. */
  private interface PageOf {
    Page read(Map.Entry<String, JsonNode> entry) throws IOException;
  }

  private record Run(int pages, long nanos) {}

  /**
   * Extracts the page of each of the first {@code limit} entries (all when limit ≤ 0) and hands
   * the entry and its article to {@code score}; times the extraction alone, not the reading.
   */
  private Run run(JsonNode entries, int limit, PageOf pageOf,
      java.util.function.BiConsumer<Map.Entry<String, JsonNode>, Article> score) throws IOException {
    long nanos = 0;
    int pages = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (limit > 0 && pages >= limit) {
        break;
      }
      Page page = pageOf.read(e);
      long t0 = System.nanoTime();
      Article a = extractor.extract(page);
      nanos += System.nanoTime() - t0;
      pages++;
      score.accept(e, a);
    }
    return new Run(pages, nanos);
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
