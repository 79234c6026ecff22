package org.lente.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.html.Escape;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * An analysed article's text as HTML paragraphs, with its quotes, entities and time expressions
 * highlighted.
 *
 * <p>Spans may nest or cross (a quote holding names and dates, a date inside a name); the output is
 * always well nested: where spans cross, the inner one is closed and reopened, and only its first
 * piece carries the description. Each highlight describes itself in a {@code .tip} element
 * (role tooltip, referenced by {@code aria-describedby}) that the style sheet shows on hover and on
 * keyboard focus: entities and times are focusable themselves; a quote starts with a focusable mark
 * naming its speaker. Entities and speakers link to their entity page when {@code entityIds} knows
 * them. Every piece of text is escaped; spans outside the text are skipped.
 *
 * <p>Not thread-safe: one instance renders one article.
 */
public final class ArticleText {

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

  private enum Kind { QUOTE, ENTITY, TIME }

  /** A highlight; {@code order} keeps the analysis order among equal spans. */
  private record Mark(Kind kind, int start, int end, int order, Object what) {}

  private static final Comparator<Mark> NESTING = Comparator.comparing(Mark::kind)
      .thenComparingInt(Mark::start)
      .thenComparing(Comparator.comparingInt(Mark::end).reversed())
      .thenComparingInt(Mark::order);

  private final String text;
  private final List<Mark> marks = new ArrayList<>();
  private final Map<String, Long> entityIds;
  private final Messages m;
  private final String idPrefix;
  private final StringBuilder out = new StringBuilder();
  private final Set<Mark> started = new HashSet<>();
  private final Set<Mark> closed = new HashSet<>();
  private final Map<Mark, String> tipIds = new HashMap<>();
  private int tips;

  private ArticleText(Analysis analysis, Map<String, Long> entityIds, Messages m, String idPrefix) {
    this.text = analysis.article().text();
    this.entityIds = Objects.requireNonNull(entityIds, "entityIds");
    this.m = Objects.requireNonNull(m, "messages");
    this.idPrefix = idPrefix;
    int order = 0;
    for (Quote q : analysis.quotes()) {
      add(Kind.QUOTE, q.start(), q.end(), order++, q);
    }
    for (Entity e : analysis.entities()) {
      add(Kind.ENTITY, e.start(), e.end(), order++, e);
    }
    for (Timex t : analysis.times()) {
      add(Kind.TIME, t.start(), t.end(), order++, t);
    }
  }

  /**
   * The article's text as {@code <p>} elements with its highlights.
   *
   * @param entityIds entity id by canonical name, for links; names it lacks are not linked
   * @param idPrefix prefix of the element ids made for the descriptions (unique in the page)
   */
  public static SafeHtml render(Analysis analysis, Map<String, Long> entityIds, Messages m, String idPrefix) {
    ArticleText a = new ArticleText(analysis, entityIds, m, idPrefix);
    a.write();
    return new SafeHtml(a.out.toString());
  }

  private void add(Kind kind, int start, int end, int order, Object what) {
    if (start >= 0 && end > start && end <= text.length()) {
      marks.add(new Mark(kind, start, end, order, what));
    }
  }

  private void write() {
    Matcher breaks = PARAGRAPH_BREAK.matcher(text);
    int from = 0;
    while (breaks.find()) {
      paragraph(from, breaks.start());
      from = breaks.end();
    }
    paragraph(from, text.length());
  }

  private void paragraph(int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from >= to) {
      return;
    }
    List<Mark> here = new ArrayList<>();
    TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
    for (Mark k : marks) {
      if (k.start() < to && k.end() > from) {
        here.add(k);
        cuts.add(Math.max(k.start(), from));
        cuts.add(Math.min(k.end(), to));
      }
    }
    out.append("<p>");
    List<Mark> open = new ArrayList<>();
    Integer a = cuts.first();
    for (Integer b = cuts.higher(a); b != null; a = b, b = cuts.higher(b)) {
      final int s = a;
      final int e = b;
      List<Mark> want = here.stream().filter(k -> k.start() < e && k.end() > s).sorted(NESTING).toList();
      int same = 0;
      while (same < open.size() && same < want.size() && open.get(same).equals(want.get(same))) {
        same++;
      }
      while (open.size() > same) {
        close(open.remove(open.size() - 1));
      }
      for (Mark k : want.subList(same, want.size())) {
        open(k);
        open.add(k);
      }
      appendText(s, e);
    }
    while (!open.isEmpty()) {
      close(open.remove(open.size() - 1));
    }
    out.append("</p>\n");
  }

  /** Text with single line breaks (list items, verse) kept as {@code <br>}. */
  private void appendText(int from, int to) {
    int at = from;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        Escape.appendHtml(out, text, at, i);
        out.append("<br>");
        at = i + 1;
      }
    }
    Escape.appendHtml(out, text, at, to);
  }

  private void open(Mark k) {
    boolean first = started.add(k);
    switch (k.kind()) {
      case QUOTE -> {
        Quote q = (Quote) k.what();
        String kind = q.kind().label();
        out.append("<span class=\"hl quote ").append(kind).append(first ? "" : " cont").append("\">");
        if (first) {
          String tip = nextTipId();
          out.append("<span class=\"said\"><span class=\"said-mark\" tabindex=\"0\" role=\"img\" aria-label=\"")
              .append(Escape.html(m.t("quote.mark", speakerName(q)))).append("\" aria-describedby=\"")
              .append(tip).append("\">❝</span>");
          openTip(tip);
          out.append(Escape.html(m.t("quote." + q.kind().label())))
              .append(": ");
          if (q.speaker() == null) {
            out.append(Escape.html(m.t("quote.nospeaker")));
          } else {
            out.append(Escape.html(m.t("quote.by"))).append(' ');
            entityName(q.speakerCanonical() != null ? q.speakerCanonical() : q.speaker());
            if (q.speakerCanonical() != null && !q.speakerCanonical().equals(q.speaker())) {
              out.append(" (“").append(Escape.html(q.speaker())).append("”)");
            }
          }
          if (q.cue() != null) {
            out.append(" · <i>").append(Escape.html(q.cue())).append("</i>");
          }
          out.append("</span></span>");
        }
      }
      case ENTITY -> {
        Entity e = (Entity) k.what();
        String type = e.type().name().toLowerCase(Locale.ROOT);
        if (!first) {
          out.append("<span class=\"hl ent ").append(type).append(" cont\">");
          return;
        }
        String tip = nextTipId();
        tipIds.put(k, tip);
        out.append("<span class=\"hl ent ").append(type).append("\" tabindex=\"0\" aria-describedby=\"")
            .append(tip).append("\">");
      }
      case TIME -> {
        if (!first) {
          out.append("<span class=\"hl time cont\">");
          return;
        }
        Timex t = (Timex) k.what();
        String tip = nextTipId();
        tipIds.put(k, tip);
        out.append("<span class=\"hl time ").append(t.type().name().toLowerCase(Locale.ROOT))
            .append("\" tabindex=\"0\" aria-describedby=\"").append(tip).append("\">");
      }
      default -> throw new IllegalStateException("unknown kind " + k.kind());
    }
  }

  /** Closes a highlight; the first piece of an entity or a time ends with its description. */
  private void close(Mark k) {
    if (k.kind() == Kind.ENTITY && closed.add(k)) {
      Entity e = (Entity) k.what();
      openTip(tipIdOf(k));
      out.append(Escape.html(m.t("type." + e.type().name()))).append(": ");
      entityName(e.canonical());
      if (e.role() != null && !e.role().isBlank()) {
        out.append(" · ").append(Escape.html(e.role()));
      }
      out.append("</span>");
    } else if (k.kind() == Kind.TIME && closed.add(k)) {
      Timex t = (Timex) k.what();
      openTip(tipIdOf(k));
      String described = Times.describe(t.value(), m);
      out.append(Escape.html(m.t("time." + t.type().name()))).append(": ").append(Escape.html(described));
      if (!described.equals(t.value())) {
        out.append(" <code>").append(Escape.html(t.value())).append("</code>");
      }
      out.append("</span>");
    }
    out.append("</span>");
  }

  private String tipIdOf(Mark k) {
    return tipIds.get(k);
  }

  private String nextTipId() {
    return idPrefix + "-" + (++tips);
  }

  private void openTip(String id) {
    out.append("<span class=\"tip\" role=\"tooltip\" id=\"").append(id).append("\">");
  }

  /** The name, linked to its entity page when it has one. */
  private void entityName(String name) {
    Long id = entityIds.get(name);
    if (id != null) {
      out.append("<a href=\"/entities/").append(id).append("\">").append(Escape.html(name)).append("</a>");
    } else {
      out.append("<b>").append(Escape.html(name)).append("</b>");
    }
  }

  private static String speakerName(Quote q) {
    if (q.speakerCanonical() != null) {
      return q.speakerCanonical();
    }
    return q.speaker() == null ? "?" : q.speaker();
  }
}
