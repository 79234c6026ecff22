package org.lente;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;
import org.lente.store.ContentHash;

/** The pipeline every way of adding articles shares: extract, date, analyse, key. */
class PipelineTest {

  private static final String TEXT = "The harbour master of Genoa said on Thursday that the port will close for a day "
      + "while the breakwater is repaired, and that ferries to Sardinia will leave from Savona instead.";

  private static final String HTML = "<html lang=\"en\"><head><title>The port closes</title></head><body><article>"
      + "<h1>The port closes</h1><p>" + TEXT + "</p></article></body></html>";

  private final Pipeline pipeline = new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS),
      Pipeline.Options.defaults());

  @Test
  void aPageWithAUrlIsKeyedByItWhereverItCameFrom() {
    String url = "https://news.example.org/port";
    Page file = new Page("/tmp/port.html", HTML.getBytes(UTF_8), "text/html", url, List.of());
    Page submitted = Pipeline.submitted("html", HTML, "text/html; charset=utf-8", url);

    assertEquals(url, pipeline.prepare(file).key());
    assertEquals(url, pipeline.prepare(submitted).key());
  }

  @Test
  void aLocalFileIsKeyedByItsAbsolutePathWhateverTheWorkingDirectory() {
    Path relative = Path.of("notes", "..", "port.txt");
    String absolute = Path.of("port.txt").toAbsolutePath().toString();

    String key = pipeline.prepare(Page.of(relative.toString(), TEXT.getBytes(UTF_8))).key();

    assertEquals(Path.of(absolute).toUri().toString(), key);
    assertEquals(key, pipeline.prepare(Page.of(absolute, TEXT.getBytes(UTF_8))).key());
  }

  @Test
  void contentWithoutAPlaceIsKeyedByItsTextWhetherFromStandardInputOrPasted() {
    Page stdin = Page.of("-", TEXT.getBytes(UTF_8));
    Page pasted = Pipeline.submitted("text", TEXT, "text/plain; charset=utf-8", null);

    String key = pipeline.prepare(stdin).key();

    assertTrue(key.startsWith("submitted:"), key);
    assertEquals(key, pipeline.prepare(pasted).key());
    assertEquals("submitted:" + ContentHash.of(pipeline.extract(stdin).text()), key);
  }

  @Test
  void aPageWithoutTextIsSkippedWithTheReason() {
    Pipeline.Prepared p = pipeline.prepare(Pipeline.submitted("html", "<html><body> </body></html>",
        "text/html", null));

    assertEquals(Pipeline.NO_TEXT, p.skipped());
    assertNull(p.key());
    assertNull(p.analysis());
  }

  @Test
  void theDatesOptionDatesAnArticleWhosePageHasNone() {
    Pipeline dating = new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS),
        new Pipeline.Options(a -> a.published() == null ? a.withPublished("2011-03-08", "option") : a, null));

    Page page = Page.of("-", TEXT.getBytes(UTF_8));

    assertNull(pipeline.prepare(page).analysis().article().published());
    assertEquals("2011-03-08", dating.prepare(page).analysis().article().published());
  }
}
