package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlExtractorTest {

  /** A small news page with everything around the article that must stay out of its text. */
  private static final String NEWS_PAGE = """
      <!doctype html>
      <html lang="en-GB">
      <head>
        <meta charset="utf-8">
        <title>Harbour bridge reopens after three years | The Lakeside Courier</title>
        <meta property="og:site_name" content="The Lakeside Courier">
      </head>
      <body>
      <header class="site-header">
        <nav class="main-nav"><ul>
          <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
          <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
        </ul></nav>
      </header>
      <div class="cookie-banner">
        <p>We use cookies to improve your experience on our website. By continuing you accept our policy.</p>
        <a href="/cookies">Manage cookies</a>
      </div>
      <main>
      <article>
        <h1>Harbour bridge reopens after three years</h1>
        <p class="byline">By Jane Doe and John Roe</p>
        <time datetime="2024-06-19T08:30:00+01:00">19 June 2024</time>
        <div class="share-buttons">
          <a href="https://facebook.com/share">Share on Facebook</a>
          <a href="https://x.com/share">Share on X</a>
          <a href="mailto:?subject=bridge">Email this article</a>
        </div>
        <p>The harbour bridge reopened to traffic on Wednesday morning, three years after engineers closed it when cracks were found in two of its steel piers.</p>
        <p>Hundreds of residents walked across the deck before the first buses were allowed through, and the mayor cut a ribbon at the northern end.</p>
        <figure>
          <img src="/bridge.jpg" alt="">
          <figcaption>The first bus crosses the reopened bridge on Wednesday morning.</figcaption>
        </figure>
        <h2>A costly repair</h2>
        <p>The repairs cost more than twice the original estimate, the council said, because the damage to the piers turned out to be worse than the first survey suggested.</p>
        <blockquote>We owe the engineers a great deal: they worked through two winters to give the town its bridge back.</blockquote>
        <p>The council listed the main items of the bill in its report to residents last month:</p>
        <ul><li>new steel for both piers</li><li>a resurfaced deck</li><li>wider footpaths on each side</li></ul>
        <h2>Less traffic on the ring road</h2>
        <p>Traffic on the ring road is expected to fall by a third now that the bridge is open again, according to the council's own forecast published in the spring.</p>
        <div class="author-bio">
          <p>Jane Doe covers transport and local government for the Courier from its harbour office.</p>
        </div>
      </article>
      <aside class="related-articles">
        <h3>Related</h3>
        <ul>
          <li><a href="/a">Ferry timetable changes this summer after the bridge reopening</a></li>
          <li><a href="/b">Council approves new cycle lanes along the harbour front</a></li>
        </ul>
      </aside>
      <section id="comments" class="comments">
        <h3>2 comments</h3>
        <div class="comment"><p>Finally! It took them long enough to fix that bridge, and the cost is outrageous for what we got in the end.</p></div>
        <div class="comment"><p>I walked across this morning and the views from the new footpath are lovely, well done to all who worked on it.</p></div>
      </section>
      <div class="ad-slot"><p>Advertisement: the best garden furniture of the season at half price, this weekend only in all our stores.</p></div>
      </main>
      <footer class="site-footer"><p>© 2024 The Lakeside Courier. All rights reserved.</p>
      <a href="/privacy">Privacy</a></footer>
      </body>
      </html>
      """;

  // ---- the news page

  @Test
  void titleComesFromTheH1() {
    assertEquals("Harbour bridge reopens after three years", extract(NEWS_PAGE).title());
  }

  @Test
  void authorsComeFromABylineElementAsNamesOnly() {
    assertEquals(List.of("Jane Doe", "John Roe"), extract(NEWS_PAGE).authors());
  }

  @Test
  void publishedComesFromTheTimeElement() {
    Article a = extract(NEWS_PAGE);

    assertEquals("2024-06-19T08:30:00+01:00", a.published());
    assertEquals("time-element", a.dateSource());
  }

  @Test
  void languageComesFromHtmlLangNormalised() {
    assertEquals("en", extract(NEWS_PAGE).language());
  }

  @Test
  void siteComesFromOpenGraph() {
    assertEquals("The Lakeside Courier", extract(NEWS_PAGE).site());
  }

  @Test
  void textStartsWithTheFirstParagraphAndEndsWithTheLast() {
    String text = extract(NEWS_PAGE).text();

    assertTrue(text.startsWith("The harbour bridge reopened to traffic on Wednesday morning"), text);
    assertTrue(text.endsWith("according to the council's own forecast published in the spring."), text);
  }

  @Test
  void paragraphsAreBlocks() {
    assertTrue(extract(NEWS_PAGE).blocks().contains(new Block(Block.Type.PARAGRAPH,
        "Hundreds of residents walked across the deck before the first buses were allowed through, and "
            + "the mayor cut a ribbon at the northern end.")));
  }

  @Test
  void subheadingsAreHeadingBlocksAndTheH1IsNot() {
    assertEquals(List.of("A costly repair", "Less traffic on the ring road"), texts(extract(NEWS_PAGE), Block.Type.HEADING));
  }

  @Test
  void blockquoteIsAQuote() {
    assertEquals(List.of("We owe the engineers a great deal: they worked through two winters to give the town its "
        + "bridge back."), texts(extract(NEWS_PAGE), Block.Type.QUOTE));
  }

  @Test
  void listItemsAreOneListBlockOneItemPerLine() {
    assertEquals(List.of("new steel for both piers\na resurfaced deck\nwider footpaths on each side"),
        texts(extract(NEWS_PAGE), Block.Type.LIST));
  }

  @Test
  void figcaptionIsACaptionAndNotText() {
    Article a = extract(NEWS_PAGE);

    assertEquals(List.of("The first bus crosses the reopened bridge on Wednesday morning."),
        texts(a, Block.Type.CAPTION));
    assertFalse(a.text().contains("The first bus crosses"), a.text());
  }

  @Test
  void authorBioBoxIsTheBioAndNotText() {
    Article a = extract(NEWS_PAGE);

    assertEquals("Jane Doe covers transport and local government for the Courier from its harbour office.",
        a.authorBio());
    assertFalse(a.text().contains("covers transport"), a.text());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Home", "Weather", // navigation
      "cookies", // cookie banner
      "Share on", "Email this article", // share widget
      "Ferry timetable", "Related", // related links
      "took them long enough", "views from the new footpath", "comments", // comments
      "garden furniture", "Advertisement", // ads
      "All rights reserved", // footer
      "By Jane Doe", // the byline
      "19 June 2024"}) // the time stamp
  void furnitureIsNotInTheText(String furniture) {
    String text = extract(NEWS_PAGE).text();

    assertFalse(text.contains(furniture), furniture + " in:\n" + text);
  }

  // ---- titles

  @Test
  void titleComesFromOgTitleWithoutTheSiteSuffixWhenThereIsNoH1() {
    Article a = extract(page("""
        <meta property="og:site_name" content="Gazzetta del Lago">
        <meta property="og:title" content="Il ponte sul fiume riapre dopo tre anni | Gazzetta del Lago">
        """));

    assertEquals("Il ponte sul fiume riapre dopo tre anni", a.title());
  }

  @Test
  void titleComesFromTheTitleTagWithoutTheSiteSuffix() {
    Article a = extract(page("<title>Il ponte sul fiume riapre dopo tre anni - Gazzetta del Lago</title>"));

    assertEquals("Il ponte sul fiume riapre dopo tre anni", a.title());
  }

  @Test
  void titleComesFromJsonLdHeadline() {
    Article a = extract(page("""
        <title>Gazzetta del Lago</title>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Il ponte sul fiume riapre"}
        </script>
        """));

    assertEquals("Il ponte sul fiume riapre", a.title());
  }

  // ---- authors

  @Test
  void authorsComeFromJsonLdPersonsAndNotOrganizations() {
    Article a = extract(page("""
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Il ponte riapre",
         "author": [{"@type": "Person", "name": "Giulia Ferraris"}, {"@type": "Person", "name": "Marco Neri"},
                    {"@type": "Organization", "name": "Gazzetta del Lago"}]}
        </script>
        """));

    assertEquals(List.of("Giulia Ferraris", "Marco Neri"), a.authors());
  }

  @Test
  void authorsComeFromJsonLdInAGraph() {
    Article a = extract(page("""
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Gazzetta del Lago"},
          {"@type": "NewsArticle", "headline": "Il ponte riapre", "author": {"@type": "Person", "name": "Giulia Ferraris"}}
        ]}
        </script>
        """));

    assertEquals(List.of("Giulia Ferraris"), a.authors());
  }

  @Test
  void authorsComeFromMetaAuthor() {
    assertEquals(List.of("Giulia Ferraris"), extract(page("<meta name=\"author\" content=\"Giulia Ferraris\">")).authors());
  }

  @Test
  void metaAuthorThatIsAUrlIsNotAName() {
    assertEquals(List.of(), extract(page(
        "<meta property=\"article:author\" content=\"https://www.facebook.com/gazzetta\">")).authors());
  }

  @Test
  void unreadableJsonLdIsSkippedWithAWarning() {
    List<String> warnings = new ArrayList<>();

    Article a = new HtmlExtractor().extract("test.html", page("""
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
        <meta name="author" content="Giulia Ferraris">
        """), null, warnings);

    assertEquals(List.of("Giulia Ferraris"), a.authors());
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("unreadable JSON-LD")), "warnings: " + a.warnings());
  }

  @Test
  void authorsComeFromAMetaAuthorListingTwoNames() {
    assertEquals(List.of("Giulia Ferraris", "Marco Neri"),
        extract(page("<meta name=\"author\" content=\"Giulia Ferraris, Marco Neri\">")).authors());
  }

  @Test
  void authorsComeFromARelAuthorLink() {
    Article a = extract("<html><body><article><p>di <a rel=\"author\" href=\"/autori/giulia\">Giulia Ferraris</a></p>"
        + ARTICLE + "</article></body></html>");

    assertEquals(List.of("Giulia Ferraris"), a.authors());
  }

  @Test
  void jsonLdAuthorGivenAsABylineStringIsCleaned() {
    Article a = extract(page("""
        <script type="application/ld+json">{"@type": "NewsArticle", "author": "By Jane Doe and John Roe"}</script>
        """));

    assertEquals(List.of("Jane Doe", "John Roe"), a.authors());
  }

  // ---- between the headline and the article's root

  /**
   * A page whose headline sits in a container of links and a byline apart from the body's container,
   * so that the body's container is the article's root; {@code between} follows the headline.
   */
  private static String splitPage(String between) {
    return "<html><body><div class=\"page\"><div class=\"top\"><ul class=\"trail\"><li><a href=\"/\">Home</a></li>"
        + "<li><a href=\"/travel\">Travel</a></li><li><a href=\"/travel/rail\">Rail</a></li>"
        + "<li><a href=\"/travel/rail/europe\">Europe</a></li></ul>"
        + "<div class=\"title-wrap\"><h1>Night trains return to the valley line</h1></div>" + between
        + "<p class=\"byline\">By Anna Berg, transport correspondent</p><ul class=\"tools\"><li><a href=\"/s/fb\">Facebook</a></li>"
        + "<li><a href=\"/s/wa\">WhatsApp</a></li><li><a href=\"/s/mail\">Email</a></li><li><a href=\"/print\">Print</a></li><li><a href=\"#c\">Comments (12)</a></li></ul>"
        + "</div><div class=\"copy\">"
        + "<p>The regional operator will run a sleeper service between the coast and the mountain towns four nights a week from March, eleven years after the last one was cancelled.</p>"
        + "<p>Each train will have six sleeping cars and a dining car, and tickets will go on sale in January at prices the operator says will match a night in a cheap hotel.</p>"
        + "<p>Mayors along the line had asked for the service for years, arguing that walkers and skiers would leave their cars at home if they could travel overnight.</p>"
        + "<p>The ministry will cover the losses of the first three years, after which the line must pay for itself or close again, according to the contract signed on Monday.</p>"
        + "<p>Freight companies fear that the night trains will take the slots their own trains use on the single track through the gorge, and have asked the regulator to decide.</p>"
        + "<p>The operator says the timetable leaves room for both, since the sleepers will pass the gorge after midnight, when freight traffic is at its lowest.</p>"
        + "</div></div></body></html>";
  }

  @Test
  void aStandfirstBetweenTheHeadlineAndTheBodyIsPrintedFirst() {
    String standfirst = "After eleven years without a sleeper, walkers and skiers will be able to cross the region overnight again.";
    Article a = extract(splitPage("<p>" + standfirst + "</p>"));

    assertTrue(a.text().startsWith(standfirst + "\n\nThe regional operator"), a.text());
  }

  @Test
  void aSignUpBoxBetweenTheHeadlineAndTheBodyIsNotPrinted() {
    Article a = extract(splitPage("<div class=\"box\"><p>Weekly rail deals</p>"
        + "<form><label>Your email</label><input type=\"email\"><button>Send me the deals</button></form></div>"));

    assertTrue(a.text().startsWith("The regional operator"), a.text());
    assertFalse(a.text().contains("rail deals"), a.text());
  }

  /**
   * A blog's page: the masthead's h1 is the blog's name, with its tagline after it; the post's own
   * title is {@code postTitle} (an h2 of the post), followed by {@code intro} in a box apart from the
   * post's text.
   */
  private static String blogPage(String postTitle, String intro) {
    return "<html><head><title>Night trains return to the valley line</title>"
        + "<meta property=\"og:site_name\" content=\"Valley Notes\"></head><body>"
        + "<div id=\"masthead\"><h1><a href=\"/\">Valley Notes</a></h1>"
        + "<p class=\"tagline\">Small stories from the end of the line</p></div>"
        + "<div class=\"post\">" + postTitle + intro + "<div class=\"copy\">"
        + "<p>The regional operator will run a sleeper service between the coast and the mountain towns four nights a week from March, eleven years after the last one was cancelled.</p>"
        + "<p>Each train will have six sleeping cars and a dining car, and tickets will go on sale in January at prices the operator says will match a night in a cheap hotel.</p>"
        + "<p>Mayors along the line had asked for the service for years, arguing that walkers and skiers would leave their cars at home if they could travel overnight.</p>"
        + "<p>The ministry will cover the losses of the first three years, after which the line must pay for itself or close again, according to the contract signed on Monday.</p>"
        + "</div></div></body></html>";
  }

  @Test
  void theSiteNameInTheMastheadIsNotTheHeadline() {
    Article a = extract(blogPage("", ""));

    assertEquals("Night trains return to the valley line", a.title());
    assertTrue(a.text().startsWith("The regional operator"), a.text());
  }

  @Test
  void aPostTitledInAnH2UnderTheSiteNameIsTheHeadline() {
    String intro = "After eleven years without a sleeper, walkers and skiers will be able to cross the region overnight again.";
    Article a = extract(blogPage("<h2>Night trains return to the valley line</h2>", "<div class=\"intro\"><p>" + intro + "</p></div>"));

    assertTrue(a.text().startsWith(intro + "\n\nThe regional operator"), a.text());
  }

  @Test
  void anH1IsTheSiteNameOnlyWhenThePageIsTitledOtherwise() {
    assertTrue(HtmlExtractor.namesSite("Valley Notes", "Valley Notes", "Night trains return"));
    assertTrue(HtmlExtractor.namesSite("Blog: Valley Notes", "Valley Notes", "Night trains return"));
    assertFalse(HtmlExtractor.namesSite("Valley Notes", "Valley Notes", "Valley Notes"));
    assertFalse(HtmlExtractor.namesSite("Night trains return to Valley Notes country", "Valley Notes", "Night trains"));
    assertFalse(HtmlExtractor.namesSite("Valley Notes", null, "Night trains return"));
  }

  @Test
  void rubyReadingsAreLeftOutOfTheText() {
    Article a = extract("<html><body><article><h1>新しい図書館</h1>"
        + "<p>町の<ruby>図書館<rp>(</rp><rt>としょかん</rt><rp>)</rp></ruby>は来月から日曜日も開きます。"
        + "<ruby>利用者<rt>りようしゃ</rt></ruby>の多くが平日に来られないと答えたためです。</p>"
        + "<p>職員は交代で働き、読書会のボランティアが子ども向けのコーナーを手伝います。</p></article></body></html>");

    assertTrue(a.text().startsWith("町の図書館は来月から日曜日も開きます。利用者の多くが"), a.text());
    assertFalse(a.text().contains("としょかん"), a.text());
  }

  // ---- other metadata

  @Test
  void subtitleComesFromAStandfirstElement() {
    Article a = extract("<html><body><article><h1>Il ponte riapre</h1>"
        + "<p class=\"standfirst\">Dopo tre anni di cantieri la città ritrova il suo collegamento con la riva nord.</p>"
        + ARTICLE + "</article></body></html>");

    assertEquals("Dopo tre anni di cantieri la città ritrova il suo collegamento con la riva nord.", a.subtitle());
  }

  @Test
  void subtitleComesFromTheDescriptionWhenItIsNotTheOpening() {
    Article a = extract(page(
        "<meta name=\"description\" content=\"Tre anni di lavori e il doppio della spesa prevista: la storia del ponte.\">"));

    assertEquals("Tre anni di lavori e il doppio della spesa prevista: la storia del ponte.", a.subtitle());
  }

  @Test
  void aDescriptionThatIsTheOpeningIsNotTheSubtitle() {
    Article a = extract(page(
        "<meta name=\"description\" content=\"Il ponte sul fiume riapre domani mattina dopo tre anni di lavori...\">"));

    assertNull(a.subtitle());
  }

  @Test
  void urlComesFromTheCanonicalLinkResolvedAgainstThePage() {
    Article a = extract(page("<link rel=\"canonical\" href=\"/cronaca/ponte-riapre\">"),
        "https://www.gazzettadellago.example/amp/ponte?utm=x");

    assertEquals("https://www.gazzettadellago.example/cronaca/ponte-riapre", a.url());
  }

  @Test
  void aSiteNameOfTenThousandCharactersGivesWayToTheHost() {
    Article a = extract(page("<meta property=\"og:site_name\" content=\"" + "S".repeat(10_000) + "\">"),
        "https://www.gazzettadellago.example/cronaca/ponte");

    assertEquals("gazzettadellago.example", a.site());
  }

  @Test
  void aCanonicalUrlOnAnotherSiteIsKeptAsDeclaredButNotTaken() {
    Article a = extract(page("<link rel=\"canonical\" href=\"https://www.repubblica.it/cronaca/ponte\">"),
        "https://copie.example.net/ponte");

    assertEquals("https://copie.example.net/ponte", a.url());
    assertEquals("https://www.repubblica.it/cronaca/ponte", a.declaredUrl());
  }

  @Test
  void anOgUrlOnAnotherSiteIsNotTaken() {
    Article a = extract(page("<meta property=\"og:url\" content=\"https://www.repubblica.it/cronaca/ponte\">"),
        "https://copie.example.net/ponte");

    assertEquals("https://copie.example.net/ponte", a.url());
  }

  @Test
  void aCanonicalUrlOnAnotherHostOfTheSameRegistrableDomainIsTaken() {
    Article a = extract(page("<link rel=\"canonical\" href=\"https://www.bbc.co.uk/news/ponte\">"),
        "https://m.bbc.co.uk/news/ponte");

    assertEquals("https://www.bbc.co.uk/news/ponte", a.url());
  }

  @Test
  void twoSitesUnderOnePublicSuffixAreTwoSites() {
    Article a = extract(page("<link rel=\"canonical\" href=\"https://itv.co.uk/news/ponte\">"),
        "https://bbc.co.uk/news/ponte");

    assertEquals("https://bbc.co.uk/news/ponte", a.url());
  }

  @Test
  void sitesUnderAPrivateSuffixAreTwoSites() {
    Article a = extract(page("<link rel=\"canonical\" href=\"https://gazzetta.github.io/ponte\">"),
        "https://copie.github.io/ponte");

    assertEquals("https://copie.github.io/ponte", a.url());
  }

  @Test
  void siteFallsBackToTheHostWithoutWww() {
    Article a = extract(page(""), "https://www.gazzettadellago.example/cronaca/ponte");

    assertEquals("gazzettadellago.example", a.site());
  }

  @Test
  void sectionAndTagsComeFromArticleMeta() {
    Article a = extract(page("""
        <meta property="article:section" content="Cronaca">
        <meta property="article:tag" content="ponte">
        <meta property="article:tag" content="lavori pubblici">
        """));

    assertEquals("Cronaca", a.section());
    assertEquals(List.of("ponte", "lavori pubblici"), a.tags());
  }

  @Test
  void tagsComeFromCommaSeparatedKeywords() {
    assertEquals(List.of("ponte", "fiume", "lavori"),
        extract(page("<meta name=\"keywords\" content=\"ponte, fiume,lavori\">")).tags());
  }

  // ---- dates

  @Test
  void publishedComesFromJsonLd() {
    Article a = extract(page("""
        <script type="application/ld+json">
        {"@type": "NewsArticle", "headline": "Il ponte riapre", "datePublished": "2024-06-19T08:30:00+02:00",
         "dateModified": "2024-06-20T10:00:00+02:00"}
        </script>
        """));

    assertEquals("2024-06-19T08:30:00+02:00", a.published());
    assertEquals("json-ld", a.dateSource());
    assertEquals("2024-06-20T10:00:00+02:00", a.modified());
  }

  @Test
  void jsonLdDateWinsOverMeta() {
    Article a = extract(page("""
        <meta property="article:published_time" content="2023-01-01T00:00:00Z">
        <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-06-19"}</script>
        """));

    assertEquals("2024-06-19", a.published());
    assertEquals("json-ld", a.dateSource());
  }

  @Test
  void publishedComesFromMeta() {
    Article a = extract(page("<meta property=\"article:published_time\" content=\"2024-06-19T06:30:00Z\">"));

    assertEquals("2024-06-19T06:30:00Z", a.published());
    assertEquals("meta", a.dateSource());
  }

  @Test
  void publishedComesFromTheUrl() {
    Article a = extract(page(""), "https://www.gazzettadellago.example/cronaca/2024/06/19/ponte-riapre");

    assertEquals("2024-06-19", a.published());
    assertEquals("url", a.dateSource());
  }

  @Test
  void publishedComesFromADatelineInTheText() {
    Article a = extract("<html><body><article><p>Lago, 19 giugno 2024 - Il ponte sul fiume riapre domani mattina "
        + "dopo tre anni di lavori, ha annunciato il sindaco durante il consiglio comunale.</p>" + ARTICLE
        + "</article></body></html>");

    assertEquals("2024-06-19", a.published());
    assertEquals("text", a.dateSource());
  }

  @Test
  void publishedTimeElementMarkedPubdateWinsOverAnEarlierOne() {
    Article a = extract("<html><body><article><p>Aggiornato <time datetime=\"2024-06-20\">ieri</time></p>"
        + "<p>Pubblicato <time datetime=\"2024-06-19T08:30:00+02:00\" pubdate>mercoledì</time></p>" + ARTICLE
        + "</article></body></html>");

    assertEquals("2024-06-19T08:30:00+02:00", a.published());
  }

  @Test
  void noDateAnywhereGivesNoDateSource() {
    Article a = extract(page(""));

    assertNull(a.published());
    assertNull(a.dateSource());
  }

  // ---- language

  @Test
  void languageFromHtmlLangIsNormalised() {
    assertEquals("it", extract("<html lang=\"it-IT\"><body>" + ARTICLE + "</body></html>").language());
  }

  @Test
  void languageIsDetectedWhenThePageDoesNotDeclareIt() {
    assertEquals("it", extract("<html><body>" + ARTICLE + "</body></html>").language());
  }

  @Test
  void languageIsDetectedForEnglishToo() {
    String html = NEWS_PAGE.replace("<html lang=\"en-GB\">", "<html>");

    assertEquals("en", extract(html).language());
  }

  // ---- structure

  @Test
  void hiddenElementsAndScriptsAreNotText() {
    Article a = extract("<html><body><article>" + ARTICLE
        + "<p style=\"display: none\">Testo nascosto che il lettore non vede mai sulla pagina del giornale.</p>"
        + "<script>var testoDelloScript = 'non è testo';</script>"
        + "</article></body></html>");

    assertFalse(a.text().contains("nascosto"), a.text());
    assertFalse(a.text().contains("testoDelloScript"), a.text());
  }

  @Test
  void brInsideAParagraphIsALineBreak() {
    Article a = extract("<html><body><article>" + ARTICLE
        + "<p>Prima riga della poesia letta in piazza<br>seconda riga della poesia letta in piazza</p>"
        + "</article></body></html>");

    assertTrue(a.text().contains("Prima riga della poesia letta in piazza\nseconda riga"), a.text());
  }

  @Test
  void newlinesInTheMarkupOfAParagraphAreSpaces() {
    Article a = extract("<html><body><article><p>Il ponte sul fiume riapre domani mattina dopo tre anni di lavori,\n"
        + "    ha annunciato il sindaco durante il consiglio comunale di ieri sera.</p></article></body></html>");

    assertEquals("Il ponte sul fiume riapre domani mattina dopo tre anni di lavori, ha annunciato il sindaco "
        + "durante il consiglio comunale di ieri sera.", a.text());
  }

  @Test
  void spacesTabsAndNoBreakSpacesInALineCollapseToOneSpace() {
    Article a = extract("<html><body><article>" + ARTICLE
        + "<p>Il consiglio   comunale\t si riunirà di nuovo&nbsp;&nbsp;lunedì per discutere il bilancio del ponte.</p>"
        + "</article></body></html>");

    assertTrue(a.text().contains("Il consiglio comunale si riunirà di nuovo lunedì per discutere"), a.text());
  }

  @Test
  void preKeepsItsLineBreaks() {
    Article a = extract("<html><body><article>" + ARTICLE
        + "<pre>riga uno del codice sorgente\nriga due del codice sorgente</pre></article></body></html>");

    assertTrue(a.text().contains("riga uno del codice sorgente\nriga due del codice sorgente"), a.text());
  }

  @Test
  void aPageOfOnlyJunkLinesWarnsThatNoTextWasFound() {
    Article a = extract("<html><body><p>Share this article</p><p>Advertisement</p></body></html>");

    assertTrue(a.warnings().contains("no article text found"), "warnings: " + a.warnings());
  }

  @Test
  void maxDepthBelowSixteenIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Limits(15, Limits.DEFAULT_MAX_TAGS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "Il Ponte -- riapre!", "  «Città» 2024,  n° 3² Ⅻ  ", "naïve ca\u0301fe\u0301",
      "İstanbul ΣΟΦΙΑ", "emoji 😀 𝐀𝐁 done", "broken \uD800 surrogate \uDC00", "tab\tand\u00a0nbsp_under"})
  void normalizedIsTheRegexItReplaces(String s) {
    assertEquals(s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip(),
        HtmlExtractor.normalized(s));
  }

  // ---- helpers

  /** Two Italian paragraphs long enough to be an article. */
  private static final String ARTICLE = """
      <p>Il ponte sul fiume riapre domani mattina dopo tre anni di lavori, ha annunciato il sindaco durante il consiglio comunale di ieri sera, davanti a una sala piena di cittadini.</p>
      <p>I cantieri sono costati più del previsto, ma secondo i tecnici della regione la struttura è stata rinforzata per resistere altri cento anni alle piene del fiume.</p>
      """;

  /** A page with the given head markup and a two-paragraph Italian article. */
  private static String page(String head) {
    return "<!doctype html><html><head>" + head + "</head><body><article>" + ARTICLE + "</article></body></html>";
  }

  private static Article extract(String html) {
    return extract(html, null);
  }

  private static Article extract(String html, String url) {
    return new HtmlExtractor().extract("test.html", html, url, new ArrayList<>());
  }

  private static List<String> texts(Article a, Block.Type type) {
    return a.blocks().stream().filter(b -> b.type() == type).map(Block::text).toList();
  }
}
