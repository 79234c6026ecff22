import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lente.extract.Article;
import org.lente.store.SqliteStore;
import org.lente.store.StoredArticle;
import org.lente.story.Likeness;
import org.lente.story.Lineage;
import org.lente.story.Signature;

/**
 * Prints, for every pair of articles in different languages of a knowledge base made by
 * {@code lente ingest}, what lineage decides a translation by, one tab-separated line per pair:
 * article, related article (their file names or URL tails), languages, likeness, cosine, order,
 * coverage, passage. bench/lineage-calibrate.py reads it to choose and cross-validate the translation link's
 * thresholds by topic. Run with the built jar:
 * {@code java -cp target/lente.jar bench/LineageFeatures.java DATA_DIR > features.tsv}
 */
public final class LineageFeatures {
  public static void main(String[] args) throws Exception {
    record Item(String key, Signature sig) {}
    List<Item> items = new ArrayList<>();
    try (SqliteStore store = SqliteStore.open(Path.of(args[0]))) {
      for (long id : store.versions().keySet()) {
        StoredArticle a = store.get(id).orElseThrow();
        items.add(new Item(key(a.analysis().article()), Signature.of(a.analysis())));
      }
    }
    System.out.println("article\trelated\tlanguage\trelated_language\tlikeness\tcosine\torder\tcoverage\tpassage");
    for (Item a : items) {
      for (Item b : items) {
        if (a == b || a.sig().language() == null || b.sig().language() == null
            || a.sig().language().equals(b.sig().language())) {
          continue;
        }
        Likeness l = Lineage.likeness(a.sig(), b.sig());
        System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f%n", a.key(), b.key(), a.sig().language(),
            b.sig().language(), l.score(), l.cosine(), l.order(), l.coverage(a.sig(), b.sig()),
            l.passage(a.sig(), b.sig()));
      }
    }
  }

  /** The file name without its language prefix and extension, or the URL's last segment. */
  private static String key(Article a) {
    if (a.url() != null && !a.url().isBlank()) {
      return a.url().substring(a.url().lastIndexOf('/') + 1);
    }
    String f = Path.of(a.source()).getFileName().toString();
    f = f.length() > 3 && f.charAt(2) == '-' ? f.substring(3) : f;
    return f.contains(".") ? f.substring(0, f.lastIndexOf('.')) : f;
  }
}
