package org.lente.store;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * How fast the reader's queries are on a large store, and how long migrating one to schema version
 * 2 takes. Not a test: run by hand (see the README). Writes a database of schema version 1 with
 * {@code N} news-sized articles straight through SQL (entities drawn from Zipf distributions, so
 * that the most frequent place is in about two thirds of the articles, like "Siria" in a corpus
 * about Syria), opens it with {@link SqliteStore} (which migrates it, timed), then times the calls
 * behind the article, entity and home pages over random ids.
 *
 * <p>Arguments: a folder (must not hold a store), the number of articles (default 100000), the
 * number of timed calls of each kind (default 300). With a folder that already holds a store of
 * version 2, only the timings are made.
 */
public final class ReaderBench {

  private ReaderBench() {}

  private static final String[] FIRST = {"Marco", "Giulia", "Ahmed", "Fatima", "John", "Mary", "Omar", "Layla",
      "Luca", "Sara", "Hassan", "Nadia", "Peter", "Anna", "Karim", "Yasmin", "Paolo", "Elena", "Samir", "Rania"};
  private static final String[] LAST = {"Rossi", "Bianchi", "Hassan", "Khalil", "Smith", "Jones", "Mansour",
      "Haddad", "Ferrari", "Romano", "Nasser", "Saleh", "Brown", "Esposito", "Ali", "Farouk", "Ricci", "Gallo",
      "Aziz", "Darwish", "Costa", "Fontana", "Bakr", "Amin", "Greco"};
  private static final String[] TOP_PLACES = {"Siria", "Libia", "Egitto", "Yemen", "Roma", "Damasco", "Tripoli",
      "Il Cairo", "Aleppo", "Bengasi", "Sana'a", "Washington", "Mosca", "Turchia", "Iran", "Israele"};
  private static final String[] WORDS = ("il la di che e a per in un una con non si da le del della sono ha governo "
      + "accordo incontro vertice sanzioni missili cooperazione difesa militare economica frontiera delegazione "
      + "ministro presidente settimana mercoledì giugno scorso nuovo importante relazione paesi ribelli forze "
      + "attacco negoziati tregua città regime opposizione").split(" ");

  /** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
  private static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double s) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, s);
        cumulative[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cumulative[i] /= sum;
      }
    }

    int next(Random random) {
      int i = Arrays.binarySearch(cumulative, random.nextDouble());
      return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
    }
  }

  static String person(int rank) {
    return FIRST[rank % FIRST.length] + " " + LAST[(rank / FIRST.length) % LAST.length]
        + (rank >= FIRST.length * LAST.length ? " " + (char) ('A' + rank / (FIRST.length * LAST.length)) + "." : "");
  }

  static String place(int rank) {
    return rank < TOP_PLACES.length ? TOP_PLACES[rank] : "Località " + rank;
  }

  static String org(int rank) {
    return "Organizzazione " + rank;
  }

  private static String words(Random random, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** Article {@code n}: 8 paragraphs of 4 sentences, a person, a place and an organisation in each. */
  static Analysis article(int n, Random random, Zipf persons, Zipf places, Zipf orgs) {
    StringBuilder text = new StringBuilder();
    List<Block> blocks = new ArrayList<>();
    List<Entity> entities = new ArrayList<>();
    List<Quote> quotes = new ArrayList<>();
    List<Timex> times = new ArrayList<>();
    String day = java.time.LocalDate.of(2011, 1, 1).plusDays(n * 5000L / 100_000).toString();
    for (int p = 0; p < 8; p++) {
      StringBuilder para = new StringBuilder();
      int paraStart = text.length() + (p == 0 ? 0 : 2);
      for (int s = 0; s < 4; s++) {
        String person = person(persons.next(random));
        String place = place(places.next(random));
        String org = org(orgs.next(random));
        int at = paraStart + para.length();
        if (s == 1) {
          String said = words(random, 12);
          String sentence = "«" + said + "», ha detto " + person + " a " + place + ". ";
          quotes.add(new Quote(said, Quote.Kind.DIRECT, person, at + said.length() + 13, person, "dire", at + 1,
              at + 1 + said.length()));
          entities.add(entity(person, Entity.Type.PER, at + said.length() + 13, p == 0 ? "portavoce" : null));
          entities.add(entity(place, Entity.Type.LOC, at + said.length() + 13 + person.length() + 3, null));
          para.append(sentence);
        } else {
          String w1 = "Secondo " + words(random, 6) + " ";
          String w2 = " " + words(random, 4) + " ";
          String w3 = " a ";
          String sentence = w1 + person + w2 + org + w3 + place + " il 12 giugno (" + n + "." + p + "." + s + "). ";
          entities.add(entity(person, Entity.Type.PER, at + w1.length(), null));
          entities.add(entity(org, Entity.Type.ORG, at + w1.length() + person.length() + w2.length(), null));
          int placeAt = at + w1.length() + person.length() + w2.length() + org.length() + w3.length();
          entities.add(entity(place, Entity.Type.LOC, placeAt, null));
          times.add(new Timex("12 giugno", Timex.Type.DATE, day.substring(0, 5) + "06-12", placeAt + place.length() + 4,
              placeAt + place.length() + 13));
          para.append(sentence);
        }
      }
      String paragraph = para.toString().strip();
      blocks.add(new Block(Block.Type.PARAGRAPH, paragraph));
      text.append(p == 0 ? "" : "\n\n").append(paragraph);
    }
    String url = "https://notizie" + (n % 40) + ".example/" + day + "/" + n;
    List<String> authors = n % 3 == 0 ? List.of() : List.of(person(1000 + n % 400));
    Article article = new Article(url, url, "Notizia " + n + ": " + words(random, 8), null, authors,
        "Notizie " + (n % 40), "esteri", List.of(), day + "T08:00:00Z", null, "meta", n % 5 == 0 ? "en" : "it", blocks,
        n % 7 == 0 ? "Scrive di esteri dal 2001." : null, List.of());
    String body = text.toString();
    for (Entity e : entities) {
      if (!body.startsWith(e.text(), e.start())) {
        throw new IllegalStateException("misplaced " + e + " in article " + n);
      }
    }
    return new Analysis(article, article.language(), day, Fixtures.sentences(body), entities, quotes, times,
        List.of());
  }

  private static Entity entity(String name, Entity.Type type, int at, String role) {
    return new Entity(name, type, at, at + name.length(), name, role);
  }

  /** Writes {@code count} articles as schema version 1 rows. */
  static void writeVersionOne(Path dir, int count) throws Exception {
    Files.createDirectories(dir);
    Random random = new Random(42);
    Zipf persons = new Zipf(20_000, 1.0);
    Zipf places = new Zipf(3_000, 1.0);
    Zipf orgs = new Zipf(5_000, 1.0);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      st.executeUpdate("PRAGMA journal_mode = WAL");
      st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
      try (InputStream in = Migrations.class.getResourceAsStream("V1__articles.sql")) {
        st.executeUpdate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      st.executeUpdate("INSERT INTO schema_version VALUES (1, 'V1__articles.sql', '2026-11-24T00:00:00Z')");
      db.setAutoCommit(false);
      PreparedStatement source = db.prepareStatement("INSERT OR IGNORE INTO sources (id, host, site) VALUES (?, ?, ?)");
      PreparedStatement art = db.prepareStatement("INSERT INTO articles (id, key, content_hash, version, stored_at, "
          + "published, language, title, source, url, site, source_id, analysis) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, "
          + "?, ?, ?)");
      PreparedStatement author = db.prepareStatement("INSERT OR IGNORE INTO authors (id, name) VALUES (?, ?)");
      PreparedStatement byline = db.prepareStatement("INSERT INTO article_authors VALUES (?, ?, 0)");
      PreparedStatement entity = db.prepareStatement("INSERT OR IGNORE INTO entities (id, type, canonical, language, "
          + "canonical_words) VALUES (?, ?, ?, ?, ?)");
      PreparedStatement mention = db.prepareStatement("INSERT INTO mentions (article_id, entity_id, start_offset, "
          + "end_offset, text, role) VALUES (?, ?, ?, ?, ?, ?)");
      PreparedStatement quote = db.prepareStatement("INSERT INTO quotes (article_id, text, kind, speaker, speaker_start, "
          + "speaker_canonical, speaker_words, text_words, cue, start_offset, end_offset, sentence_start, sentence_end, "
          + "published) VALUES (?, ?, 'DIRECT', ?, ?, ?, ?, ?, 'dire', ?, ?, ?, ?, ?)");
      Map<String, Integer> entityIds = new LinkedHashMap<>();
      long start = System.nanoTime();
      for (int n = 1; n <= count; n++) {
        Analysis a = article(n, random, persons, places, orgs);
        Article x = a.article();
        int sourceId = 1 + n % 40;
        source.setInt(1, sourceId);
        source.setString(2, "notizie" + (n % 40) + ".example");
        source.setString(3, x.site());
        source.executeUpdate();
        art.setInt(1, n);
        art.setString(2, x.url());
        art.setString(3, ContentHash.of(x.text()));
        art.setString(4, "2026-11-24T00:00:00Z");
        art.setString(5, x.published());
        art.setString(6, a.language());
        art.setString(7, x.title());
        art.setString(8, x.url());
        art.setString(9, x.url());
        art.setString(10, x.site());
        art.setInt(11, sourceId);
        art.setString(12, AnalysisJson.write(a));
        art.executeUpdate();
        for (String name : x.authors()) {
          int authorId = 1 + Math.abs(name.hashCode() % 100_000);
          author.setInt(1, authorId);
          author.setString(2, name);
          author.executeUpdate();
          byline.setInt(1, n);
          byline.setInt(2, authorId);
          byline.executeUpdate();
        }
        for (Entity e : a.entities()) {
          String key = e.type() + "\t" + e.canonical() + "\t" + a.language();
          Integer id = entityIds.get(key);
          if (id == null) {
            id = entityIds.size() + 1;
            entityIds.put(key, id);
            entity.setInt(1, id);
            entity.setString(2, e.type().name());
            entity.setString(3, e.canonical());
            entity.setString(4, a.language());
            entity.setString(5, Words.of(e.canonical()));
            entity.executeUpdate();
          }
          mention.setInt(1, n);
          mention.setInt(2, id);
          mention.setInt(3, e.start());
          mention.setInt(4, e.end());
          mention.setString(5, e.text());
          mention.setString(6, e.role());
          mention.addBatch();
        }
        mention.executeBatch();
        for (Quote q : a.quotes()) {
          int[] span = ArticleWrites.sentenceSpan(a.sentences(), q.start(), q.end());
          quote.setInt(1, n);
          quote.setString(2, q.text());
          quote.setString(3, q.speaker());
          quote.setInt(4, q.speakerStart());
          quote.setString(5, q.speakerCanonical());
          quote.setString(6, Words.ofNames(q.speaker(), q.speakerCanonical()));
          quote.setString(7, Words.of(q.text()));
          quote.setInt(8, q.start());
          quote.setInt(9, q.end());
          quote.setInt(10, span[0]);
          quote.setInt(11, span[1]);
          quote.setString(12, x.published().substring(0, 10));
          quote.addBatch();
        }
        quote.executeBatch();
        if (n % 5000 == 0) {
          db.commit();
          System.out.printf("written %d articles in %.0f s%n", n, (System.nanoTime() - start) / 1e9);
        }
      }
      db.commit();
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    if (!Files.exists(dir.resolve(SqliteStore.FILE))) {
      writeVersionOne(dir, count);
      System.out.printf("version 1 database: %d MB%n", Files.size(dir.resolve(SqliteStore.FILE)) >> 20);
    }
    long start = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(dir)) {
      System.out.printf("open (migrating when needed): %.1f s%n", (System.nanoTime() - start) / 1e9);
      IngestStatus status = store.status();
      System.out.println(status);
      Random random = new Random(1);
      List<Long> entities = new ArrayList<>();
      for (Page<EntityRef> p = store.entities(null, 100); entities.size() < 2000; p = store.entities(p.next(), 100)) {
        p.items().forEach(e -> entities.add(e.id()));
        if (p.next() == null) {
          break;
        }
      }
      EntityRef top = store.entities(null, 1).items().get(0);
      System.out.printf("most mentioned entity: %s in %d articles%n", top.name(), top.articles());
      long articles = status.articles();
      time("article page: articleView(random id)", calls, () -> store.articleView(1 + random.nextLong(articles)));
      time("entity page: entity(top entity) + its first 20 articles", calls, () -> {
        store.entity(top.id());
        store.articles(ArticleFilter.ALL.withEntity(top.id()), null, 20);
      });
      time("entity page: entity(one of the 2,000 most mentioned) + its first 20 articles", calls, () -> {
        long id = entities.get(random.nextInt(entities.size()));
        store.entity(id);
        store.articles(ArticleFilter.ALL.withEntity(id), null, 20);
      });
      long maxEntity = count(store, "SELECT max(id) FROM kb_entities");
      time("entity page: entity(random id) + its first 20 articles", calls, () -> {
        long id = 1 + random.nextLong(maxEntity);
        store.entity(id);
        store.articles(ArticleFilter.ALL.withEntity(id), null, 20);
      });
      time("home: articles(ALL, first page of 20) + trending(7 days, 20)", calls, () -> {
        store.articles(ArticleFilter.ALL, null, 20);
        store.trending(7, 20);
      });
      time("articles(source filter, page 1..5 of 20)", calls, () -> {
        String cursor = null;
        ArticleFilter f = ArticleFilter.ALL.withSource(1 + random.nextInt(40));
        for (int i = 0; i < 5; i++) {
          cursor = store.articles(f, cursor, 20).next();
        }
      });
      time("author page: author(random) + first 20 articles", calls, () -> {
        Page<AuthorProfile> page = store.authors(null, 1);
        long id = page.items().get(0).id();
        store.author(id);
        store.articles(ArticleFilter.ALL.withAuthor(id), null, 20);
      });
      time("status()", 20, store::status);
    }
  }

  private static long count(SqliteStore store, String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement st = db.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  /**
   * Runs {@code call} {@code n} times after 20 warm-up calls and prints p50, p95 and max in ms, of
   * the wall-clock time and of the calling thread's CPU time (SQLite runs in it), which tells a busy
   * machine from slow code.
   */
  static void time(String what, int n, Call call) throws Exception {
    for (int i = 0; i < Math.min(20, n); i++) {
      call.run();
    }
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] ms = new double[n];
    double[] cpu = new double[n];
    for (int i = 0; i < n; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      call.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    int p95 = (int) Math.ceil(n * 0.95) - 1;
    System.out.printf("%-72s wall p50 %6.2f p95 %6.2f max %6.2f ms | CPU p50 %6.2f p95 %6.2f ms (%d calls)%n", what,
        ms[n / 2], ms[p95], ms[n - 1], cpu[n / 2], cpu[p95], n);
  }
}
