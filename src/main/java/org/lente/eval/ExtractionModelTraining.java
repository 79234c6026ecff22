package org.lente.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.lente.extract.BlockModel;
import org.lente.extract.Extractor;
import org.lente.extract.Limits;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;

/**
 * Learns {@link BlockModel} from the Scrapinghub and trafilatura pages under {@code extraction/} of a
 * data folder. Every body block the extractor finds inside a page's article root is an example: on a
 * Scrapinghub page it is article text when at least half of its 4-token shingles are in the gold
 * article body; on a trafilatura page it is article text when it holds (or lies inside) a snippet that
 * must be in the output, and not when it holds or lies inside one that must not (other blocks there
 * are no examples).
 *
 * <p>Validated across pages: K folds mixing both sets (a page's fold is the CRC-32 of its file name
 * modulo K), each fold's pages extracted with a model trained on the other folds and written in the
 * standard scorers' formats ({@code oof.*}), beside the same pages extracted with every candidate kept
 * ({@code none.*}) and the fold lists; {@code scripts/train-extraction-model} scores them with
 * {@code ../shared/tools/score_extraction.py}. Then the model is fitted on every page and written.
 *
 * <p>Usage: {@code ExtractionModelTraining DATA_DIR MODEL.tsv OUT_DIR [K]}.
 */
public final class ExtractionModelTraining {

  /** The L2 penalty and the Newton steps: fixed beforehand, not searched. */
  static final double LAMBDA = 1e-3;
  static final int ITERATIONS = 50;
  /** A block is labelled article text when at least this share of its shingles is in the gold text. */
  static final double GOLD_SHARE = 0.5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One benchmark page: its key in the scorer's files, the file its fold comes from, and how to label its blocks. */
  private record Item(String set, String key, String file, Page page, JsonNode gold) {}

  private record Example(double[] x, boolean y, double weight) {}

  private ExtractionModelTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ExtractionModelTraining DATA_DIR MODEL.tsv OUT_DIR [K]");
      System.exit(1);
    }
    Path data = Path.of(args[0]).resolve("extraction");
    Path modelFile = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int k = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Files.createDirectories(out);
    List<Item> items = items(data, new PageReader());
    Extractor candidates = new Extractor(Limits.DEFAULTS, BlockModel.keepAll());
    List<List<Example>> examples = new ArrayList<>();
    int positives = 0;
    int count = 0;
    for (Item item : items) {
      List<Example> page = examples(item, candidates.candidates(item.page()));
      examples.add(page);
      count += page.size();
      positives += (int) page.stream().filter(Example::y).count();
    }
    System.err.printf("%d pages, %d labelled blocks, %d of them article text%n", items.size(), count, positives);
    ObjectNode[] none = {JSON.createObjectNode(), JSON.createObjectNode()};
    ObjectNode[] oof = {JSON.createObjectNode(), JSON.createObjectNode()};
    for (int f = 0; f < k; f++) {
      List<Example> train = new ArrayList<>();
      List<String> shIds = new ArrayList<>();
      ObjectNode trGold = JSON.createObjectNode();
      for (int i = 0; i < items.size(); i++) {
        if (fold(items.get(i).file(), k) != f) {
          train.addAll(examples.get(i));
        } else if (items.get(i).set().equals("scrapinghub")) {
          shIds.add(items.get(i).key());
        } else {
          trGold.set(items.get(i).key(), items.get(i).gold());
        }
      }
      Extractor foldModel = new Extractor(Limits.DEFAULTS, fit(train));
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        if (fold(item.file(), k) == f) {
          int s = item.set().equals("scrapinghub") ? 0 : 1;
          put(oof[s], item, foldModel.extract(item.page()).text());
          put(none[s], item, candidates.extract(item.page()).text());
        }
      }
      Files.writeString(out.resolve("fold-" + f + ".scrapinghub.txt"), String.join("\n", shIds) + "\n");
      JSON.writeValue(out.resolve("fold-" + f + ".trafilatura.json").toFile(), trGold);
    }
    String[] sets = {"scrapinghub", "trafilatura"};
    for (int s = 0; s < 2; s++) {
      JSON.writeValue(out.resolve("oof." + sets[s] + ".json").toFile(), oof[s]);
      JSON.writeValue(out.resolve("none." + sets[s] + ".json").toFile(), none[s]);
    }
    List<Example> all = new ArrayList<>();
    examples.forEach(all::addAll);
    BlockModel model = fit(all);
    Files.writeString(modelFile, "# Lente's block model: which blocks inside an article's root are article text.\n"
        + "# Learned by scripts/train-extraction-model from " + items.size() + " pages (" + count
        + " labelled blocks); do not edit by hand.\n" + model.format(), StandardCharsets.UTF_8);
    System.err.println("wrote " + modelFile);
  }

  /** A page's fold: the CRC-32 of its file name, modulo k; stable across runs and machines. */
  static int fold(String file, int k) {
    CRC32 crc = new CRC32();
    crc.update(file.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % k);
  }

  private static BlockModel fit(List<Example> examples) {
    return BlockModel.train(examples.stream().map(Example::x).toList(), examples.stream().map(Example::y).toList(),
        examples.stream().map(Example::weight).toList(), LAMBDA, ITERATIONS);
  }

  private static void put(ObjectNode predictions, Item item, String text) {
    if (item.set().equals("scrapinghub")) {
      predictions.putObject(item.key()).put("articleBody", text);
    } else {
      predictions.put(item.key(), text);
    }
  }

  /** Both sets' pages, in the order of their gold files. */
  private static List<Item> items(Path data, PageReader reader) throws IOException {
    List<Item> items = new ArrayList<>();
    Path sh = data.resolve("scrapinghub");
    Path tr = data.resolve("trafilatura");
    if (!Files.isRegularFile(sh.resolve("ground-truth.json")) || !Files.isRegularFile(tr.resolve("evaldata.json"))) {
      throw new IOException("extraction benchmarks not found under " + data);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(sh.resolve("ground-truth.json").toFile()).fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String file = e.getKey() + ".html.gz";
      Page page = reader.read(sh.resolve("html").resolve(file).toString()).withUrl(e.getValue().path("url").asText(null));
      items.add(new Item("scrapinghub", e.getKey(), file, page, e.getValue()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(tr.resolve("evaldata.json").toFile()).fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String file = e.getValue().path("file").asText() + ".gz";
      Page page = reader.read(tr.resolve("html").resolve(file).toString()).withUrl(e.getKey());
      items.add(new Item("trafilatura", e.getKey(), file, page, e.getValue()));
    }
    return items;
  }

  /** The labelled body blocks of one page, each weighing the square root of its length. */
  private static List<Example> examples(Item item, List<BlockModel.Candidate> candidates) {
    List<Example> out = new ArrayList<>();
    for (BlockModel.Candidate c : candidates) {
      if (!c.judged()) {
        continue;
      }
      String text = c.block().text();
      Boolean label = item.set().equals("scrapinghub") ? shingleLabel(item.gold().path("articleBody").asText(""), text)
          : snippetLabel(item.gold(), text);
      if (label != null) {
        out.add(new Example(c.features(), label, Math.sqrt(text.length())));
      }
    }
    return out;
  }

  /** Article text when at least {@link #GOLD_SHARE} of the block's shingles are in the gold body. */
  static Boolean shingleLabel(String gold, String block) {
    double precision = Shingles.score(gold, block).precision();
    return Double.isNaN(precision) ? null : precision >= GOLD_SHARE;
  }

  /** True, false or null (no evidence, or evidence both ways) from the page's with and without snippets. */
  static Boolean snippetLabel(JsonNode gold, String block) {
    String text = norm(block);
    boolean with = overlaps(gold.path("with"), text);
    boolean without = overlaps(gold.path("without"), text);
    return with == without ? null : with;
  }

  private static boolean overlaps(JsonNode snippets, String text) {
    for (JsonNode s : snippets) {
      String snippet = norm(s.asText());
      if (!snippet.isEmpty() && (text.contains(snippet) || text.length() >= 20 && snippet.contains(text))) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
