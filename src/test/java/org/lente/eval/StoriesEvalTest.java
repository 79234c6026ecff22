package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;

/** Story grouping scored on a corpus of topic/date/article.txt folders, through the product's pipeline. */
class StoriesEvalTest {

  private final StoriesEval eval = new StoriesEval(new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS),
      Pipeline.Options.defaults()));

  @Test
  void aFileWithNoArticleTextIsLeftOutAsIngestLeavesItOut(@TempDir Path corpus) throws IOException {
    write(corpus.resolve("porti/2024-03-04/1.txt"), "Il porto di Genova chiude per un giorno\n\nIl porto di Genova "
        + "resterà chiuso giovedì per lavori alla diga foranea, ha detto il presidente dell'autorità portuale.");
    write(corpus.resolve("porti/2024-03-05/2.txt"), "Riapre il porto di Genova\n\nIl porto di Genova ha riaperto "
        + "venerdì dopo i lavori alla diga foranea, ha detto il presidente dell'autorità portuale.");
    write(corpus.resolve("treni/2024-03-05/3.txt"), "Sciopero dei treni in Lombardia\n\nI treni regionali della "
        + "Lombardia si fermeranno lunedì per uno sciopero di otto ore, hanno annunciato i sindacati.");
    write(corpus.resolve("treni/2024-03-06/4.txt"), "  \n\n ");

    List<StoriesEval.Result> results = eval.run(corpus, line -> { });

    assertFalse(results.isEmpty());
    results.forEach(r -> assertEquals(3, r.articles(), r.toString()));
    results.forEach(r -> assertEquals(2, r.topics(), r.toString()));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
