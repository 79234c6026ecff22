package org.lente.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The query {@link LuceneIndex} parses from a search's text, written in OpenSearch's query DSL so that
 * OpenSearch runs the same Lucene query: the same analysed terms, the same boolean structure (each word
 * in the title or the body: term-centric, where a multi-field {@code query_string} is field-centric and
 * wants all the words in one field), the same boosts on the same leaves, so the same scores. Phrases are
 * {@code match_phrase} of their analysed terms under {@link #TERMS_ANALYZER}, with a {@value #GAP} for
 * each position a stop word left empty. Stateless.
 */
final class OpenSearchQueries {

  /** The analyzer a Lente index defines for phrases of analysed terms: whitespace, then {@value #GAP} dropped. */
  static final String TERMS_ANALYZER = "lente_terms";

  /** A word standing for an empty position; no analyzer of Lente's makes it a term. */
  static final String GAP = "_";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OpenSearchQueries() {}

  /** The settings of {@link #TERMS_ANALYZER}, to put under {@code settings.index.analysis}. */
  static ObjectNode analysis() {
    ObjectNode analysis = JSON.objectNode();
    ArrayNode stop = analysis.putObject("filter").putObject("lente_gap").put("type", "stop").putArray("stopwords");
    stop.add(GAP);
    ObjectNode terms = analysis.putObject("analyzer").putObject(TERMS_ANALYZER);
    terms.put("type", "custom").put("tokenizer", "whitespace").putArray("filter").add("lente_gap");
    return analysis;
  }

  /**
   * {@code query} in OpenSearch's query DSL.
   *
   * @throws IllegalArgumentException for a kind of query the classic syntax does not make from Lente's analyzers
   */
  static ObjectNode of(Query query) {
    return of(query, 1f);
  }

  private static ObjectNode of(Query query, float boost) {
    ObjectNode out = JSON.objectNode();
    switch (query) {
      case BoostQuery b -> {
        return of(b.getQuery(), boost * b.getBoost());
      }
      case TermQuery t -> leaf(out, "term", t.getTerm(), boost);
      case BooleanQuery b -> {
        ObjectNode bool = out.putObject("bool");
        for (BooleanClause c : b.clauses()) {
          String occur = switch (c.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
          ArrayNode clauses = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
          clauses.add(of(c.query(), 1f));
        }
        bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
        bool.put("adjust_pure_negative", false); // only exclusions match nothing, as in Lucene
        boost(bool, boost);
      }
      case PhraseQuery p -> {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
          if (i > 0) {
            text.append(" ").append((GAP + " ").repeat(positions[i] - positions[i - 1] - 1));
          }
          text.append(terms[i].text());
        }
        ObjectNode phrase = out.putObject("match_phrase").putObject(p.getField());
        phrase.put("query", text.toString()).put("analyzer", TERMS_ANALYZER).put("slop", p.getSlop());
        boost(phrase, boost);
      }
      case FuzzyQuery f -> {
        ObjectNode fuzzy = leaf(out, "fuzzy", f.getTerm(), boost);
        fuzzy.put("fuzziness", f.getMaxEdits()).put("prefix_length", f.getPrefixLength())
            .put("max_expansions", FuzzyQuery.defaultMaxExpansions).put("transpositions", f.getTranspositions());
      }
      case WildcardQuery w -> leaf(out, "wildcard", w.getTerm(), boost);
      case PrefixQuery p -> leaf(out, "prefix", p.getPrefix(), boost);
      case TermRangeQuery r -> {
        ObjectNode range = out.putObject("range").putObject(r.getField());
        bound(range, r.includesLower() ? "gte" : "gt", r.getLowerTerm());
        bound(range, r.includesUpper() ? "lte" : "lt", r.getUpperTerm());
        boost(range, boost);
      }
      case MatchAllDocsQuery m -> boost(out.putObject("match_all"), boost);
      case MatchNoDocsQuery m -> out.putObject("match_none");
      default -> throw new IllegalArgumentException("cannot search OpenSearch with a " + query.getClass().getSimpleName()
          + ": " + query);
    }
    return out;
  }

  private static ObjectNode leaf(ObjectNode out, String kind, Term term, float boost) {
    ObjectNode leaf = out.putObject(kind).putObject(term.field());
    leaf.put("value", term.text());
    boost(leaf, boost);
    return leaf;
  }

  private static void bound(ObjectNode range, String name, BytesRef value) {
    if (value != null) {
      range.put(name, value.utf8ToString());
    }
  }

  private static void boost(ObjectNode node, float boost) {
    if (boost != 1f) {
      node.put("boost", boost);
    }
  }
}
