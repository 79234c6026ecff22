package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With private reading, a visitor is sent to the login page and brought back to the page asked for. */
class PrivateReadingTest {

  @TempDir
  static Path dir;
  static WebSite site;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, Newsroom::fill, true);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  @Test
  void aVisitorLogsInAndComesBackToThePage() throws Exception {
    WebSite.Visitor v = site.visitor();
    String page = "/entities/" + site.kb.entityId("Vladimir Putin").orElseThrow();
    HttpResponse<String> r = v.get(page);
    assertEquals(303, r.statusCode());
    String login = r.headers().firstValue("Location").orElseThrow();
    assertEquals("/login?next=", login.substring(0, "/login?next=".length()));
    String next = v.page(login).selectFirst("input[name=next]").attr("value");
    assertEquals(page, next);
    String token = v.csrf(login);
    HttpResponse<String> in = v.post("/login", "csrf=" + token + "&next=" + Chrome.enc(next) + "&user=" + WebSite.USER
        + "&password=" + Chrome.enc(WebSite.PASSWORD));
    assertEquals(303, in.statusCode());
    assertEquals(page, in.headers().firstValue("Location").orElseThrow());
    assertEquals("Vladimir Putin", v.page(page).selectFirst("h1").text());
  }

  @Test
  void theLoginRedirectKeepsTheQueryString() throws Exception {
    WebSite.Visitor v = site.visitor();
    HttpResponse<String> r = v.get("/search?q=Putin&lang=en");
    assertEquals(303, r.statusCode());
    String login = r.headers().firstValue("Location").orElseThrow();
    assertEquals("/search?q=Putin&lang=en", v.page(login).selectFirst("input[name=next]").attr("value"));
  }

  @Test
  void theLoginPageNeverSendsElsewhere() {
    assertEquals("/", WebRoutes.localPath("https://evil.example/"));
    assertEquals("/", WebRoutes.localPath("//evil.example/"));
    assertEquals("/", WebRoutes.localPath("/\\evil.example"));
    assertEquals("/articles/1", WebRoutes.localPath("/articles/1"));
  }
}
