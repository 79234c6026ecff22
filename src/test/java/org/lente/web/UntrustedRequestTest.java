package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.nlp.ner.Entity;

/** What a request or an article controls must not reach where it does not belong: links, line order. */
class UntrustedRequestTest {

  /** U+202E RIGHT-TO-LEFT OVERRIDE: reverses what follows it, up to the end of its isolate or paragraph. */
  private static final String RLO = "\u202E";

  @TempDir
  static Path dir;
  static WebSite site;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, kb -> {
      Newsroom.fill(kb);
      kb.add("https://bidi.example/1", Analyses.text("\"Prices will fall,\" Mallory said.")
          .url("https://bidi.example/1").title("Markets " + RLO + "today").site("Bidi").published("2024-06-22")
          .language("en").entity("Mallory", Entity.Type.PER, "Mallory " + RLO + "Evil")
          .quote("Prices will fall,", "Mallory", "Mallory " + RLO + "Evil", "say")
          .build());
      kb.flush();
    });
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  /** Sends GET {@code path} with {@code host} as its Host header (which HttpClient will not set). */
  private static String getWithHost(String path, String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", site.server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void feedLinksDoNotComeFromTheHostHeader() throws Exception {
    String feed = getWithHost("/search.atom?q=Putin", "evil.example");
    assertTrue(feed.startsWith("HTTP/1.1 200"), feed);
    assertTrue(feed.contains("/articles/"), feed);
    assertFalse(feed.contains("evil.example"), feed);
  }

  @Test
  void jsonLdLinksDoNotComeFromTheHostHeader() throws Exception {
    String page = getWithHost("/articles/1", "evil.example");
    assertTrue(page.startsWith("HTTP/1.1 200"), page);
    assertTrue(page.contains("application/ld+json"), page);
    assertFalse(page.contains("evil.example"), page);
  }

  @Test
  void aRightToLeftOverrideInASpeakerNameStaysInsideTheName() throws Exception {
    Document d = site.page("/quotes?speaker=Mallory");
    Element meta = d.selectFirst(".quotes-list li .meta");
    Element name = meta.getElementsContainingOwnText(RLO).first();
    assertEquals("bdi", name == null ? null : name.tagName(), meta.outerHtml());
    Element title = meta.select("a[href^=/articles/]").first();
    assertEquals("bdi", title.child(0).tagName(), meta.outerHtml());
  }
}
