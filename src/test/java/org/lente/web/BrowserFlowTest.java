package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.story.Newswire;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's path through Lente in Debian's Chromium (headless) against a real server: home → story
 * → article → entity → search → log in → add an article by pasting text → see it analysed; and a
 * wire story's page and an article's other versions, with their evidence and changes. A
 * screenshot of each step is saved under target/screenshots/. Skipped when chromium or chromedriver
 * is not installed.
 */
class BrowserFlowTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("lente.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("lente.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir
  static Path dir;
  static WebSite site;
  static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    // each test skips with the reason (skipWithoutABrowser): an assumption here left surefire's report with no test
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    site = WebSite.start(dir, kb -> {
      Newsroom.fill(kb);
      kb.add("wire-it", Newswire.italian("Stellantis, 850 milioni per Mirafiori"));
      kb.add("wire-en", Newswire.english("Stellantis to invest 850 million euros in Mirafiori"));
      kb.add("wire-copy", Newswire.copy("Mirafiori, arrivano 900 milioni"));
    });
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1280,900", "--lang=en-US");
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @BeforeEach
  void skipWithoutABrowser() {
    assumeTrue(driver != null,
        "browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (site != null) {
      site.close();
    }
  }

  private static void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  @Test
  void aReaderFollowsTheNewsAndAddsAnArticle() throws Exception {
    driver.get(site.url("/?lang=en"));
    assertEquals("Latest stories", driver.findElement(By.id("latest-h")).getText());
    shot("01-home");

    driver.findElement(By.cssSelector(".stories a[href^='/stories/']")).click();
    assertEquals("Putin arrives in Pyongyang", driver.findElement(By.tagName("h1")).getText());
    driver.findElement(By.linkText("Putin arrives in Pyongyang")).click();
    WebElement putin = driver.findElement(By.cssSelector(".article-body .hl.ent.per"));
    WebElement tip = driver.findElement(By.id(putin.getDomAttribute("aria-describedby")));
    assertFalse(tip.isDisplayed(), "descriptions are hidden until hover or focus");
    new Actions(driver).moveToElement(putin).perform();
    assertTrue(tip.isDisplayed(), "hovering shows the description");
    assertEquals("Person: Vladimir Putin · Russian President", tip.getText());
    shot("02-article-hover");
    new Actions(driver).moveToElement(driver.findElement(By.id("article-title"))).perform();
    WebElement time = driver.findElement(By.cssSelector(".article-body .hl.time"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus()", time);
    WebElement timeTip = driver.findElement(By.id(time.getDomAttribute("aria-describedby")));
    assertTrue(timeTip.isDisplayed(), "keyboard focus shows the description");
    assertTrue(timeTip.getText().startsWith("Date: June 19, 2024"), timeTip.getText());
    shot("03-article-focus");

    driver.findElement(By.cssSelector(".quotes-list a")).click();
    assertEquals("Vladimir Putin", driver.findElement(By.tagName("h1")).getText());
    assertTrue(driver.findElement(By.cssSelector("svg.chart")).isDisplayed());
    shot("04-entity");

    WebElement box = driver.findElement(By.id("quick-q"));
    box.sendKeys("Pyongyang");
    box.submit();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("results-h")));
    assertEquals("2 articles", driver.findElement(By.id("results-h")).getText());
    shot("05-search");

    driver.findElement(By.linkText("Add an article")).click();
    waiting().until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("user")).sendKeys(WebSite.USER);
    driver.findElement(By.id("password")).sendKeys(WebSite.PASSWORD);
    shot("06-login");
    driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("text")));

    driver.findElement(By.id("title")).sendKeys("Mattarella incontra Guterres a Roma");
    driver.findElement(By.id("text")).sendKeys(String.join("\n\n",
        "Il presidente della Repubblica Sergio Mattarella ha incontrato ieri a Roma il segretario generale delle Nazioni Unite António Guterres.",
        "«La pace in Europa è ancora possibile», ha detto Mattarella al termine dell'incontro al Quirinale.",
        "Guterres sarà a Milano lunedì 24 giugno per una conferenza sul clima."));
    shot("07-add-form");
    driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
    waiting().until(ExpectedConditions.urlMatches("/articles/\\d+$"));
    List<WebElement> people = driver.findElements(By.cssSelector(".article-body .hl.ent.per"));
    assertFalse(people.isEmpty(), "the pasted article is analysed: people are highlighted");
    assertTrue(driver.findElements(By.cssSelector(".article-body .hl.ent.loc")).stream()
        .anyMatch(e -> e.getText().equals("Roma")), "Roma is a highlighted place");
    shot("08-added-article");

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    driver.navigate().refresh();
    assertTrue(driver.findElement(By.cssSelector(".article-body")).getRect().getWidth() <= 390,
        "on a phone the text fits the screen");
    shot("09-added-article-phone");

    List<String> console = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy") || line.contains("SEVERE")),
        "no page broke the Content-Security-Policy or failed to load a resource: " + console);
  }

  @Test
  void anAdministratorAddsASourceAndRemovesItOnTheSourcesPage() throws Exception {
    driver.get(site.url(SourcesAdmin.PATH + "?lang=en"));
    if (driver.getCurrentUrl().contains("/login")) {
      driver.findElement(By.id("user")).sendKeys(WebSite.USER);
      driver.findElement(By.id("password")).sendKeys(WebSite.PASSWORD);
      driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("add-source")));
    }
    String feed = "http://93.184.216.34/notizie/feed.xml"; // public, as an IP literal: no DNS; nothing polls here
    driver.findElement(By.id("address")).sendKeys(feed);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("feed");
    driver.findElement(By.id("title")).sendKeys("Notizie");
    driver.findElement(By.cssSelector("#add-source button[type=submit]")).click();
    WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.sources tr.ok")));
    assertTrue(row.getText().contains(feed), row.getText());
    assertTrue(row.getText().contains("never"), row.getText());
    shot("10-sources");

    row.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("no-sources")));
    assertTrue(site.sources.all().isEmpty());
    driver.findElement(By.cssSelector("form[action='/logout'] button")).click(); // the other tests start logged out
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Log in")));
  }

  @Test
  void aReaderComparesTheVersionsOfAWireStory() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    driver.get(site.url("/?lang=en"));
    driver.findElement(By.linkText("Stellantis, 850 milioni per Mirafiori")).click();
    waiting().until(ExpectedConditions.urlMatches("/stories/\\d+$"));
    assertEquals(3, driver.findElements(By.cssSelector(".articles h3 a")).size());
    assertTrue(driver.findElement(By.id("timeline-h")).isDisplayed());
    shot("10-story");

    driver.findElement(By.linkText("Stellantis to invest 850 million euros in Mirafiori")).click();
    WebElement versions = driver.findElement(By.id("versions"));
    WebElement original = versions.findElement(By.xpath(".//li[contains(@class,'version')][.//a[text()="
        + "'Stellantis, 850 milioni per Mirafiori']]"));
    assertEquals("This is the original", original.findElement(By.cssSelector(".badge.direction")).getText());
    WebElement passages = original.findElement(By.cssSelector("table.passages"));
    assertFalse(passages.isDisplayed(), "the evidence is folded until asked for");
    original.findElement(By.cssSelector(".evidence summary")).click();
    assertTrue(passages.isDisplayed(), "without JavaScript, the details element opens the evidence");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", versions);
    shot("11-other-versions");

    driver.findElement(By.linkText("Mirafiori, arrivano 900 milioni")).click();
    WebElement change = driver.findElement(By.cssSelector("#versions .changes .change"));
    assertEquals("Changed number", change.findElement(By.cssSelector(".changed")).getText());
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", change);
    shot("12-changed-number");
  }
}
