package org.lente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FetchExceptionTest {

  private static final URI PAGE = URI.create("https://cronaca.example/pagina");

  private static boolean permanent(FetchException.Reason reason, int status) {
    return new FetchException(PAGE, reason, status, "test", null).permanent();
  }

  @Test
  void aFailureIsPermanentWhenFetchingAgainCannotChangeIt() {
    Map<String, Boolean> got = new TreeMap<>();
    Map<String, Boolean> expected = new TreeMap<>();
    for (int status : new int[] {400, 401, 403, 404, 410, 451}) {
      expected.put("HTTP " + status, true);
    }
    for (int status : new int[] {408, 425, 429, 500, 502, 503, 504}) {
      expected.put("HTTP " + status, false);
    }
    expected.keySet().forEach(k -> got.put(k, permanent(FetchException.Reason.HTTP_STATUS,
        Integer.parseInt(k.substring(5)))));
    for (FetchException.Reason r : FetchException.Reason.values()) {
      if (r != FetchException.Reason.HTTP_STATUS) {
        got.put(r.name(), permanent(r, 0));
      }
    }
    for (FetchException.Reason r : new FetchException.Reason[] {FetchException.Reason.INVALID_URI,
        FetchException.Reason.PRIVATE_ADDRESS, FetchException.Reason.ROBOTS}) {
      expected.put(r.name(), true);
    }
    for (FetchException.Reason r : new FetchException.Reason[] {FetchException.Reason.UNKNOWN_HOST,
        FetchException.Reason.CONNECT, FetchException.Reason.TLS, FetchException.Reason.TIMEOUT,
        FetchException.Reason.TOO_MANY_REDIRECTS, FetchException.Reason.TOO_LARGE, FetchException.Reason.PROTOCOL,
        FetchException.Reason.IO}) {
      expected.put(r.name(), false);
    }
    assertEquals(expected, got);
  }
}
