package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One article that a later stage cannot handle never stops the others: {@code lente} commands, one after another,
 * over a knowledge base in a temporary folder. They run in this JVM ({@link CliRun}): each opens and closes the
 * knowledge base as a process of its own does, and the NER models, loaded once per JVM, are not loaded again for
 * every command as a child JVM each did.
 */
class IngestIsolationTest {

  @TempDir Path in;
  @TempDir Path data;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(in.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aWordOfFiftyThousandLettersStopsNeitherTheNextIngestNorReindex() throws Exception {
    String word = "A".repeat(50_001);
    Path text = write("long.txt", "A long word\n\nThe council met on Monday in Rome. " + word + "\n");
    Path page = write("long.html", "<html><head><title>A long word in a page</title></head><body><article>"
        + "<h1>A long word in a page</h1><p>The mayor spoke on Tuesday in Milan. " + word + "</p></article></body></html>");
    Path next = write("next.txt", "The bridge\n\nThe mayor of Turin said on Wednesday that the new bridge will open in May.\n");

    CliRun first = CliRun.of("ingest", "--threads", "1", "--data", data.toString(), text.toString(), page.toString());
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(first.out().startsWith("stored 2,"), first.out());
    CliRun second = CliRun.of("ingest", "--threads", "1", "--data", data.toString(), next.toString());
    assertEquals(0, second.code(), second.out() + second.err());
    assertTrue(second.out().startsWith("stored 1,"), second.out());
    CliRun reindex = CliRun.of("reindex", "--data", data.toString());
    assertEquals(0, reindex.code(), reindex.out() + reindex.err());
    CliRun check = CliRun.of("check", "--data", data.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("ok: 3 articles"), check.out());
  }

  /** Makes the story of article {@code id} fail, in SQLite itself, until {@link #accept}. */
  private void refuseStoryOf(long id) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("lente.db"));
        Statement st = c.createStatement()) {
      st.execute("CREATE TRIGGER refuse BEFORE INSERT ON story_articles WHEN NEW.article_id = " + id
          + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }
  }

  private void accept() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("lente.db"));
        Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER refuse");
    }
  }

  @Test
  void anArticleWhoseStoryFailsIsCountedFailedListedByCheckAndRetriedByReindex() throws Exception {
    Path first = write("first.txt", "The bridge\n\nThe mayor of Turin said on Wednesday that the new bridge will open in May.\n");
    Path refused = write("refused.txt", "The port\n\nThe harbour master of Genoa said on Thursday that the port will "
        + "close for a day.\n");
    Path after = write("after.txt", "The train\n\nThe rail company of Naples said on Friday that the line reopens on "
        + "Monday.\n");
    assertEquals(0, CliRun.of("ingest", "--threads", "1", "--data", data.toString(), first.toString()).code());
    refuseStoryOf(2);

    CliRun ingest = CliRun.of("ingest", "--threads", "1", "--data", data.toString(), refused.toString(), after.toString());
    assertEquals(2, ingest.code(), ingest.out() + ingest.err());
    assertTrue(ingest.out().startsWith("stored 1, updated 0, duplicates 0, skipped 0, failed 1"), ingest.out());
    assertTrue(ingest.out().contains("stored as article 2, but its story stage failed"), ingest.out());
    CliRun check = CliRun.of("check", "--data", data.toString());
    assertEquals(2, check.code(), check.out());
    assertTrue(check.out().contains("article 2: story failed"), check.out());

    accept();
    CliRun reindex = CliRun.of("reindex", "--data", data.toString());
    assertEquals(0, reindex.code(), reindex.out() + reindex.err());
    CliRun fixed = CliRun.of("check", "--data", data.toString());
    assertEquals(0, fixed.code(), fixed.out());
    assertTrue(fixed.out().startsWith("ok: 3 articles"), fixed.out());
  }
}
