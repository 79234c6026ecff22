package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerCommandTest {

  @TempDir Path dir;

  @Test
  void keepsTokensAndSentenceBreaksAndTagsInIob2() throws IOException {
    Path in = Files.writeString(dir.resolve("in.conll"),
        "Il\tO\nsindaco\tO\nPaolo\tB-PER\nFerri\tI-PER\nè\tO\na\tO\nMilano\tB-LOC\n.\tO\n\nGrazie\tO\n!\tO\n");

    CliRun run = CliRun.of("ner", "--lang", "it", in.toString());

    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of("Il\tO", "sindaco\tO", "Paolo\tB-PER", "Ferri\tI-PER", "è\tO", "a\tO", "Milano\tB-LOC", ".\tO",
        "", "Grazie\tO", "!\tO", ""), lines);
  }

  @Test
  void anUnknownLanguageIsAUsageError() throws IOException {
    Path in = Files.writeString(dir.resolve("in.conll"), "Ciao\tO\n");

    CliRun run = CliRun.of("ner", "--lang", "fr", in.toString());

    assertEquals(1, run.code());
  }
}
