package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

  @TempDir Path dir;

  @Test
  void aControlCharacterInTheDtdIsAFormatErrorNotAParserCrash() {
    // the JDK's parser fails here with a MissingResourceException: its message for this error is missing
    byte[] xml = "<!DOCTYPE rss [\u0002]><rss><channel><title>T</title></channel></rss>".getBytes(UTF_8);

    SourceFormatException e = assertThrows(SourceFormatException.class, () -> Feeds.parse(xml, null));

    assertTrue(e.getMessage().contains("InvalidCharInDTD"), e.getMessage());
  }

  @Test
  void xxeDoesNotReadALocalFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<rss><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://news.example/a</link>"
        + "</item></channel></rss>";

    Feed feed = Feeds.parse(xxe.getBytes(UTF_8), null);

    assertEquals("&xxe;", feed.title());
    assertFalse(feed.toString().contains("TOP-SECRET"), feed.toString());
    assertTrue(feed.warnings().contains("the document's DTD was ignored: DTDs and external entities are never processed"),
        feed.warnings().toString());
  }

  @Test
  void externalDtdAndParameterEntitiesAreNeverFetched() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger hits = new AtomicInteger();
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + url + "\" [<!ENTITY % remote SYSTEM \""
          + url + "\"> %remote;]><rss><channel><title>T</title></channel></rss>";

      Feed feed = Feeds.parse(xml.getBytes(UTF_8), null);

      assertEquals("T", feed.title());
      assertEquals(0, hits.get());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsIsNotExpanded() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String xml = "<?xml version=\"1.0\"?>" + dtd + "]><rss><channel><title>&lol9;</title></channel></rss>";

    Feed feed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Feeds.parse(xml.getBytes(UTF_8), null));

    assertEquals("&lol9;", feed.title());
  }

  @Test
  void aPublicDtdDeclarationIsIgnored() throws IOException {
    String rss = "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
        + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
        + "<rss version=\"0.91\"><channel><title>Old</title><item><title>x</title>"
        + "<link>http://news.example/x</link></item></channel></rss>";

    Feed feed = Feeds.parse(rss.getBytes(UTF_8), null);

    assertEquals("Old", feed.title());
    assertEquals(1, feed.items().size());
  }

  @Test
  void entitiesInsideCdataAreLeftAlone() {
    String xml = "<a><![CDATA[AT&T &foo; <b>]]> &amp; &copy;</a>";

    assertEquals(xml.replace("&copy;", "&#169;"), SafeXml.escapeUndeclaredEntities(xml, new java.util.ArrayList<>()));
  }
}
