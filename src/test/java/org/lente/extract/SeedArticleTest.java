package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lente.ingest.PageReader;

/**
 * The Italian article that started the project, read from the shared folder beside the project
 * (third-party text: it never enters the repository, and these tests name only a few of its words).
 * Skipped when the folder is absent, as in a user's clone.
 */
class SeedArticleTest {

  private static final Path SEED = Path.of("..", "shared", "seed", "kim-putin-pyongyang.it.txt");

  private static Article article;
  private static String headline;

  @BeforeAll
  static void extractTheSeed() throws IOException {
    if (Files.isRegularFile(SEED)) {
      headline = Files.readAllLines(SEED, StandardCharsets.UTF_8).get(0).strip();
      article = new Extractor().extract(new PageReader().read(SEED.toString()));
    }
  }

  @BeforeEach
  void skipWithoutTheSeed() {
    assumeTrue(article != null, "skipped: the seed article " + SEED.toAbsolutePath().normalize()
        + " is not here (it lives outside the repository)");
  }

  @Test
  void titleIsTheHeadline() {
    assertEquals(headline, article.title());
  }

  @Test
  void authorIsTheBylineName() {
    assertEquals(List.of("Daniele Bianchi"), article.authors());
  }

  @Test
  void theRepeatedHeadlineIsNotABlock() {
    assertTrue(article.blocks().stream().noneMatch(b -> b.text().equals(headline)));
  }

  @Test
  void theTwoSubheadingsAreTheOnlyHeadings() {
    assertEquals(List.of("Benvenuto sul tappeto rosso", "Preoccupazioni per le armi"), texts(Block.Type.HEADING));
  }

  @Test
  void thePhotoCaptionIsTheOnlyCaption() {
    List<String> captions = texts(Block.Type.CAPTION);

    assertEquals(1, captions.size(), "captions: " + captions);
    assertTrue(captions.get(0).startsWith("Il corteo di automobili"));
  }

  @Test
  void theClosingBioIsTheAuthorBio() {
    assertNotNull(article.authorBio());
    assertTrue(article.authorBio().startsWith("Daniele Bianchi, nativo di Roma"));
  }

  @Test
  void textHoldsNeitherTheBioNorTheCaption() {
    String text = article.text();

    assertFalse(text.contains("nativo di Roma"), "the bio is in the text");
    assertFalse(text.contains("Il corteo di automobili"), "the caption is in the text");
    assertFalse(text.contains(article.authorBio()), "the bio is in the text");
  }

  @Test
  void theBylineIsNotInTheText() {
    assertFalse(article.text().startsWith("Daniele Bianchi"));
    assertFalse(article.text().endsWith("Daniele Bianchi"));
  }

  @Test
  void languageIsItalian() {
    assertEquals("it", article.language());
  }

  @Test
  void noWarnings() {
    assertEquals(List.of(), article.warnings());
  }

  private static List<String> texts(Block.Type type) {
    return article.blocks().stream().filter(b -> b.type() == type).map(Block::text).toList();
  }
}
