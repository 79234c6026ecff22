package org.lente.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the knowledge base knows of one entity, across articles and languages.
 *
 * @param name the entity's canonical name; {@code type} its type
 * @param articles how many articles mention it
 * @param aliases the ways articles write it, most frequent first, with their counts
 * @param roles the roles articles give it, with the first and last publication day they appear on
 * @param mentionsPerDay mentions by publication day (yyyy-MM-dd), oldest first; undated articles
 *     are counted under "undated"
 * @param quotesBy quotes whose speaker is this entity, newest first
 * @param quotesAbout quotes about it (named in the quote or its sentence), newest first
 * @param cooccurring the entities named in the same articles, by the number of shared articles
 */
public record EntityProfile(String name, String type, long articles, List<Count> aliases, List<Role> roles,
    Map<String, Long> mentionsPerDay, List<QuoteHit> quotesBy, List<QuoteHit> quotesAbout, List<Count> cooccurring) {

  /** A name with how often it occurs. */
  public record Count(String name, String type, long count) {}

  /** A role, how often it is given, and the first and last days it is given on (null when undated). */
  public record Role(String role, long count, String first, String last) {}

  public EntityProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    aliases = List.copyOf(aliases);
    roles = List.copyOf(roles);
    mentionsPerDay = Map.copyOf(mentionsPerDay);
    quotesBy = List.copyOf(quotesBy);
    quotesAbout = List.copyOf(quotesAbout);
    cooccurring = List.copyOf(cooccurring);
  }
}
