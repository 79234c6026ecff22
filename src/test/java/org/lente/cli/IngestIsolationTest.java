package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One article that a later stage cannot handle never stops the others: real {@code lente} processes
 * (a child JVM each) over a knowledge base in a temporary folder.
 */
class IngestIsolationTest {

  @TempDir Path in;
  @TempDir Path data;
  @TempDir Path logs;

  /** Runs {@code lente args} in a child JVM and waits for it. */
  private CliRun lente(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "org.lente.cli.Main"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(logs, "out", ".txt");
    Path err = Files.createTempFile(logs, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "lente " + String.join(" ", args) + " did not end");
    return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

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

    CliRun first = lente("ingest", "--threads", "1", "--data", data.toString(), text.toString(), page.toString());
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(first.out().startsWith("stored 2,"), first.out());
    CliRun second = lente("ingest", "--threads", "1", "--data", data.toString(), next.toString());
    assertEquals(0, second.code(), second.out() + second.err());
    assertTrue(second.out().startsWith("stored 1,"), second.out());
    CliRun reindex = lente("reindex", "--data", data.toString());
    assertEquals(0, reindex.code(), reindex.out() + reindex.err());
    CliRun check = lente("check", "--data", data.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("ok: 3 articles"), check.out());
  }
}
