package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fields of one JSON line, in the documented order. */
  private static final List<String> FIELDS = List.of("source", "url", "declaredUrl", "title", "subtitle", "authors", "site",
      "section", "tags", "published", "modified", "dateSource", "language", "blocks", "text", "authorBio",
      "warnings");

  private static final String PAGE = """
      <!doctype html><html lang="it"><head><meta charset="utf-8">
      <title>Il ponte sul fiume riapre dopo tre anni | Gazzetta del Lago</title>
      <meta name="author" content="Giulia Ferraris">
      <meta property="article:published_time" content="2024-06-19T08:30:00+02:00">
      </head><body><article><h1>Il ponte sul fiume riapre dopo tre anni</h1>
      <p>Il ponte sul fiume riapre domani mattina dopo tre anni di lavori, ha annunciato il sindaco durante il consiglio comunale di ieri sera.</p>
      <h2>I costi</h2>
      <p>I cantieri sono costati più del previsto, ma secondo i tecnici della regione la struttura è stata rinforzata per altri cento anni.</p>
      </article></body></html>
      """;

  private static final String TEXT = """
      Il mercato coperto chiude per restauro

      Marco Neri

      Il mercato coperto di via Roma chiuderà da lunedì per un restauro che durerà almeno otto mesi, ha deciso la giunta.

      I commercianti si sposteranno nella piazza vicina, dove il comune ha montato una tensostruttura provvisoria.
      """;

  @TempDir Path dir;

  @Test
  void manyThreadsKeepTheInputOrder() throws IOException {
    List<String> args = new ArrayList<>(List.of("extract", "--json", "--threads", "4"));
    for (int i = 0; i < 20; i++) {
      args.add(write(String.format("p%02d.html", i), PAGE.replace("tre anni", i + " anni")).toString());
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(20, lines.size());
    for (int i = 0; i < 20; i++) {
      assertEquals(args.get(4 + i), JSON.readTree(lines.get(i)).get("source").asText());
    }
  }

  @Test
  void zeroThreadsIsAUsageError() throws IOException {
    assertEquals(1, CliRun.of("extract", "--threads", "0", write("a.html", PAGE).toString()).code());
  }

  @Test
  void jsonPrintsOneLinePerInput() throws IOException {
    Path html = write("ponte.html", PAGE);
    Path text = write("mercato.txt", TEXT);

    CliRun run = CliRun.of("extract", "--json", html.toString(), text.toString());

    assertEquals(0, run.code(), run.err());
    assertEquals(2, run.out().lines().count(), run.out());
    assertEquals("Il ponte sul fiume riapre dopo tre anni", json(run, 0).get("title").asText());
    assertEquals("Il mercato coperto chiude per restauro", json(run, 1).get("title").asText());
  }

  @Test
  void jsonLinesHaveTheDocumentedFieldsInOrder() throws IOException {
    CliRun run = CliRun.of("extract", "--json", write("ponte.html", PAGE).toString());

    List<String> names = new ArrayList<>();
    json(run, 0).fieldNames().forEachRemaining(names::add);

    assertEquals(FIELDS, names);
  }

  @Test
  void jsonCarriesTheArticle() throws IOException {
    Path html = write("ponte.html", PAGE);

    JsonNode a = json(CliRun.of("extract", "--json", html.toString()), 0);

    assertEquals(html.toString(), a.get("source").asText());
    assertEquals("[\"Giulia Ferraris\"]", a.get("authors").toString());
    assertEquals("2024-06-19T08:30:00+02:00", a.get("published").asText());
    assertEquals("meta", a.get("dateSource").asText());
    assertEquals("it", a.get("language").asText());
    assertTrue(a.get("url").isNull());
    assertTrue(a.get("authorBio").isNull());
    assertEquals("[]", a.get("warnings").toString());
  }

  @Test
  void jsonBlocksHaveATypeAndAText() throws IOException {
    JsonNode blocks = json(CliRun.of("extract", "--json", write("ponte.html", PAGE).toString()), 0).get("blocks");

    assertEquals(3, blocks.size(), blocks.toString());
    assertEquals("paragraph", blocks.get(0).get("type").asText());
    assertEquals("heading", blocks.get(1).get("type").asText());
    assertEquals("I costi", blocks.get(1).get("text").asText());
    List<String> keys = new ArrayList<>();
    blocks.get(1).fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("type", "text"), keys);
  }

  @Test
  void jsonTextIsTheBodyBlocksJoined() throws IOException {
    JsonNode a = json(CliRun.of("extract", "--json", write("ponte.html", PAGE).toString()), 0);

    assertTrue(a.get("text").asText().startsWith("Il ponte sul fiume riapre domani mattina"), a.get("text").asText());
    assertTrue(a.get("text").asText().contains("\n\nI costi\n\n"), a.get("text").asText());
  }

  @Test
  void aMissingFileExitsTwoAndTheOtherInputsAreStillPrinted() throws IOException {
    Path first = write("ponte.html", PAGE);
    Path last = write("mercato.txt", TEXT);
    String missing = dir.resolve("nowhere.html").toString();

    CliRun run = CliRun.of("extract", "--json", first.toString(), missing, last.toString());

    assertEquals(2, run.code());
    assertEquals(2, run.out().lines().count(), run.out());
    assertEquals(last.toString(), json(run, 1).get("source").asText());
    assertTrue(run.err().contains(missing + ": no such file or directory"), run.err());
  }

  @Test
  void dashReadsStandardInput() throws IOException {
    InputStream saved = System.in;
    CliRun run;
    try {
      System.setIn(new ByteArrayInputStream(PAGE.getBytes(UTF_8)));
      run = CliRun.of("extract", "--json", "-");
    } finally {
      System.setIn(saved);
    }

    assertEquals(0, run.code(), run.err());
    assertEquals("-", json(run, 0).get("source").asText());
    assertEquals("Il ponte sul fiume riapre dopo tre anni", json(run, 0).get("title").asText());
  }

  @Test
  void aDirectoryIsWalkedRecursivelyInNameOrderSkippingHiddenFiles() throws IOException {
    Path a = write("a.html", PAGE);
    Path b = write("sub/b.txt", TEXT);
    Path c = dir.resolve("sub/deeper/c.html.gz");
    Files.createDirectories(c.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(c))) {
      out.write(PAGE.getBytes(UTF_8));
    }
    write(".hidden.html", PAGE);

    CliRun run = CliRun.of("extract", "--json", dir.toString());

    assertEquals(0, run.code(), run.err());
    assertEquals(3, run.out().lines().count(), run.out());
    assertEquals(a.toString(), json(run, 0).get("source").asText());
    assertEquals(b.toString(), json(run, 1).get("source").asText());
    assertEquals(c.toString(), json(run, 2).get("source").asText());
    assertEquals("Il ponte sul fiume riapre dopo tre anni", json(run, 2).get("title").asText());
  }

  @Test
  void readableOutputShowsTheSourceTitleAndBlocks() throws IOException {
    Path html = write("ponte.html", PAGE);

    CliRun run = CliRun.of("extract", html.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("== " + html + "\n"), run.out());
    assertTrue(run.out().contains("\nTitle: Il ponte sul fiume riapre dopo tre anni\n"), run.out());
    assertTrue(run.out().contains("\nAuthors: Giulia Ferraris\n"), run.out());
    assertTrue(run.out().contains("\n## I costi\n"), run.out());
  }

  @Test
  void readableOutputShowsWarnings() throws IOException {
    CliRun run = CliRun.of("extract", write("empty.html", "").toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("warning: empty input"), run.out());
  }

  @Test
  void urlOptionGivesTheUrlAndItsDate() throws IOException {
    Path html = write("ponte.html", PAGE.replaceAll("<meta property=\"article:published_time\"[^>]*>", ""));

    JsonNode a = json(CliRun.of("extract", "--json", "--url", "https://example.com/2024/06/19/ponte", html.toString()), 0);

    assertEquals("https://example.com/2024/06/19/ponte", a.get("url").asText());
    assertEquals("2024-06-19", a.get("published").asText());
    assertEquals("url", a.get("dateSource").asText());
  }

  @Test
  void urlOptionWithSeveralInputsIsAUsageError() throws IOException {
    CliRun run = CliRun.of("extract", "--url", "https://example.com/a", write("a.html", PAGE).toString(),
        write("b.html", PAGE).toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("--url goes with exactly one input file"), run.err());
  }

  @Test
  void maxBytesTruncatesWithAWarning() throws IOException {
    JsonNode a = json(CliRun.of("extract", "--json", "--max-bytes", "300", write("ponte.html", PAGE).toString()), 0);

    assertTrue(a.get("warnings").toString().contains("exceeds the limit of 300 bytes"), a.get("warnings").toString());
  }

  @Test
  void maxBytesOutOfRangeIsAUsageError() throws IOException {
    CliRun run = CliRun.of("extract", "--max-bytes", "0", write("ponte.html", PAGE).toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("--max-bytes out of range: 0"), run.err());
  }

  @Test
  void maxDepthBelowSixteenIsAUsageError() throws IOException {
    assertEquals(1, CliRun.of("extract", "--max-depth", "8", write("ponte.html", PAGE).toString()).code());
  }

  @Test
  void aGzipBombGivesOneJsonLineWithWarningsAndExitsZero() throws IOException {
    Path bomb = dir.resolve("bomb.html.gz");
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
      gz.write(new byte[1 << 20]);
    }
    try (OutputStream out = Files.newOutputStream(bomb)) {
      for (int i = 0; i < 1024; i++) { // 1 GiB of zeros, as concatenated gzip members
        out.write(member.toByteArray());
      }
    }

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("extract", "--json", bomb.toString()));

    assertEquals(0, run.code(), run.err());
    assertEquals(1, run.out().lines().count());
    String warnings = json(run, 0).get("warnings").toString();
    assertTrue(warnings.contains("decompressed content exceeds the limit"), warnings);
    assertTrue(warnings.contains("binary"), warnings);
  }

  @Test
  void binaryJunkGivesOneJsonLineAndExitsZero() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    junk[10] = 0;
    Path file = dir.resolve("junk.bin");
    Files.write(file, junk);

    CliRun run = CliRun.of("extract", "--json", file.toString());

    assertEquals(0, run.code(), run.err());
    assertEquals(1, run.out().lines().count());
    assertTrue(json(run, 0).get("title").isNull());
    assertEquals("", json(run, 0).get("text").asText());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, UTF_8);
    return file;
  }

  private static JsonNode json(CliRun run, int line) throws IOException {
    return JSON.readTree(run.out().lines().toList().get(line));
  }

  @Test
  void anEmptyFolderIsNoInputsFoundWithExitOne() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    CliRun run = CliRun.of("extract", "--json", empty.toString());

    assertEquals(1, run.code(), run.out());
    assertEquals("", run.out());
    assertTrue(run.err().contains("no inputs found in " + empty), run.err());
  }

  @Test
  void aFolderWithFilesBesideAnEmptyOneIsRead() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path text = Files.writeString(dir.resolve("mercato.txt"), TEXT);

    CliRun run = CliRun.of("extract", "--json", empty.toString(), text.toString());

    assertEquals(0, run.code(), run.err());
    assertEquals(1, run.out().strip().lines().count(), run.out());
  }
}
