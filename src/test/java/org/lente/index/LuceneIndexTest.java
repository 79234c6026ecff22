package org.lente.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SearchIndexContract} on a Lucene index in a temporary folder, and what only a folder has. */
class LuceneIndexTest extends SearchIndexContract {

  @TempDir Path dir;

  @Override
  protected SearchIndex newIndex() throws IOException {
    return LuceneIndex.open(dir.resolve("index"));
  }

  @Test
  void aSearchOverItsTimeBudgetIsRefusedNamingIt() throws IOException {
    put(article(1).body("Il governo approva la legge."));
    index.close();
    index = LuceneIndex.open(dir.resolve("index"), Duration.ofNanos(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search("governo"));
    assertTrue(e.getMessage().contains("the most one search may take"), e.getMessage());
  }

  @Test
  void reopenKeepsCommittedArticles() throws IOException {
    put(article(1).body("Sanzione alla Russia.").version(2));
    index.close();
    index = LuceneIndex.open(dir.resolve("index"));
    assertEquals(List.of(1L), ids(search("sanzioni")));
    assertEquals(Map.of(1L, 2), index.versions());
  }

  /**
   * Lucene stores the body's first {@link LuceneIndex#STORED_BODY_CHARS} characters for the snippets (OpenSearch
   * highlights the whole body).
   */
  @Test
  void wordsBeyondTheStoredBodyAreFoundButNotHighlighted() throws IOException {
    String filler = "Il tempo è stato bello per tutta la settimana in città. "
        .repeat(LuceneIndex.STORED_BODY_CHARS / 50);
    put(article(1).body(filler + "\n\nIl ministro ha firmato il decreto sui porti."));
    SearchHits hits = search("decreto");
    assertEquals(1, hits.total());
    assertTrue(hits.hits().get(0).snippet().startsWith("Il tempo è stato bello"), hits.hits().get(0).snippet());
  }
}
