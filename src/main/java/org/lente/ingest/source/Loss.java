package org.lente.ingest.source;

import java.util.Objects;

/**
 * Content a parser passed over, which its caller must count as lost rather than take for a repair:
 * entries skipped for want of a usable link, or the unread rest of a document that broke off.
 *
 * @param entries how many entries (items, URLs, outlines, lines) were skipped; 0 when what was lost
 *     is the rest of a document that broke off, whose entries cannot be counted
 * @param reason what was lost and why, with the first bad value or the position of the break
 */
public record Loss(int entries, String reason) {

  public Loss {
    Objects.requireNonNull(reason, "reason");
    if (entries < 0 || reason.isBlank()) {
      throw new IllegalArgumentException("bad loss: entries=" + entries + ", reason=\"" + reason + "\"");
    }
  }

  /** The rest of a document, from where it broke off. */
  static Loss rest(String reason) {
    return new Loss(0, reason);
  }
}
