package org.lente.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints {@link CorefEval}'s table until {@code lente eval coref} exists: the argument is MEANTIME's
 * English folder, by default {@code ../shared/data/meantime/en}. Exit 2 when it is missing.
 */
public final class CorefEvalMain {

  private CorefEvalMain() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/meantime/en");
    if (!Files.isDirectory(dir.resolve("intra_cross-doc_annotation"))) {
      System.err.println("MEANTIME not found at " + dir.toAbsolutePath() + ": nothing measured");
      System.exit(2);
    }
    System.out.print(new CorefEval().run(dir).table());
  }
}
