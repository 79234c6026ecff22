package org.lente.server;

import java.io.IOException;

/**
 * The limit on write requests per client address: a token bucket of {@code perMinute} requests at once,
 * refilled at {@code perMinute} a minute. {@link RateLimit} keeps the buckets in memory (one server);
 * the cluster keeps them in PostgreSQL, so that all the instances behind a load balancer share one
 * limit per client. Thread-safe.
 */
public interface WriteLimit {

  /**
   * Takes one request from {@code client}'s bucket: 0 when allowed, else the whole seconds to wait
   * (at least 1).
   *
   * @throws IOException when the buckets cannot be reached (the request is then refused with a 500)
   */
  long take(String client) throws IOException;
}
