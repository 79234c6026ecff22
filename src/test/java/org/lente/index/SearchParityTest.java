package org.lente.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.OpenSearchServer;

/**
 * Search parity (issue 16): the same articles in a {@link LuceneIndex} and an {@link OpenSearchIndex}, the same
 * 100 queries, and at least 95 of them give the same top-10 ids in the same order. The articles and queries are
 * {@link IndexBench}'s, made at run time from the real news texts of the shared data folder (Italian and
 * English; fixed seeds): words, pairs and phrases of the texts, alone or with an entity, date, source or language
 * filter, and listings without text; every query counts the six facets. Skipped when the texts are absent.
 * Prints the figure, and each query that differs with both lists.
 */
class SearchParityTest {

  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  static final int ARTICLES = 600;
  static final int QUERIES = 100;
  static final int REQUIRED = 95;

  @TempDir Path dir;

  @Test
  void theSameQueriesGiveTheSameTopTenOnLuceneAndOpenSearch() throws Exception {
    Path data = Path.of(System.getProperty("lente.data", "../shared/data"));
    IndexBench bench = IndexBench.load(data);
    Assumptions.assumeTrue(bench != null, "no news texts under " + data.toAbsolutePath()
        + " (corpus/cl-tls-it, quotes/polnear): search parity not measured");
    String alias = OS.newIndexName();
    try (LuceneIndex lucene = LuceneIndex.open(dir.resolve("index"));
        OpenSearchIndex opensearch = OpenSearchIndex.open(OS.url(), alias, Duration.ofSeconds(10))) {
      for (long id = 1; id <= ARTICLES; id++) {
        var article = bench.article(id);
        lucene.put(article);
        opensearch.put(article);
      }
      lucene.commit();
      opensearch.commit();
      int same = 0;
      int sameTotals = 0;
      int sameFacets = 0;
      List<String> differing = new ArrayList<>();
      for (SearchQuery q : bench.queries(QUERIES)) {
        SearchHits l = lucene.search(q);
        SearchHits o = opensearch.search(q);
        List<Long> lIds = l.hits().stream().map(SearchHits.Hit::id).toList();
        List<Long> oIds = o.hits().stream().map(SearchHits.Hit::id).toList();
        if (lIds.equals(oIds)) {
          same++;
        } else {
          differing.add(describe(q) + "\n    lucene     " + lIds + " " + scores(l) + "\n    opensearch " + oIds
              + " " + scores(o));
        }
        sameTotals += l.total() == o.total() ? 1 : 0;
        sameFacets += l.facets().equals(o.facets()) ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "search parity: %d of %d queries give the same top-10 ids on Lucene and "
          + "OpenSearch (%d articles); the same total for %d, the same facet counts for %d%n", same, QUERIES,
          ARTICLES, sameTotals, sameFacets);
      differing.forEach(d -> System.out.println("  differs: " + d));
      assertTrue(same >= REQUIRED, same + " of " + QUERIES + " queries agree, " + REQUIRED + " required:\n"
          + String.join("\n", differing));
    } finally {
      OS.deleteIndices(alias);
    }
  }

  private static String describe(SearchQuery q) {
    return "text=[" + q.text() + "]" + (q.entities().isEmpty() ? "" : " entities=" + q.entities())
        + (q.source() == null ? "" : " source=" + q.source()) + (q.language() == null ? "" : " language=" + q.language())
        + (q.from() == null ? "" : " from=" + q.from() + " to=" + q.to());
  }

  private static List<String> scores(SearchHits hits) {
    return hits.hits().stream().map(h -> String.format(Locale.ROOT, "%.4f", h.score())).toList();
  }
}
