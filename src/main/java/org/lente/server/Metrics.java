package org.lente.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.lente.store.IngestStatus;

/**
 * What {@code /metrics} shows, in Prometheus's text format: requests counted and timed by method,
 * route (the route's pattern, such as {@code /api/v1/articles/{id}}, so that ids do not each make a
 * series) and status, as a latency histogram ({@code lente_http_requests_seconds_bucket}); and the
 * knowledge base's counts as gauges ({@code lente_articles}, …). Thread-safe.
 */
public final class Metrics {

  /** Where the counts come from; may throw when the store cannot be read (the gauge is then NaN). */
  @FunctionalInterface
  public interface Counts {
    IngestStatus status() throws IOException;
  }

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public Metrics(Counts counts) {
    gauge("lente_articles", "Articles in the knowledge base", counts, IngestStatus::articles);
    gauge("lente_entities", "Entities mentioned", counts, IngestStatus::entities);
    gauge("lente_quotes", "Quotes found", counts, IngestStatus::quotes);
    gauge("lente_sources", "Sites with articles", counts, IngestStatus::sources);
    gauge("lente_authors", "Authors with articles", counts, IngestStatus::authors);
  }

  private void gauge(String name, String help, Counts counts, ToDoubleFunction<IngestStatus> field) {
    Gauge.builder(name, counts, c -> {
      try {
        return field.applyAsDouble(c.status());
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }).description(help).register(registry);
  }

  /** Records one request. */
  void record(String method, String route, int status, Duration time) {
    Timer.builder("lente_http_requests").description("HTTP requests").tag("method", method).tag("route", route)
        .tag("status", Integer.toString(status)).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record(time);
  }

  /** Everything, in Prometheus's text exposition format. */
  String scrape() {
    return registry.scrape();
  }
}
