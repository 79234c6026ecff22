package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sources page of a real server: for logged-in users, with CSRF-protected forms. */
class SourcesAdminTest {

  /** A public address written as an IP literal: admitted without DNS, never fetched (nothing polls here). */
  private static final String FEED = "http://93.184.216.34/notizie/feed.xml";

  @TempDir Path dir;
  WebSite site;

  @BeforeEach
  void start() throws Exception {
    site = WebSite.start(dir, kb -> { });
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
  }

  private static HttpResponse<String> add(WebSite.Visitor v, String address) throws Exception {
    return v.post(SourcesAdmin.PATH, "csrf=" + v.csrf(SourcesAdmin.PATH) + "&kind=feed&title=Notizie&address="
        + Chrome.enc(address));
  }

  @Test
  void anAnonymousVisitorIsSentToLogIn() throws Exception {
    HttpResponse<String> r = site.get(SourcesAdmin.PATH);

    assertEquals(303, r.statusCode());
    assertEquals("/login?next=/admin/sources", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aSourceAddedIsListedWithItsHealth() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();

    assertEquals(303, add(v, FEED).statusCode());
    Document page = v.page(SourcesAdmin.PATH + "?lang=en");
    assertTrue(page.select("table.sources code").text().contains(FEED), page.select("main").text());
    assertTrue(page.select("table.sources tr.ok").text().contains("never"), page.select("table.sources").text());
  }

  @Test
  void aPrivateHostIsRefusedWithTheReason() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();

    HttpResponse<String> r = add(v, "http://192.168.1.20/feed.xml");

    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("192.168.1.20, which is not a public address"), r.body());
    assertEquals(0, site.sources.all().size());
  }

  @Test
  void aSourceIsRemovedByItsButton() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();
    add(v, FEED);
    long id = site.sources.all().getFirst().id();

    HttpResponse<String> r = v.post(SourcesAdmin.PATH + "/" + id + "/remove", "csrf=" + v.csrf(SourcesAdmin.PATH));

    assertEquals(303, r.statusCode(), r.body());
    assertEquals(0, site.sources.all().size());
  }

  @Test
  void addingWithoutTheFormTokenIsForbidden() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();

    HttpResponse<String> r = v.post(SourcesAdmin.PATH, "kind=feed&address=" + Chrome.enc(FEED));

    assertEquals(403, r.statusCode());
    assertEquals(0, site.sources.all().size());
  }
}
