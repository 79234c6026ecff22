package org.lente.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursors of listings: the sort key of the last item of a page, as URL-safe base64 of
 * "{@code id:key}" (the id first, so that the key may hold any character).
 */
record Cursor(long id, String key) {

  Cursor {
    if (key == null) {
      throw new IllegalArgumentException("cursor without a key");
    }
  }

  String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor {@code text} encodes, or null when it is null.
   *
   * @throws IllegalArgumentException when it is not a cursor of this kind ("bad cursor: …")
   */
  static Cursor decode(String text) {
    if (text == null) {
      return null;
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      return new Cursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("bad cursor: " + text, e);
    }
  }

  /** The key as a number, for listings sorted by a count. */
  long number() {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad cursor: " + encode(), e);
    }
  }
}
