package org.lente.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.lente.html.Escape;
import org.lente.nlp.Analysis;
import org.lente.store.PrivateFiles;
import org.lente.store.StoredArticle;

/**
 * The embedded {@link SearchIndex}: a Lucene index in one folder, one {@link IndexWriter} and a
 * near-real-time {@link SearcherManager} refreshed by {@link #commit}.
 *
 * <p>Field layout, one document per article id:
 *
 * <ul>
 *   <li>{@code id} (keyword, the update key; also a numeric doc value), {@code version} (numeric doc
 *       value), both stored;
 *   <li>stored only, for the hit: {@code title}, {@code source}, {@code url}, {@code published} (as the
 *       article gives it), {@code language};
 *   <li>full text, analysed by the article's language: {@code title_it}/{@code body_it} with the
 *       {@link ItalianAnalyzer}, {@code title_en}/{@code body_en} with the {@link EnglishAnalyzer}, and
 *       {@code title_std}/{@code body_std} with the {@link StandardAnalyzer} for any other or no
 *       language; the title field also holds the subtitle; the body has offsets in its postings, and
 *       its first {@value #STORED_BODY_CHARS} characters are stored, for the snippets; {@code group}
 *       says which of the three (it, en, std) the article uses;
 *   <li>keywords for the filters, exact: {@code entity} (canonical names), {@code type} (PER, ORG, LOC,
 *       MISC), {@code source}, {@code author}, {@code language}; {@code day}, the publication date as an
 *       epoch day (points and doc values), absent when the article has no readable date;
 *   <li>facets: the facet module's sorted-set doc values, dimensions entity, type, source, author,
 *       language and year.
 * </ul>
 *
 * <p>The source of an article is its site name, else the host of its URL. Its language is the
 * article's declared or detected language, else the one it was analysed as, reduced to the two
 * letters of ISO 639-1.
 *
 * <p>Query text is parsed once per language group with that group's analyzer and default operator
 * AND (all words, in the title or the body), so {@code sanzioni} matches {@code sanzione} in Italian
 * articles and {@code sanctions} matches {@code sanction} in English ones. Text the classic syntax
 * cannot parse (an unbalanced quote, a dangling {@code AND}) is searched as plain words; text with no
 * words at all is an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe. Changes become visible to {@link #search} and {@link #versions} and durable at
 * {@link #commit}; {@link #close} commits what is pending.
 */
public final class LuceneIndex implements SearchIndex {

  /** How many values each facet lists, the most frequent first. */
  public static final int FACET_VALUES = 20;

  /** About how long a snippet is, in characters. */
  static final int SNIPPET_CHARS = 200;

  /**
   * How much of the body is stored for the snippets, in characters: the highlighter's own default
   * limit. Matches further on count for the search but are not shown; some pages run to half a
   * megabyte, and loading them whole made a search of ten such hits cost some 30 ms.
   */
  static final int STORED_BODY_CHARS = 10_000;

  /** Fuzzy terms ({@code word~}) a search may have, once repeats are dropped. */
  public static final int MAX_FUZZY_TERMS = 5;

  /** Wildcard, prefix and range terms ({@code wor*}, {@code w?rd}, {@code [a TO c]}) a search may have. */
  public static final int MAX_WILDCARD_TERMS = 5;

  /** Words a search may have, once repeats are dropped; each counts once though it is searched in two fields. */
  public static final int MAX_TERMS = 50;

  /**
   * How long one search may take by default, from parsing to highlighting the hits; {@link #search}
   * refuses one that takes longer. Searches take some milliseconds; this leaves room for a loaded machine.
   */
  public static final Duration SEARCH_BUDGET = Duration.ofSeconds(2);

  private static final double RAM_BUFFER_MB = 64;
  private static final String ID = "id";
  private static final String VERSION = "version";
  private static final String TITLE = "title";
  private static final String SOURCE = "source";
  private static final String URL = "url";
  private static final String PUBLISHED = "published";
  private static final String LANGUAGE = "language";
  private static final String ENTITY = "entity";
  private static final String TYPE = "type";
  private static final String AUTHOR = "author";
  private static final String DAY = "day";
  private static final String GROUP = "group";
  private static final List<String> GROUPS = IndexedArticle.GROUPS;
  private static final float TITLE_BOOST = 2f;
  private static final Pattern OPERATOR_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])(?:AND|OR|NOT)(?![\\p{L}\\p{N}])");
  private static final Pattern FIELD_OR_REGEXP = Pattern.compile("(?<!\\\\)[:/]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final FieldType BODY_TYPE = bodyType();

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetsConfig facetsConfig;
  private final Analyzer analyzer;
  private final Map<String, Analyzer> groupAnalyzers;
  private final Duration budget;

  private LuceneIndex(FSDirectory directory, IndexWriter writer, SearcherManager searchers, FacetsConfig facetsConfig,
      Analyzer analyzer, Map<String, Analyzer> groupAnalyzers, Duration budget) {
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.facetsConfig = facetsConfig;
    this.analyzer = analyzer;
    this.groupAnalyzers = groupAnalyzers;
    this.budget = budget;
  }

  /**
   * Opens the index in {@code dir}, creating the folder (0700) and an empty index when missing; the
   * index's files are created 0600. One process at a time: a second open of the same folder fails
   * with Lucene's lock exception.
   */
  public static LuceneIndex open(Path dir) throws IOException {
    return open(dir, SEARCH_BUDGET);
  }

  /** Opens the index in {@code dir} as {@link #open(Path)} does, with {@code budget} as the time one search may take. */
  public static LuceneIndex open(Path dir, Duration budget) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the search budget must be positive: " + budget);
    }
    PrivateFiles.createDirectories(dir);
    Map<String, Analyzer> groupAnalyzers = groupAnalyzers();
    Analyzer analyzer = analyzer(groupAnalyzers);
    FacetsConfig facetsConfig = facetsConfig();
    FSDirectory directory = new PrivateDirectory(dir);
    IndexWriter writer = null;
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(RAM_BUFFER_MB);
      writer = new IndexWriter(directory, config);
      PrivateFiles.restrict(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
      writer.commit(); // a new folder gets an empty commit, so a reader can open it
      SearcherManager searchers = new SearcherManager(writer, new FacetedSearcherFactory(facetsConfig));
      return new LuceneIndex(directory, writer, searchers, facetsConfig, analyzer, groupAnalyzers, budget);
    } catch (IOException | RuntimeException e) {
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
      throw e;
    }
  }

  /**
   * Opens the index in {@code dir} for reading only, beside the process that writes it (which holds
   * its lock): searches see what that process had committed when this one opened. The writing
   * methods throw. Fails when {@code dir} holds no index.
   */
  public static LuceneIndex openForReading(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Map<String, Analyzer> groupAnalyzers = groupAnalyzers();
    FacetsConfig facetsConfig = facetsConfig();
    FSDirectory directory = new PrivateDirectory(dir);
    try {
      SearcherManager searchers = new SearcherManager(directory, new FacetedSearcherFactory(facetsConfig));
      return new LuceneIndex(directory, null, searchers, facetsConfig, analyzer(groupAnalyzers), groupAnalyzers,
          SEARCH_BUDGET);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Each language group's analyzer: the same analysis as OpenSearch's italian, english and standard analyzers. */
  static Map<String, Analyzer> groupAnalyzers() {
    return Map.of("it", new ItalianAnalyzer(), "en", new EnglishAnalyzer(), "std", new StandardAnalyzer());
  }

  /** Each language group's title and body fields analysed by its language's analyzer. */
  private static Analyzer analyzer(Map<String, Analyzer> groupAnalyzers) {
    Map<String, Analyzer> perField = new HashMap<>();
    for (String group : GROUPS) {
      perField.put(titleField(group), groupAnalyzers.get(group));
      perField.put(bodyField(group), groupAnalyzers.get(group));
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig facetsConfig = new FacetsConfig();
    for (String multi : List.of(ENTITY, TYPE, AUTHOR)) {
      facetsConfig.setMultiValued(multi, true);
    }
    return facetsConfig;
  }

  /** Lucene's memory-mapped directory, whose new files only their owner may read (0600). */
  private static final class PrivateDirectory extends MMapDirectory {

    PrivateDirectory(Path dir) throws IOException {
      super(dir);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      return restricted(super.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
      return restricted(super.createTempOutput(prefix, suffix, context));
    }

    private IndexOutput restricted(IndexOutput out) throws IOException {
      try {
        PrivateFiles.restrict(getDirectory().resolve(out.getName()));
        return out;
      } catch (IOException e) {
        out.close();
        throw e;
      }
    }
  }

  @Override
  public boolean writable() {
    return writer != null;
  }

  /** The writer; for an index opened for reading only, an exception that says so. */
  private IndexWriter writer() throws IOException {
    if (writer == null) {
      throw new IOException("the search index in " + directory.getDirectory() + " is open for reading only: "
          + "another Lente process writes it");
    }
    return writer;
  }

  @Override
  public void put(StoredArticle article) throws IOException {
    Objects.requireNonNull(article, "article");
    writer().updateDocument(idTerm(article.id()), facetsConfig.build(document(IndexedArticle.of(article))));
  }

  @Override
  public void delete(long id) throws IOException {
    writer().deleteDocuments(idTerm(id));
  }

  @Override
  public void commit() throws IOException {
    writer().commit();
    searchers.maybeRefreshBlocking();
  }

  /** Removes every article; like any change, visible and durable at the next {@link #commit}. */
  @Override
  public void clear() throws IOException {
    writer().deleteAll();
  }

  /**
   * Searches the committed articles, one page at a time. Hits come by relevance, ties by article id;
   * with no query text, newest first (undated last), ties by article id, with score 0. {@code total}
   * and the facets count every matching article, whatever the page.
   *
   * <p>Paging is by position, not by offset: {@link SearchHits#next} holds the sort key of the page's
   * last hit, and the next page is the hits that sort after it ({@code searchAfter}). A page costs
   * the same however deep it is, and an article added or removed between two pages neither repeats
   * nor hides the others, as long as the scores stay the same; new articles change the collection's
   * statistics and so the scores, after which a text search's later pages may repeat or skip a few
   * hits. A cursor only fits the search it came from (same text and filters).
   *
   * <p>A search is bounded: at most {@value #MAX_TERMS} different words, of which at most
   * {@value #MAX_FUZZY_TERMS} fuzzy and {@value #MAX_WILDCARD_TERMS} wildcard, prefix or range terms
   * (a repeated word counts once, and is searched once); a fuzzy term matches at most
   * {@link FuzzyQuery#defaultMaxExpansions} words of the index; matching stops once the search has run
   * for the index's time budget ({@link #SEARCH_BUDGET} unless opened with another).
   *
   * @throws IllegalArgumentException when the text holds no word to search, or more terms than the
   *     limits above (the message names the limit), or the search runs out of time, or the cursor is
   *     not one of this search's
   */
  @Override
  public SearchHits search(SearchQuery query) throws IOException {
    Objects.requireNonNull(query, "query");
    long deadline = System.nanoTime() + budget.toNanos();
    SearchCursor after = SearchCursor.decode(query.cursor(), query);
    Query textQuery = query.text().isBlank() ? null : parse(query.text());
    Query full = withFilters(textQuery == null ? new MatchAllDocsQuery() : textQuery, query);
    IndexSearcher shared = searchers.acquire();
    try {
      // a searcher of its own, for a timeout of its own: the shared one serves other threads
      FacetedSearcher searcher = new FacetedSearcher(shared.getIndexReader(), ((FacetedSearcher) shared).state);
      searcher.setTimeout(() -> System.nanoTime() - deadline > 0);
      TopDocs top;
      FacetsCollector facets = null;
      // one more than the page, to know whether there is a next one
      var topManager = new TopFieldCollectorManager(textQuery == null ? newestFirst() : bestFirst(), query.limit() + 1,
          after == null ? null : afterDoc(after, textQuery == null), Integer.MAX_VALUE);
      try {
        if (query.facets().isEmpty()) {
          top = searcher.search(full, topManager);
        } else {
          Object[] both = searcher.search(full, new MultiCollectorManager(topManager, new FacetsCollectorManager()));
          top = (TopDocs) both[0];
          facets = (FacetsCollector) both[1];
        }
      } catch (IndexSearcher.TooManyClauses e) {
        throw new IllegalArgumentException("query expands to too many terms: " + query.text(), e);
      }
      if (searcher.timedOut()) {
        throw new IllegalArgumentException("the search " + quoted(query.text()) + " took longer than "
            + budget.toMillis() + " ms, the most one search may take: try fewer words, or plainer ones");
      }
      String next = null;
      if (top.scoreDocs.length > query.limit()) {
        FieldDoc last = (FieldDoc) top.scoreDocs[query.limit() - 1];
        next = cursorAt(last, textQuery == null, SearchCursor.fingerprint(query)).encode();
        top = new TopDocs(top.totalHits, java.util.Arrays.copyOf(top.scoreDocs, query.limit()));
      }
      List<SearchHits.Hit> hits = hits(searcher, top, textQuery);
      Map<String, Map<String, Long>> counts = facets == null
          ? Map.of()
          : countFacets(searcher.state, facets, query.facets());
      return new SearchHits(top.totalHits.value(), hits, counts, next);
    } finally {
      searchers.release(shared);
    }
  }

  /** id → version of every committed article. */
  @Override
  public Map<Long, Integer> versions() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Map<Long, Integer> versions = new HashMap<>();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        NumericDocValues ids = leaf.reader().getNumericDocValues(ID);
        NumericDocValues vs = leaf.reader().getNumericDocValues(VERSION);
        if (ids == null || vs == null) {
          continue;
        }
        var live = leaf.reader().getLiveDocs();
        for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
          if ((live == null || live.get(doc)) && vs.advanceExact(doc)) {
            versions.put(ids.longValue(), (int) vs.longValue());
          }
        }
      }
      return versions;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Commits what is pending and closes the index. */
  @Override
  public void close() throws IOException {
    try (directory; writer; searchers) {
      // closed in reverse order: searchers, then the writer (which commits), then the folder
    }
  }

  // ---- indexing

  private static Document document(IndexedArticle article) {
    String group = article.group();
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(ID, article.id()));
    doc.add(new StoredField(VERSION, article.version()));
    doc.add(new NumericDocValuesField(VERSION, article.version()));
    doc.add(new StringField(GROUP, group, Field.Store.NO));
    addStored(doc, TITLE, article.title());
    addStored(doc, URL, article.url());
    addStored(doc, PUBLISHED, article.published());

    for (String heading : article.headings()) {
      doc.add(new TextField(titleField(group), heading, Field.Store.NO));
    }
    String body = article.body();
    doc.add(new Field(bodyField(group), body, BODY_TYPE));
    doc.add(new StoredField(bodyField(group), prefix(body, STORED_BODY_CHARS)));

    if (article.source() != null) {
      doc.add(new StoredField(SOURCE, article.source()));
      addKeyword(doc, SOURCE, article.source());
    }
    if (article.language() != null) {
      doc.add(new StoredField(LANGUAGE, article.language()));
      addKeyword(doc, LANGUAGE, article.language());
    }
    article.authors().forEach(author -> addKeyword(doc, AUTHOR, author));
    article.entities().forEach(name -> addKeyword(doc, ENTITY, name));
    article.types().forEach(type -> addKeyword(doc, TYPE, type));
    if (article.day() != null) {
      doc.add(new LongField(DAY, article.day().toEpochDay(), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField("year", Integer.toString(article.day().getYear())));
    }
    return doc;
  }

  /** An exact filter term and its facet value. */
  private static void addKeyword(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(field, value));
  }

  private static void addStored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** The first {@code max} characters of {@code text}, not splitting a surrogate pair. */
  static String prefix(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
  }

  private static Term idTerm(long id) {
    return new Term(ID, Long.toString(id));
  }

  private static String titleField(String group) {
    return "title_" + group;
  }

  private static String bodyField(String group) {
    return "body_" + group;
  }

  // ---- searching

  /**
   * The text as one query per language group, each restricted to the articles of its group (so that a
   * {@code -word} in one language does not let through the articles of another).
   */
  private Query parse(String query) {
    return parse(query, groupAnalyzers);
  }

  /**
   * The text of a search as one query per language group, each restricted to the articles of its group, as
   * {@link #search} runs it ({@link OpenSearchIndex} runs the same query).
   *
   * @throws IllegalArgumentException as {@link #search} does for the text
   */
  static Query parse(String query, Map<String, Analyzer> groupAnalyzers) {
    // field names are not part of the syntax offered ("Libia: ..." is a headline, not a field), nor regexps
    String text = FIELD_OR_REGEXP.matcher(query).replaceAll(" ");
    try {
      return parseClassic(text, groupAnalyzers);
    } catch (ParseException e) {
      String words = OPERATOR_WORD.matcher(text).replaceAll(" ").strip();
      if (words.isEmpty() || words.chars().noneMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException("no words to search in " + quoted(query), e);
      }
      try {
        return parseClassic(QueryParser.escape(words), groupAnalyzers);
      } catch (ParseException again) {
        throw new IllegalArgumentException("cannot search " + quoted(query) + ": " + again.getMessage(), again);
      }
    }
  }

  private static Query parseClassic(String text, Map<String, Analyzer> groupAnalyzers) throws ParseException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String group : GROUPS) {
      MultiFieldQueryParser parser = new MultiFieldQueryParser(
          new String[] {titleField(group), bodyField(group)}, groupAnalyzers.get(group),
          Map.of(titleField(group), TITLE_BOOST, bodyField(group), 1f));
      parser.setDefaultOperator(QueryParser.Operator.AND);
      Query parsed = parser.parse(text);
      if (parsed == null || parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
        continue; // only stop words for this language
      }
      parsed = withoutRepeats(parsed);
      checkBounds(parsed, text);
      BooleanQuery.Builder inGroup = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(GROUP, group)), Occur.FILTER);
      if (parsed instanceof BooleanQuery b && b.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT)) {
        b.clauses().forEach(inGroup::add); // only exclusions: the group's articles without them
      } else {
        inGroup.add(parsed, Occur.MUST);
      }
      any.add(inGroup.build(), Occur.SHOULD);
    }
    return any.build();
  }

  /**
   * {@code query} with each clause of its boolean queries once: {@code word~2 word~2} costs what
   * {@code word~2} costs. Only the scores can differ (a repeated word weighed more).
   */
  private static Query withoutRepeats(Query query) {
    if (!(query instanceof BooleanQuery b)) {
      return query;
    }
    Set<BooleanClause> clauses = new LinkedHashSet<>();
    for (BooleanClause c : b.clauses()) {
      clauses.add(new BooleanClause(withoutRepeats(c.query()), c.occur()));
    }
    BooleanQuery.Builder once = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    clauses.forEach(once::add);
    return once.build();
  }

  /**
   * Refuses {@code query} when it has more fuzzy, wildcard or other terms than a search may have:
   * each fuzzy term costs an automaton per field and a walk of the field's terms, then again in the
   * highlighter. A word searched in both the title and the body counts once.
   */
  private static void checkBounds(Query query, String text) {
    Set<String> words = new HashSet<>();
    Set<String> fuzzy = new HashSet<>();
    Set<String> wildcards = new HashSet<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        for (Term t : terms) {
          words.add(t.text());
        }
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        String term = q.toString(field);
        words.add(term);
        (q instanceof FuzzyQuery ? fuzzy : wildcards).add(term);
      }
    });
    if (fuzzy.size() > MAX_FUZZY_TERMS) {
      throw new IllegalArgumentException("too many fuzzy terms (word~) in " + quoted(text) + ": " + fuzzy.size()
          + ", at most " + MAX_FUZZY_TERMS + " per search");
    }
    if (wildcards.size() > MAX_WILDCARD_TERMS) {
      throw new IllegalArgumentException("too many wildcard, prefix or range terms (wor*, w?rd, [a TO c]) in "
          + quoted(text) + ": " + wildcards.size() + ", at most " + MAX_WILDCARD_TERMS + " per search");
    }
    if (words.size() > MAX_TERMS) {
      throw new IllegalArgumentException("too many words in " + quoted(text) + ": " + words.size() + ", at most "
          + MAX_TERMS + " per search");
    }
  }

  static String quoted(String text) {
    return '"' + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + '"';
  }

  private static Query withFilters(Query main, SearchQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, Occur.MUST);
    for (String entity : q.entities()) {
      b.add(new TermQuery(new Term(ENTITY, entity)), Occur.FILTER);
    }
    if (!q.types().isEmpty()) {
      List<BytesRef> types = q.types().stream().map(t -> new BytesRef(t.strip().toUpperCase(Locale.ROOT))).toList();
      b.add(new TermInSetQuery(TYPE, types), Occur.FILTER);
    }
    addFilter(b, SOURCE, q.source());
    addFilter(b, AUTHOR, q.author());
    addFilter(b, LANGUAGE, Analysis.languageCode(q.language()));
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
      b.add(LongField.newRangeQuery(DAY, from, to), Occur.FILTER);
    }
    return b.build();
  }

  private static void addFilter(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  /** Newest first, undated last, then by article id: each hit has its own place, for paging. */
  private static Sort newestFirst() {
    return new Sort(LongField.newSortField(DAY, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE),
        new SortField(ID, SortField.Type.LONG));
  }

  /** Best score first, then by article id. */
  private static Sort bestFirst() {
    return new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.LONG));
  }

  /** The cursor of a hit sorted by {@link #newestFirst} (when {@code byDay}) or {@link #bestFirst}. */
  private static SearchCursor cursorAt(FieldDoc doc, boolean byDay, String fingerprint) {
    long key = byDay ? (Long) doc.fields[0] : Float.floatToIntBits((Float) doc.fields[0]);
    return new SearchCursor(fingerprint, key, (Long) doc.fields[1]);
  }

  /**
   * The position {@code cursor} names, for {@code searchAfter}. Its doc is the largest there is, so
   * that the hit with the same sort values (the cursor's own article) counts as already given.
   */
  private static FieldDoc afterDoc(SearchCursor cursor, boolean byDay) {
    Object key;
    if (byDay) {
      key = cursor.key();
    } else if (cursor.key() == (int) cursor.key()) {
      key = Float.intBitsToFloat((int) cursor.key());
    } else {
      throw new IllegalArgumentException("bad cursor: " + cursor.encode());
    }
    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {key, cursor.id()});
  }

  private List<SearchHits.Hit> hits(IndexSearcher searcher, TopDocs top, Query textQuery) throws IOException {
    String[] bodies = GROUPS.stream().map(LuceneIndex::bodyField).toArray(String[]::new);
    Map<String, String[]> highlights = null;
    if (textQuery != null && top.scoreDocs.length > 0) {
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new EscapingFormatter())
          // passages end at full stops: as good as the JDK's sentence rules for a 200-character
          // snippet, and a fraction of their cost, which dominated search pages over long articles
          .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
              new CustomSeparatorBreakIterator('.'), SNIPPET_CHARS, 0.5f))
          .withHandleMultiTermQuery(true)
          .withMaxLength(STORED_BODY_CHARS)
          .build();
      int[] one = new int[bodies.length];
      java.util.Arrays.fill(one, 1);
      highlights = highlighter.highlightFields(bodies, textQuery, top, one);
    }
    StoredFields stored = searcher.storedFields();
    Set<String> wanted = new java.util.HashSet<>(List.of(ID, TITLE, SOURCE, URL, PUBLISHED, LANGUAGE));
    if (highlights == null) {
      wanted.addAll(List.of(bodies));
    }
    List<SearchHits.Hit> hits = new ArrayList<>(top.scoreDocs.length);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      Document doc = stored.document(sd.doc, wanted);
      String snippet = null;
      for (String body : bodies) {
        String s = highlights == null ? leadSnippet(doc.get(body)) : highlights.get(body)[i];
        if (s != null) {
          snippet = s;
          break;
        }
      }
      float score = textQuery == null ? 0f : (Float) ((FieldDoc) sd).fields[0];
      hits.add(new SearchHits.Hit(Long.parseLong(doc.get(ID)), doc.get(TITLE), doc.get(SOURCE), doc.get(URL),
          doc.get(PUBLISHED), doc.get(LANGUAGE), score, snippet == null ? "" : snippet));
    }
    return hits;
  }

  /** The start of the body, about {@link #SNIPPET_CHARS} long, cut at a space, escaped for HTML. */
  static String leadSnippet(String body) {
    if (body == null) {
      return null;
    }
    String start = body.strip();
    String text = WHITESPACE.matcher(start.substring(0, Math.min(start.length(), 2 * SNIPPET_CHARS))).replaceAll(" ");
    if (text.length() > SNIPPET_CHARS) {
      int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
      text = text.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + " …";
    }
    return Escape.html(text);
  }

  private static Map<String, Map<String, Long>> countFacets(SortedSetDocValuesReaderState state, FacetsCollector fc,
      List<String> dims) throws IOException {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    SortedSetDocValuesFacetCounts facets = state == null ? null : new SortedSetDocValuesFacetCounts(state, fc);
    for (String dim : dims) {
      Map<String, Long> values = new LinkedHashMap<>();
      FacetResult result = facets == null || state.getOrdRange(dim) == null
          ? null : facets.getTopChildren(FACET_VALUES, dim);
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.put(lv.label, lv.value.longValue());
        }
      }
      counts.put(dim, java.util.Collections.unmodifiableMap(values));
    }
    return counts;
  }

  /**
   * Passages with the matched words in {@code <b>}, passages joined by "… ", everything else escaped
   * by {@link Escape} (as the reader escapes, rather than by the highlighter's own escaping).
   */
  private static final class EscapingFormatter extends DefaultPassageFormatter {

    EscapingFormatter() {
      super("<b>", "</b>", "… ", true);
    }

    @Override
    protected void append(StringBuilder dest, String content, int start, int end) {
      Escape.appendHtml(dest, content, start, end);
    }
  }

  /** A searcher with the facet ordinals of its reader, built once per refresh. */
  private static final class FacetedSearcher extends IndexSearcher {
    final SortedSetDocValuesReaderState state;

    FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState state) {
      super(reader);
      this.state = state;
    }
  }

  private static final class FacetedSearcherFactory extends SearcherFactory {
    private final FacetsConfig config;

    FacetedSearcherFactory(FacetsConfig config) {
      this.config = config;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      boolean hasFacets = reader.leaves().stream()
          .anyMatch(l -> l.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null);
      return new FacetedSearcher(reader, hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, config) : null);
    }
  }
}
