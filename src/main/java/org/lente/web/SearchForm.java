package org.lente.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.index.SearchQuery;

/**
 * A search as the search page's address gives it: {@code q}, and the filters {@code entity} and
 * {@code type} (repeatable), {@code source}, {@code author}, {@code language}, {@code from}, {@code to}
 * (yyyy-MM-dd). The page links to itself with one filter more or less ({@link #with}, {@link #without}).
 */
public record SearchForm(String q, List<String> entities, List<String> types, String source, String author,
    String language, LocalDate from, LocalDate to) {

  /** The most text a search takes, in characters; longer text is cut. */
  static final int MAX_TEXT = 500;

  public SearchForm {
    q = q == null ? "" : q.strip();
    if (q.length() > MAX_TEXT) {
      q = q.substring(0, MAX_TEXT);
    }
    entities = entities == null ? List.of() : entities.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    types = types == null ? List.of() : types.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    source = blankToNull(source);
    author = blankToNull(author);
    language = blankToNull(language);
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("empty period: " + from + " to " + to);
    }
  }

  /** The form of a request's query parameters; malformed dates throw IllegalArgumentException. */
  public static SearchForm parse(Map<String, List<String>> params) {
    return new SearchForm(first(params, "q"), params.get("entity"), params.get("type"), first(params, "source"),
        first(params, "author"), first(params, "language"), date(first(params, "from")), date(first(params, "to")));
  }

  /** True when there is nothing to search for: the page shows only the form. */
  public boolean empty() {
    return q.isEmpty() && entities.isEmpty() && types.isEmpty() && source == null && author == null
        && language == null && from == null && to == null;
  }

  public boolean filtered() {
    return !entities.isEmpty() || !types.isEmpty() || source != null || author != null || language != null
        || from != null || to != null;
  }

  public SearchQuery query(int limit) {
    return new SearchQuery(q, entities, types, source, author, language, from, to, limit, SearchQuery.FACETS);
  }

  /** This search with a facet value added as a filter (a year becomes a period). */
  public SearchForm with(String facet, String value) {
    return switch (facet) {
      case "entity" -> new SearchForm(q, plus(entities, value), types, source, author, language, from, to);
      case "type" -> new SearchForm(q, entities, plus(types, value), source, author, language, from, to);
      case "source" -> new SearchForm(q, entities, types, value, author, language, from, to);
      case "author" -> new SearchForm(q, entities, types, source, value, language, from, to);
      case "language" -> new SearchForm(q, entities, types, source, author, value, from, to);
      case "year" -> yearOf(value);
      default -> throw new IllegalArgumentException("unknown facet " + facet);
    };
  }

  /** This search without a facet value's filter. */
  public SearchForm without(String facet, String value) {
    return switch (facet) {
      case "entity" -> new SearchForm(q, minus(entities, value), types, source, author, language, from, to);
      case "type" -> new SearchForm(q, entities, minus(types, value), source, author, language, from, to);
      case "source" -> new SearchForm(q, entities, types, null, author, language, from, to);
      case "author" -> new SearchForm(q, entities, types, source, null, language, from, to);
      case "language" -> new SearchForm(q, entities, types, source, author, null, from, to);
      case "year" -> new SearchForm(q, entities, types, source, author, language, null, null);
      default -> throw new IllegalArgumentException("unknown facet " + facet);
    };
  }

  /** Whether a facet value is one of this search's filters. */
  public boolean has(String facet, String value) {
    return switch (facet) {
      case "entity" -> entities.contains(value);
      case "type" -> types.contains(value);
      case "source" -> value.equals(source);
      case "author" -> value.equals(author);
      case "language" -> value.equals(language);
      case "year" -> from != null && to != null && from.equals(yearOf(value).from()) && to.equals(yearOf(value).to());
      default -> false;
    };
  }

  /** The link to this search's page ({@code path} /search or /search.atom). */
  public String href(String path) {
    List<String> parts = new ArrayList<>();
    if (!q.isEmpty()) {
      parts.add("q=" + Chrome.enc(q));
    }
    entities.forEach(e -> parts.add("entity=" + Chrome.enc(e)));
    types.forEach(t -> parts.add("type=" + Chrome.enc(t)));
    if (source != null) {
      parts.add("source=" + Chrome.enc(source));
    }
    if (author != null) {
      parts.add("author=" + Chrome.enc(author));
    }
    if (language != null) {
      parts.add("language=" + Chrome.enc(language));
    }
    if (from != null) {
      parts.add("from=" + from);
    }
    if (to != null) {
      parts.add("to=" + to);
    }
    return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
  }

  /** The search without its filters. */
  public SearchForm unfiltered() {
    return new SearchForm(q, null, null, null, null, null, null, null);
  }

  /** Words describing the search, for titles: the text and the filters. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!q.isEmpty()) {
      parts.add(q);
    }
    parts.addAll(entities);
    parts.addAll(types);
    for (String s : new String[] {source, author, language}) {
      if (s != null) {
        parts.add(s);
      }
    }
    if (from != null || to != null) {
      parts.add((from == null ? "…" : from.toString()) + "–" + (to == null ? "…" : to.toString()));
    }
    return String.join(", ", parts);
  }

  private SearchForm yearOf(String value) {
    try {
      int y = Integer.parseInt(value);
      return new SearchForm(q, entities, types, source, author, language, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a year: " + value);
    }
  }

  private static List<String> plus(List<String> list, String v) {
    List<String> out = new ArrayList<>(list);
    if (!out.contains(v)) {
      out.add(v);
    }
    return out;
  }

  private static List<String> minus(List<String> list, String v) {
    return list.stream().filter(x -> !Objects.equals(x, v)).toList();
  }

  static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date (yyyy-MM-dd): " + s);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
