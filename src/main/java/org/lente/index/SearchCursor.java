package org.lente.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Where the next page of a search starts: the sort key of the last hit given (its score, or its
 * publication day for a search without text, then its article id) and a fingerprint of the search
 * it belongs to. Encoded as URL-safe base64 of "{@code fingerprint:key:id}"; the key is the score's
 * IEEE bits or the epoch day, so that the position is exact.
 *
 * <p>A cursor is not a secret and not signed: a changed one gives 400 when it no longer decodes or
 * belongs to another search, and otherwise a page from wherever it points.
 */
record SearchCursor(String fingerprint, long key, long id) {

  private static final int FINGERPRINT_BYTES = 8;

  SearchCursor {
    if (fingerprint == null || fingerprint.length() != 2 * FINGERPRINT_BYTES) {
      throw new IllegalArgumentException("bad cursor fingerprint: " + fingerprint);
    }
  }

  String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((fingerprint + ":" + key + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor {@code text} encodes for {@code query}, or null when {@code text} is null.
   *
   * @throws IllegalArgumentException when it is not a search cursor ("bad cursor: …") or was made
   *     for a search with other text or filters
   */
  static SearchCursor decode(String text, SearchQuery query) {
    if (text == null) {
      return null;
    }
    SearchCursor cursor;
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException("three parts expected");
      }
      cursor = new SearchCursor(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad cursor: " + text, e);
    }
    if (!cursor.fingerprint.equals(fingerprint(query))) {
      throw new IllegalArgumentException("the cursor belongs to another search (other text or filters): " + text);
    }
    return cursor;
  }

  /** A short digest of the search's text and filters. */
  static String fingerprint(SearchQuery query) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.identity().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
