package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lente.knowledge.KnowledgeBaseTest.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.index.LuceneIndex;
import org.lente.store.SqliteStore;

/** The read side: over a store alone ({@code lente serve --cluster}), and the knowledge base's own. */
class StoreReaderTest {

  @TempDir Path dir;
  private SqliteStore store;
  private LuceneIndex index;
  private KnowledgeBase kb;

  @BeforeEach
  void open() throws IOException {
    store = SqliteStore.open(dir);
    index = LuceneIndex.open(dir.resolve("index"));
    kb = new KnowledgeBase(store, index);
  }

  @AfterEach
  void close() throws IOException {
    kb.close();
  }

  @Test
  void theWritersReaderFindsAnEntityByASpellingOnlyItsResolverKnows() throws IOException {
    kb.add("it-1", analysis("it", "2024-06-19", "Kim Jong-un ha visitato una fabbrica.", "PER:Kim Jong-un"));
    long kim = kb.reader().entityId("Kim Jong-un").orElseThrow();
    assertEquals(Optional.empty(), new StoreReader(store, index).entityId("Kim Jong Un"),
        "the store alone knows the spellings articles wrote");
    assertEquals(Optional.of(kim), kb.reader().entityId("Kim Jong Un"));
    assertEquals("Kim Jong-un", kb.reader().entity("kim jong un").orElseThrow().name());
  }

  @Test
  void theWritersReaderReusesItsCountsWhileAReaderOverTheStoreCountsAtEachCall() throws IOException {
    kb.add("it-1", analysis("it", "2024-06-19", "Mario Rossi ha parlato a Torino.", "PER:Mario Rossi"));
    assertEquals(1, kb.reader().status().articles());
    store.put("it-2", analysis("it", "2024-06-20", "Anna Bianchi ha parlato a Genova.", "PER:Anna Bianchi"));
    assertEquals(2, new StoreReader(store, index).status().articles());
    assertEquals(1, kb.reader().status().articles(), "counted again within a minute of nothing added through it");
  }
}
