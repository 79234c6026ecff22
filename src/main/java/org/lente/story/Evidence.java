package org.lente.story;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing a user can check that supports a link between two articles or its direction.
 *
 * @param kind what it is: {@code aligned-passage}, {@code shared-sequence}, {@code published},
 *     {@code credit}, {@code sentence-break}, {@code foreign-words}, {@code number-format},
 *     {@code kept-words}, {@code containment}, {@code shared-passage}, {@code changed-number}, {@code changed-speaker},
 *     {@code changed-outlet}, {@code closer-version}
 * @param here the text or value in the article the link starts from, or null
 * @param there the text or value in the related article, or null
 * @param note what it shows, in one line, seen from the article the link starts from
 */
public record Evidence(String kind, String here, String there, String note) {

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(note, "note");
  }

  /** The words of a note that name a side, each with the one naming the other side. */
  private static final Map<String, String> SIDES = Map.of("this article", "the related article",
      "the related article", "this article", "this one", "the related one", "the related one", "this one",
      "here", "there", "there", "here");
  private static final Pattern SIDE = Pattern.compile("\\b(this article|the related article|this one|the related one|here|there)\\b");
  /** The notes that hold the articles' own words (speakers, outlets, numbers), in the forms Lente writes them. */
  private static final Pattern SPEAKER_NOTE = Pattern.compile("the quote is given to (.+) here, to (.+) there");
  private static final Pattern NUMBER_NOTE = Pattern.compile("numbers (\\[.*]) here, (\\[.*]) there");
  private static final Pattern REPLACED_NOTE = Pattern.compile("names (.+) here, (.+) there");
  private static final Pattern OUTLET_NOTE = Pattern.compile("(.+) is named (here|there), not (here|there)");
  /** A closer version's note: the version's address or title sits between Lente's words for the two sides. */
  private static final Pattern CLOSER_NOTE = Pattern.compile(
      "(this article|the related article) derives from (.+), a version of (this one|the related one) (that it is closer to .*)");

  /**
   * The same evidence seen from the related article: its values swapped, and its note's words for
   * the two sides ("this article" and "the related article", "here" and "there") swapped with them,
   * so that "the related article was published first" reads right from either side. In a note that
   * holds the articles' own words (a changed speaker, number or outlet, the address or title of a closer
   * version), only Lente's words move: a speaker called "Officials there" keeps the name.
   */
  public Evidence flipped() {
    return new Evidence(kind, there, here, otherSide(kind, note));
  }

  private static String otherSide(String kind, String note) {
    Matcher m;
    switch (kind) {
      case "changed-speaker" -> {
        if ((m = SPEAKER_NOTE.matcher(note)).matches()) {
          return "the quote is given to " + m.group(2) + " here, to " + m.group(1) + " there";
        }
      }
      case "changed-number" -> {
        if ((m = NUMBER_NOTE.matcher(note)).matches()) {
          return "numbers " + m.group(2) + " here, " + m.group(1) + " there";
        }
      }
      case "changed-outlet" -> {
        if ((m = OUTLET_NOTE.matcher(note)).matches()) {
          return m.group(1) + " is named " + m.group(3) + ", not " + m.group(2);
        }
        if ((m = REPLACED_NOTE.matcher(note)).matches()) {
          return "names " + m.group(2) + " here, " + m.group(1) + " there";
        }
      }
      case "closer-version" -> {
        if ((m = CLOSER_NOTE.matcher(note)).matches()) {
          return SIDES.get(m.group(1)) + " derives from " + m.group(2) + ", a version of " + SIDES.get(m.group(3))
              + " " + m.group(4);
        }
      }
      default -> {
        return otherSide(note);
      }
    }
    return note; // a note of the articles' own words in a form Lente does not write: left as it is
  }

  /** A note of Lente's own words with its words for the two sides swapped. */
  private static String otherSide(String note) {
    return SIDE.matcher(note).replaceAll(m -> Matcher.quoteReplacement(SIDES.get(m.group(1))));
  }
}
