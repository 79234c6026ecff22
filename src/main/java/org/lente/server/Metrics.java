package org.lente.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.lente.store.IngestStatus;

/**
 * What {@code /metrics} shows, in Prometheus's text format: requests counted and timed by method,
 * route (the route's pattern, such as {@code /api/v1/articles/{id}}, so that ids do not each make a
 * series) and status, as a latency histogram ({@code lente_http_requests_seconds_bucket}); and the
 * knowledge base's counts as gauges ({@code lente_articles}, …). Thread-safe.
 *
 * <p>Every label takes few values, whatever clients send: a method outside {@link #METHODS} is
 * counted as {@value #OTHER}, and routes are the server's patterns, so that the number of series, and
 * the size of a scrape, stay bounded.
 */
public final class Metrics {

  /** Where the counts come from; may throw when the store cannot be read (the gauge is then NaN). */
  @FunctionalInterface
  public interface Counts {
    IngestStatus status() throws IOException;
  }

  /** The methods counted under their own name; any other is {@value #OTHER}. */
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
      "CONNECT", "QUERY");

  /** The label value of a method that is not among the known ones. */
  static final String OTHER = "OTHER";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public Metrics(Counts counts) {
    gauge("lente_articles", "Articles in the knowledge base", counts, IngestStatus::articles);
    gauge("lente_entities", "Entities mentioned", counts, IngestStatus::entities);
    gauge("lente_quotes", "Quotes found", counts, IngestStatus::quotes);
    gauge("lente_sources", "Sites with articles", counts, IngestStatus::sources);
    gauge("lente_authors", "Authors with articles", counts, IngestStatus::authors);
  }

  private void gauge(String name, String help, Counts counts, ToDoubleFunction<IngestStatus> field) {
    // NOTE: a gauge holds its object weakly unless told otherwise; counts is often a lambda no one
    // else holds, so without strongReference the first garbage collection turns every count to NaN.
    Gauge.builder(name, counts, c -> {
      try {
        return field.applyAsDouble(c.status());
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }).description(help).strongReference(true).register(registry);
  }

  /**
   * Records one request: {@code method} as the request had it (counted as {@value #OTHER} unless
   * known), {@code route} the pattern of the route that answered (a bounded set: the server's own).
   */
  void record(String method, String route, int status, Duration time) {
    Timer.builder("lente_http_requests").description("HTTP requests").tag("method", methodLabel(method))
        .tag("route", route).tag("status", Integer.toString(status)).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record(time);
  }

  /** {@code method} when it is one of {@link #METHODS}, else {@value #OTHER}. */
  static String methodLabel(String method) {
    return method != null && METHODS.contains(method) ? method : OTHER;
  }

  /** Everything, in Prometheus's text exposition format. */
  String scrape() {
    return registry.scrape();
  }
}
