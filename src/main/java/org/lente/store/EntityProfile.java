package org.lente.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the knowledge base knows of one entity, across articles and languages.
 *
 * @param id the knowledge-base entity's id ({@link EntityRef#id()})
 * @param name the entity's canonical name; {@code type} its most mentioned type
 * @param articles how many articles mention it
 * @param aliases the ways articles write it, most frequent first, with their counts (at most 50)
 * @param roles the roles articles give it, with the first and last publication day they appear on
 *     (at most 50)
 * @param mentionsPerDay mentions by publication day (yyyy-MM-dd), oldest first; undated articles
 *     are counted under "undated"
 * @param quotesBy quotes whose speaker is this entity, newest first (at most 20)
 * @param quotesAbout quotes about it (it is named in the quote's sentence), newest first, among its
 *     latest {@link #WINDOW} articles (at most 20)
 * @param cooccurring the entities named in the same articles, by the number of shared articles among
 *     its latest {@link #WINDOW} articles (at most 20)
 */
public record EntityProfile(long id, String name, String type, long articles, List<Count> aliases, List<Role> roles,
    Map<String, Long> mentionsPerDay, List<QuoteHit> quotesBy, List<QuoteHit> quotesAbout,
    List<EntityRef> cooccurring) {

  /** How many of an entity's latest articles co-occurrences and quotes about it are taken from. */
  public static final int WINDOW = 100;

  /** A name with how often it occurs. */
  public record Count(String name, String type, long count) {}

  /** A role, how often it is given, and the first and last days it is given on (null when undated). */
  public record Role(String role, long count, String first, String last) {}

  public EntityProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (id <= 0) {
      throw new IllegalArgumentException("bad entity id: " + id);
    }
    aliases = List.copyOf(aliases);
    roles = List.copyOf(roles);
    mentionsPerDay = Collections.unmodifiableSortedMap(new TreeMap<>(mentionsPerDay));
    quotesBy = List.copyOf(quotesBy);
    quotesAbout = List.copyOf(quotesAbout);
    cooccurring = List.copyOf(cooccurring);
  }

  /** This profile under another name (the entity's name in the reader's language). */
  public EntityProfile withName(String shown) {
    return new EntityProfile(id, shown, type, articles, aliases, roles, mentionsPerDay, quotesBy, quotesAbout,
        cooccurring);
  }
}
