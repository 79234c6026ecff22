package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lente sources add|list|remove|import-opml} on a real knowledge base folder. */
class SourcesCommandTest {

  /** A public address written as an IP literal: checked without a DNS lookup, never fetched by these commands. */
  private static final String PUBLIC_FEED = "http://93.184.216.34/notizie/feed.xml";

  @TempDir Path tmp;

  private CliRun sources(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "sources";
    all[1] = args[0];
    all[2] = "--data=" + tmp.resolve("kb");
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.of(all);
  }

  @Test
  void anAddedSourceIsListedAsNeverPolled() {
    CliRun added = sources("add", "--title", "Notizie", PUBLIC_FEED);
    CliRun listed = sources("list", "--json");

    assertEquals(0, added.code(), added.err());
    assertTrue(added.err().contains("source 1 added: feed " + PUBLIC_FEED), added.err());
    assertTrue(listed.out().contains("\"address\" : \"" + PUBLIC_FEED + "\""), listed.out());
    assertTrue(listed.out().contains("\"lastPoll\" : null"), listed.out());
    assertTrue(listed.out().contains("\"every\" : 900"), listed.out());
  }

  @Test
  void anAddressAlreadyThereIsRefused() {
    sources("add", PUBLIC_FEED);
    CliRun again = sources("add", PUBLIC_FEED);

    assertEquals(1, again.code(), again.err());
    assertTrue(again.err().contains("already a source: " + PUBLIC_FEED + " (id 1)"), again.err());
  }

  @Test
  void aPrivateHostIsRefusedWithoutAllowPrivate() {
    CliRun run = sources("add", "http://127.0.0.1:8081/feed.xml");

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("127.0.0.1, which is not a public address"), run.err());
    assertTrue(run.err().contains("--allow-private"), run.err());
    assertFalse(sources("list").out().contains("127.0.0.1"));
  }

  @Test
  void aPrivateHostIsAddedWithAllowPrivate() {
    CliRun run = sources("add", "--allow-private", "http://127.0.0.1:8081/feed.xml");

    assertEquals(0, run.code(), run.err());
    assertTrue(sources("list").out().contains("http://127.0.0.1:8081/feed.xml"));
  }

  @Test
  void aUrlWithoutHostIsRefusedByName() {
    CliRun run = sources("add", "--kind", "sitemap", "ftp://example.org/sitemap.xml");

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("not an http or https URL with a host: ftp://example.org/sitemap.xml"), run.err());
  }

  @Test
  void anUnknownKindIsAUsageError() {
    CliRun run = sources("add", "--kind", "podcast", PUBLIC_FEED);

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("unknown source kind: podcast"), run.err());
  }

  @Test
  void aMissingFeedFileIsRefused() {
    CliRun run = sources("add", tmp.resolve("absent.xml").toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("not a readable feed file: " + tmp.resolve("absent.xml") + " (no such file)"),
        run.err());
  }

  @Test
  void aSourceIsRemovedByItsAddress() {
    sources("add", PUBLIC_FEED);
    CliRun removed = sources("remove", PUBLIC_FEED);

    assertEquals(0, removed.code(), removed.err());
    assertEquals("", sources("list").out());
  }

  @Test
  void removingAnUnknownSourceIsAnError() {
    CliRun run = sources("remove", "7");

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("unknown source: 7"), run.err());
  }

  @Test
  void importOpmlAddsItsFeedsAndNamesTheOneItCannot() throws Exception {
    Path opml = Files.writeString(tmp.resolve("feeds.opml"), "<?xml version=\"1.0\"?><opml version=\"2.0\"><head>"
        + "<title>Letture</title></head><body><outline text=\"Notizie\" type=\"rss\" xmlUrl=\"" + PUBLIC_FEED + "\"/>"
        + "<outline text=\"Interno\" type=\"rss\" xmlUrl=\"http://10.1.2.3/feed.xml\"/></body></opml>");

    CliRun run = sources("import-opml", opml.toString());

    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("added 1, already there 0, failed 1"), run.out());
    assertTrue(run.err().contains("10.1.2.3"), run.err());
    assertTrue(sources("list").out().contains(PUBLIC_FEED));
  }

  @Test
  void importOpmlOfAFileWithNestedEntitiesDoesNotExpandThem() throws Exception {
    Path opml = Files.writeString(tmp.resolve("feeds.opml"), "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a "
        + "\"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        + "<opml version=\"2.0\"><body><outline text=\"&c;\" type=\"rss\" xmlUrl=\"" + PUBLIC_FEED + "\"/>"
        + "</body></opml>");

    CliRun run = sources("import-opml", opml.toString());

    assertEquals(0, run.code(), run.out() + run.err());
    assertFalse(sources("list", "--json").out().contains("aaaaaaaaaaaaaaaaaaaa"), "an entity was expanded");
  }

  @Test
  void importOfAFileThatIsNotOpmlAddsNothing() throws Exception {
    Path notOpml = Files.writeString(tmp.resolve("feeds.opml"), "<html><body>Le mie letture</body></html>");

    CliRun run = sources("import-opml", notOpml.toString());

    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("is not a readable OPML file"), run.err());
    assertEquals("", sources("list").out());
  }
}
