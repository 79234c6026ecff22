package org.lente.story;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of the story listing ended: the last story's id and latest publication (null when
 * undated). Encoded URL-safe as base64url of "id" or "id|published".
 */
record StoryCursor(long id, String last) {

  StoryCursor {
    if (id < 1) {
      throw new IllegalArgumentException("bad story cursor id: " + id);
    }
  }

  String encode() {
    String plain = last == null ? Long.toString(id) : id + "|" + last;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor {@code s} encodes; null for null; IllegalArgumentException when it is not one. */
  static StoryCursor decode(String s) {
    if (s == null) {
      return null;
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad cursor: " + s);
    }
    int bar = plain.indexOf('|');
    String id = bar < 0 ? plain : plain.substring(0, bar);
    if (!id.matches("\\d{1,18}")) {
      throw new IllegalArgumentException("bad cursor: " + s);
    }
    return new StoryCursor(Long.parseLong(id), bar < 0 ? null : plain.substring(bar + 1));
  }
}
