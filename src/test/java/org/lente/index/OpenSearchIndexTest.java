package org.lente.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lente.cluster.OpenSearchServer;

/** {@link SearchIndexContract} on an index of a real OpenSearch node, and what only OpenSearch has. */
class OpenSearchIndexTest extends SearchIndexContract {

  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private String alias;

  @Override
  protected SearchIndex newIndex() throws IOException {
    alias = OS.newIndexName();
    return OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET);
  }

  @Override
  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    super.close();
    OS.deleteIndices(alias);
  }

  @Test
  void aStaleVersionDoesNotReplaceANewerOne() throws IOException {
    put(article(1).version(3).body("Testo corretto."));
    put(article(1).version(2).body("Testo della prima versione."));
    assertEquals(Map.of(1L, 3), index.versions());
    assertEquals(List.of(1L), ids(search("corretto")));
    assertEquals(0, search("prima").total());
  }

  @Test
  void aSecondIndexOnTheSameAliasSeesTheSameArticles() throws IOException {
    put(article(1).body("Sanzione alla Russia.").version(2));
    try (SearchIndex other = OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET)) {
      assertEquals(List.of(1L), ids(other.search(SearchQuery.of("sanzioni"))));
      assertEquals(Map.of(1L, 2), other.versions());
    }
  }

  @Test
  void aClearedIndexKeepsServingTheOldArticlesUntilTheCommit() throws Exception {
    put(article(1).body("Sanzione alla Russia."));
    index.clear();
    index.put(article(2).body("Porto di Livorno.").stored());
    assertEquals(List.of(1L), ids(search("")));
    index.commit();
    assertEquals(List.of(2L), ids(search("")));
    assertEquals(List.of(alias + "-2"), OS.indicesOf(alias));
  }

  @Test
  void anUnreachableNodeIsAnErrorNamingIt() {
    IOException e = assertThrows(IOException.class,
        () -> OpenSearchIndex.open(java.net.URI.create("http://127.0.0.1:1"), "x", Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("http://127.0.0.1:1/"), e.getMessage());
  }
}
