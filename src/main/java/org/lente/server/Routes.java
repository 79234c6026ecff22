package org.lente.server;

import io.javalin.config.JavalinConfig;

/**
 * A group of routes the {@link Server} serves. Javalin 7 declares routes in its configuration:
 * {@code config.routes.get(path, handler)}, {@code config.routes.post(...)}, and static files with
 * {@code config.staticFiles.add(...)}. Exception and error handlers are the Server's: a group
 * signals errors by throwing (see {@link Server}).
 */
@FunctionalInterface
public interface Routes {

  void addTo(JavalinConfig config);
}
