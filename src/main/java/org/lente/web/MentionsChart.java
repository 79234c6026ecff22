package org.lente.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lente.html.Escape;

/**
 * A chart of mentions over time as inline SVG, drawn on the server: bars for up to {@value #MAX_BARS}
 * periods, a line beyond. Days are grouped into weeks over spans longer than {@value #MAX_DAYS} days
 * and into months over spans longer than two years. Colours come from the style sheet (classes), so
 * the chart needs no inline style; every label is escaped. Each bar or point has a {@code <title>}
 * with its period and count.
 */
public final class MentionsChart {

  static final int MAX_BARS = 60;
  static final int MAX_DAYS = 90;
  private static final double MAX_BAR_WIDTH = 48;
  private static final int WIDTH = 640;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 32;

  /** One period of the chart. */
  record Bucket(LocalDate start, String label, long count) {}

  private MentionsChart() {}

  /**
   * The chart of {@code perDay} (yyyy-MM-dd → count; other keys such as "undated" are left out).
   *
   * @param title what the chart shows, for its accessible name
   * @param idPrefix prefix of the element ids inside the SVG (unique in the page)
   */
  public static SafeHtml svg(Map<String, Long> perDay, String title, String idPrefix, Messages m) {
    List<Bucket> buckets = buckets(perDay, m);
    if (buckets.isEmpty()) {
      return new SafeHtml("<p class=\"muted\">" + Escape.html(m.t("chart.empty")) + "</p>");
    }
    long max = buckets.stream().mapToLong(Bucket::count).max().orElse(1);
    long top = niceCeiling(Math.max(1, max));
    long total = buckets.stream().mapToLong(Bucket::count).sum();
    Bucket peak = buckets.stream().reduce((a, b) -> b.count() > a.count() ? b : a).orElseThrow();
    String desc = m.count("chart.desc", total, buckets.get(0).label(), buckets.get(buckets.size() - 1).label(),
        peak.label(), m.number(peak.count()));

    StringBuilder sb = new StringBuilder(4096);
    String tid = idPrefix + "-title";
    String did = idPrefix + "-desc";
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(tid).append(' ').append(did).append("\">")
        .append("<title id=\"").append(tid).append("\">").append(Escape.html(title)).append("</title>")
        .append("<desc id=\"").append(did).append("\">").append(Escape.html(desc)).append("</desc>");
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    for (long tick : java.util.stream.LongStream.of(0, top / 2, top).distinct().toArray()) {
      double y = TOP + plotH - plotH * tick / top;
      sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
          .append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(Escape.html(m.number(tick))).append("</text>");
    }
    int n = buckets.size();
    double step = plotW / n;
    if (n <= MAX_BARS) {
      double width = Math.max(1, Math.min(MAX_BAR_WIDTH, step - Math.min(4, step * 0.2)));
      for (int i = 0; i < n; i++) {
        Bucket b = buckets.get(i);
        double h = plotH * b.count() / top;
        sb.append("<rect class=\"bar\" x=\"").append(fmt(LEFT + (i + 0.5) * step - width / 2)).append("\" y=\"")
            .append(fmt(TOP + plotH - h)).append("\" width=\"").append(fmt(width))
            .append("\" height=\"").append(fmt(h)).append("\"><title>").append(Escape.html(b.label())).append(": ")
            .append(Escape.html(m.number(b.count()))).append("</title></rect>");
      }
    } else {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < n; i++) {
        Bucket b = buckets.get(i);
        points.append(fmt(LEFT + (i + 0.5) * step)).append(',').append(fmt(TOP + plotH - plotH * b.count() / top))
            .append(' ');
      }
      sb.append("<polyline class=\"line\" fill=\"none\" points=\"").append(points.toString().strip()).append("\"/>");
      for (int i = 0; i < n; i++) {
        Bucket b = buckets.get(i);
        sb.append("<circle class=\"point\" r=\"2.5\" cx=\"").append(fmt(LEFT + (i + 0.5) * step)).append("\" cy=\"")
            .append(fmt(TOP + plotH - plotH * b.count() / top)).append("\"><title>").append(Escape.html(b.label()))
            .append(": ").append(Escape.html(m.number(b.count()))).append("</title></circle>");
      }
    }
    int[] labelled = n == 1 ? new int[] {0} : n == 2 ? new int[] {0, 1} : new int[] {0, n / 2, n - 1};
    for (int i : labelled) {
      double x = LEFT + (i + 0.5) * step;
      String anchor = x - LEFT < 40 ? "start" : WIDTH - RIGHT - x < 40 ? "end" : "middle";
      x = anchor.equals("start") ? Math.max(LEFT, x - 20) : anchor.equals("end") ? Math.min(WIDTH - RIGHT, x + 20) : x;
      sb.append("<text class=\"axis\" x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - 10)
          .append("\" text-anchor=\"").append(anchor).append("\">").append(Escape.html(buckets.get(i).label()))
          .append("</text>");
    }
    sb.append("</svg>");
    return new SafeHtml(sb.toString());
  }

  /** The periods to draw, oldest first, with empty periods between dated ones filled with zero. */
  static List<Bucket> buckets(Map<String, Long> perDay, Messages m) {
    TreeMap<LocalDate, Long> days = new TreeMap<>();
    perDay.forEach((k, v) -> {
      LocalDate d = Times.day(k);
      if (d != null && k.length() == 10 && v != null && v > 0) {
        days.merge(d, v, Long::sum);
      }
    });
    if (days.isEmpty()) {
      return List.of();
    }
    LocalDate first = days.firstKey();
    LocalDate last = days.lastKey();
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    Grouping g = span <= MAX_DAYS ? Grouping.DAY : span <= 2 * 366 ? Grouping.WEEK : Grouping.MONTH;
    TreeMap<LocalDate, Long> grouped = new TreeMap<>();
    days.forEach((d, v) -> grouped.merge(g.start(d), v, Long::sum));
    List<Bucket> out = new ArrayList<>();
    for (LocalDate d = g.start(first); !d.isAfter(last); d = g.next(d)) {
      out.add(new Bucket(d, g.label(d, m), grouped.getOrDefault(d, 0L)));
    }
    return out;
  }

  private enum Grouping {
    DAY, WEEK, MONTH;

    LocalDate start(LocalDate d) {
      return switch (this) {
        case DAY -> d;
        case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> d.withDayOfMonth(1);
      };
    }

    LocalDate next(LocalDate d) {
      return switch (this) {
        case DAY -> d.plusDays(1);
        case WEEK -> d.plusWeeks(1);
        case MONTH -> d.plusMonths(1);
      };
    }

    String label(LocalDate d, Messages m) {
      return switch (this) {
        case DAY -> d.toString();
        case WEEK -> m.t("chart.weekof", d.toString());
        case MONTH -> d.toString().substring(0, 7);
      };
    }
  }

  /** 1, 2 or 5 times a power of ten, at least {@code n}. */
  static long niceCeiling(long n) {
    long p = 1;
    while (true) {
      for (long f : new long[] {1, 2, 5}) {
        if (f * p >= n) {
          return f * p;
        }
      }
      p *= 10;
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
