package org.lente.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lente.store.QuoteQuery;

/** A quote search as the quotes page's address gives it: {@code speaker}, {@code about}, {@code from}, {@code to}. */
public record QuoteForm(String speaker, String about, LocalDate from, LocalDate to) {

  /** How many quotes a page shows at most. */
  static final int LIMIT = 50;

  public QuoteForm {
    speaker = speaker == null ? "" : speaker.strip();
    about = about == null ? "" : about.strip();
    if (speaker.length() > 200 || about.length() > 200) {
      throw new IllegalArgumentException("a name longer than 200 characters");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("empty period: " + from + " to " + to);
    }
  }

  public static QuoteForm parse(Map<String, List<String>> params) {
    return new QuoteForm(SearchForm.first(params, "speaker"), SearchForm.first(params, "about"),
        SearchForm.date(SearchForm.first(params, "from")), SearchForm.date(SearchForm.first(params, "to")));
  }

  public boolean empty() {
    return speaker.isEmpty() && about.isEmpty() && from == null && to == null;
  }

  /** The first page's query; {@link QuoteQuery#after} gives the following ones. */
  public QuoteQuery query() {
    return new QuoteQuery(speaker.isEmpty() ? null : speaker, about.isEmpty() ? null : about, from, to, LIMIT);
  }

  public String href() {
    List<String> parts = new ArrayList<>();
    if (!speaker.isEmpty()) {
      parts.add("speaker=" + Chrome.enc(speaker));
    }
    if (!about.isEmpty()) {
      parts.add("about=" + Chrome.enc(about));
    }
    if (from != null) {
      parts.add("from=" + from);
    }
    if (to != null) {
      parts.add("to=" + to);
    }
    return parts.isEmpty() ? "/quotes" : "/quotes?" + String.join("&", parts);
  }
}
