package org.lente.story;

import java.util.Objects;

/**
 * One thing a user can check that supports a link between two articles or its direction.
 *
 * @param kind what it is: {@code aligned-passage}, {@code shared-sequence}, {@code published},
 *     {@code credit}, {@code sentence-break}, {@code foreign-words}, {@code number-format},
 *     {@code kept-words}, {@code containment}, {@code shared-passage}, {@code changed-number}, {@code changed-speaker},
 *     {@code changed-outlet}
 * @param here the text or value in the article the link starts from, or null
 * @param there the text or value in the related article, or null
 * @param note what it shows, in one line
 */
public record Evidence(String kind, String here, String there, String note) {

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(note, "note");
  }

  /** The same evidence seen from the related article. */
  public Evidence flipped() {
    return new Evidence(kind, there, here, note);
  }
}
