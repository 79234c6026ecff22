package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AtomFeedTest {

  private static final Instant NOW = Instant.parse("2024-07-01T12:00:00Z");

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String child(Element parent, String name) {
    NodeList l = parent.getElementsByTagNameNS(AtomFeed.NS, name);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }

  private static AtomFeed feed(AtomFeed.Entry... entries) {
    return new AtomFeed("http://localhost/search?q=rome", "Lente: rome", "http://localhost/search.atom?q=rome",
        "http://localhost/search?q=rome", List.of(entries));
  }

  @Test
  void aFeedHasTheElementsAtomRequires() throws Exception {
    String xml = feed(new AtomFeed.Entry("http://localhost/articles/1", "Rome votes", "http://localhost/articles/1",
        "https://news.example/rome", "2024-06-19", List.of("Anna Rossi"), "The city votes.")).xml(NOW);
    Element root = parse(xml).getDocumentElement();
    assertEquals("feed", root.getLocalName());
    assertEquals(AtomFeed.NS, root.getNamespaceURI());
    assertEquals("http://localhost/search?q=rome", child(root, "id"));
    assertEquals("2024-06-19T00:00:00Z", child(root, "updated"), "the newest entry's date");
    Element entry = (Element) root.getElementsByTagNameNS(AtomFeed.NS, "entry").item(0);
    assertEquals("Rome votes", child(entry, "title"));
    assertEquals("2024-06-19T00:00:00Z", child(entry, "published"));
    assertEquals("Anna Rossi", child(entry, "name"));
    NodeList links = entry.getElementsByTagNameNS(AtomFeed.NS, "link");
    assertEquals("http://localhost/articles/1", ((Element) links.item(0)).getAttribute("href"));
    assertEquals("via", ((Element) links.item(1)).getAttribute("rel"));
  }

  @Test
  void anEmptyFeedIsUpdatedNow() throws Exception {
    Element root = parse(feed().xml(NOW)).getDocumentElement();
    assertEquals("2024-07-01T12:00:00Z", child(root, "updated"));
  }

  @Test
  void anOffsetDateTimeBecomesUtc() {
    assertEquals(Instant.parse("2024-06-19T08:30:00Z"), AtomFeed.instant("2024-06-19T10:30:00+02:00", NOW));
    assertEquals(NOW, AtomFeed.instant("yesterday", NOW));
  }

  @Test
  void hostileTextIsEscapedAndOnlyHttpLinksAreWritten() throws Exception {
    String evil = "<script>alert(1)</script>]]><img src=x onerror=alert(2)>\u0000\u0008\uD800";
    String xml = feed(new AtomFeed.Entry("http://localhost/articles/2", evil, "http://localhost/articles/2",
        "javascript:alert(3)", "not a date", List.of(evil), evil)).xml(NOW);
    Element entry = (Element) parse(xml).getElementsByTagNameNS(AtomFeed.NS, "entry").item(0);
    String clean = "<script>alert(1)</script>]]><img src=x onerror=alert(2)>";
    assertEquals(clean, child(entry, "title"));
    assertEquals(clean, child(entry, "summary"));
    assertEquals(1, entry.getElementsByTagNameNS(AtomFeed.NS, "link").getLength(), "no via link for javascript:");
    assertNull(child(entry, "published"));
    assertEquals(0, entry.getElementsByTagName("script").getLength());
  }
}
