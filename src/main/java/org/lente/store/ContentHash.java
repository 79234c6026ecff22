package org.lente.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hash that says two articles have the same content: SHA-256 of the text in Unicode NFKC,
 * lower-cased, with every run of whitespace as one space and typographic quotes and apostrophes
 * as straight ones, so that re-encoded or re-wrapped copies of one text hash alike.
 */
public final class ContentHash {

  /** Runs of whitespace: compiled once, not at each article as {@code String.replaceAll} compiles it. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ContentHash() {}

  public static String of(String text) {
    String norm = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').replace('«', '"')
        .replace('»', '"')).replaceAll(" ").strip();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(norm.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
