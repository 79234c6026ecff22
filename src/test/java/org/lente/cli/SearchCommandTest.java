package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

  @TempDir Path data;

  @Test
  void aSearchWithMoreFuzzyTermsThanTheLimitIsAUsageErrorNamingIt() throws IOException {
    DataDir dir = new DataDir();
    dir.dir = data;
    dir.open().close();
    CliRun run = CliRun.of("search", "--data", data.toString(), "porto~", "ponte~", "strada~", "legge~", "pace~",
        "guerra~");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("at most 5 per search"), run.err());
  }
}
