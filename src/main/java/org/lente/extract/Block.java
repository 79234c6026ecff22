package org.lente.extract;

import java.util.Objects;

/**
 * One block of an article, in reading order.
 *
 * @param type what the block is
 * @param text its text: whitespace collapsed, list items and line breaks kept as {@code \n}; never blank
 */
public record Block(Type type, String text) {

  /** The kinds of block; only {@link #countsAsBody() body} blocks make up an article's text. */
  public enum Type {
    PARAGRAPH, HEADING, QUOTE, LIST, CAPTION, BIO;

    /** Captions and author bios are kept as blocks but are not part of the body text. */
    public boolean countsAsBody() {
      return this != CAPTION && this != BIO;
    }

    /** The name used in JSON and in the CLI: lower case. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Block {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("blank " + type.label() + " block");
    }
  }
}
