package org.lente.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before a request reaches Javalin: a malformed request (400), a URI too
 * long (414), headers too large (431), a body over the limit that its Content-Length announces
 * (413). They carry the {@linkplain Server#SECURITY_HEADERS security headers} and
 * {@code Cache-Control: no-store}, and the body Lente's own errors have: problem+json where
 * {@link Server#wantsJson} says so (and for a request whose path could not be read), the
 * {@linkplain ErrorPage#plain plain error page} elsewhere. Nothing of Jetty's internals is shown.
 * Thread-safe.
 */
final class JettyErrors extends ErrorHandler {

  /** The path Jetty gives a request it could not parse far enough to read one. */
  private static final String UNPARSED = "/badMessage";

  private final long maxBodyBytes;

  /** Errors for a server whose request bodies are limited to {@code maxBodyBytes}. */
  JettyErrors(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
    HttpURI uri = request.getHttpURI();
    String path = uri == null || UNPARSED.equals(uri.getPath()) ? null : uri.getPath();
    Problem problem = Problem.of(status, detail(status, (String) request.getAttribute(ERROR_MESSAGE)), path);
    HttpFields.Mutable headers = response.getHeaders();
    headers.remove(HttpHeader.CONTENT_LENGTH);
    ByteBuffer body = body(problem, path == null || Server.wantsJson(path), headers);
    response.write(true, body, callback);
    return true;
  }

  /** Jetty's answer to a request it could not parse: there is no path, so the body is problem+json. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    int code = status >= 400 && status <= 599 ? status : 400;
    return body(Problem.of(code, detail(code, reason), null), true, fields);
  }

  /** Sets the headers of an error answer on {@code headers} and returns its body. */
  private static ByteBuffer body(Problem problem, boolean json, HttpFields.Mutable headers) {
    Server.SECURITY_HEADERS.forEach(headers::put);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    if (json) {
      headers.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
      return ByteBuffer.wrap(problem.json());
    }
    headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    return ByteBuffer.wrap(ErrorPage.plain(problem).getBytes(StandardCharsets.UTF_8));
  }

  /** What a person is told: the limit for a 413, Jetty's reason for another client error, the title for a 5xx. */
  private String detail(int status, String reason) {
    if (status == 413) {
      return Server.tooLarge(maxBodyBytes);
    }
    return status < 500 && reason != null && !reason.isBlank() ? reason : Problem.title(status);
  }
}
