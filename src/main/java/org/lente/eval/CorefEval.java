package org.lente.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import org.lente.eval.CorefMetrics.Score;
import org.lente.knowledge.EntityResolver;
import org.lente.knowledge.Equivalents;
import org.lente.nlp.ner.Entities;
import org.lente.nlp.ner.Entity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Cross-document entity coreference on MEANTIME's English Wikinews articles: how well Lente's
 * {@link EntityResolver} groups the annotated entity mentions of the whole corpus into entities.
 *
 * <p>The gold standard: in {@code intra_cross-doc_annotation}, each {@code ENTITY_MENTION} (its
 * tokens) is linked by a {@code REFERS_TO} relation to an {@code ENTITY} of its document, which
 * carries the corpus-wide {@code instance_id} that makes the cross-document chain; an entity
 * without an instance id is a chain of its own document. Mentions that refer to no entity (31 of
 * 2,122) are not scored; a mention linked twice counts with its first link.
 *
 * <p>What Lente sees: the gold mentions, their gold type (PER, ORG and LOC as they are; products,
 * financial and other entities as MISC) and, for a name, the name inside the annotated phrase as a
 * tagger would mark it ({@link #nameIn}), read in file-name order. In each document the names get
 * canonical names as {@link Entities#canonicalNames} gives them ("Jobs" → "Steve Jobs"), then the
 * resolver, shared by the whole corpus, turns each canonical name into an entity. Two settings
 * are scored:
 *
 * <ul>
 *   <li><b>named</b>: only names, the mentions annotated {@code NAM} or {@code PRE.NAM}, and, where
 *       the annotation gives no syntactic type, the mentions whose words (after a leading article)
 *       are all capitalised or mixed-case ("the Air Force", "iPhone 4"), except pronouns.
 *   <li><b>all</b>: every mention; pronouns and noun phrases ("it", "the company", "Apple CEO")
 *       join an entity of the same document by the rules of {@link MentionLinker}: a name inside
 *       the phrase, the nearest name of the type for pronouns, roles and short definite phrases,
 *       the antecedent for relative pronouns, an earlier phrase with the same words; the rest are
 *       entities of their own.
 * </ul>
 *
 * <p>Scores are MUC, B³ and CEAF-e over the mentions of the setting ({@link CorefMetrics}) and the
 * CoNLL F1, their F1s' mean.
 */
public final class CorefEval {

  /** The scores of one setting, and what they were computed over. */
  public record Scores(int mentions, int goldEntities, int systemEntities, Score muc, Score bCubed, Score ceafE) {

    /** The mean of the MUC, B³ and CEAF-e F1 (the CoNLL-2011/2012 figure). */
    public double conllF1() {
      return (muc.f1() + bCubed.f1() + ceafE.f1()) / 3;
    }
  }

  /** Both settings over the same documents. */
  public record Result(int documents, Scores named, Scores all) {

    /** A plain-text table: one line per setting and metric. */
    public String table() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "MEANTIME en cross-document entities, %d documents%n", documents));
      b.append(String.format(Locale.ROOT, "%-6s %-7s %6s %6s %6s%n", "set", "metric", "P", "R", "F1"));
      rows(b, "named", named);
      rows(b, "all", all);
      return b.toString();
    }

    private static void rows(StringBuilder b, String set, Scores s) {
      row(b, set, "MUC", s.muc());
      row(b, set, "B3", s.bCubed());
      row(b, set, "CEAF-e", s.ceafE());
      b.append(String.format(Locale.ROOT, "%-6s %-7s %20.3f   (%d mentions, %d gold entities, %d Lente entities)%n",
          set, "CoNLL", s.conllF1(), s.mentions(), s.goldEntities(), s.systemEntities()));
    }

    private static void row(StringBuilder b, String set, String metric, Score s) {
      b.append(String.format(Locale.ROOT, "%-6s %-7s %6.3f %6.3f %6.3f%n",
          set, metric, s.precision(), s.recall(), s.f1()));
    }
  }

  /** An annotated mention: {@code id} is unique in the corpus, {@code first} its first token's position. */
  record Mention(String id, int first, int last, String text, Entity.Type type, boolean named, String gold) {
  }

  private static final Set<String> NAME_TYPES = Set.of("NAM", "PRE.NAM");
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
  private static final Set<String> PRONOUNS = Set.of(
      "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her",
      "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "which", "who",
      "whom", "whose", "what", "one", "own", "itself", "himself", "herself", "themselves", "ourselves", "myself",
      "everyone", "some", "many", "others", "all", "both", "latter", "former");
  private static final Pattern MODEL_NUMBER = Pattern.compile("\\d+([a-z]\\d*)?(-\\w+)?");
  /** Words that may join two capitalised words of one name. */
  private static final Set<String> CONNECTORS = Set.of("of", "and", "&", "de", "-");
  /** Lower-case words after which a name ends without modifying a noun. */
  private static final Set<String> FOLLOWERS = Set.of(
      "in", "near", "at", "on", "of", "from", "for", "with", "which", "that", "who", "to", "and", "or", "by", "as",
      "is", "was", "has", "had", "will", "said", "says");
  /** Role words that stand before a person's name in a mention. */
  private static final Set<String> ROLES = Set.of(
      "ceo", "president", "chairman", "chairwoman", "chief", "executive", "officer", "director", "minister",
      "secretary", "spokesman", "spokeswoman", "founder", "co-founder", "vice", "senator", "governor", "analyst",
      "manager", "coo", "cfo", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.");
  private static final Set<String> DEFINITE = Set.of("the", "this", "that", "these", "those");
  private static final Set<String> LOWER_IN_NAMES = Set.of("of", "and", "the", "for", "de", "'s", "&");

  private final Equivalents equivalents;

  /** An evaluation of a resolver with the built-in table. */
  public CorefEval() {
    this(Equivalents.builtIn());
  }

  /** An evaluation of a resolver with this table. */
  public CorefEval(Equivalents equivalents) {
    this.equivalents = equivalents;
  }

  /**
   * Scores a fresh resolver on every {@code .xml} file below {@code meantimeDir}/intra_cross-doc_annotation.
   *
   * @param meantimeDir MEANTIME's English folder (the one holding {@code intra_cross-doc_annotation})
   * @throws NoSuchFileException when that folder is missing
   */
  public Result run(Path meantimeDir) throws IOException {
    Path annotated = meantimeDir.resolve("intra_cross-doc_annotation");
    if (!Files.isDirectory(annotated)) {
      throw new NoSuchFileException(annotated.toString(), null, "MEANTIME cross-document annotation not found");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(annotated)) {
      files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    DocumentBuilder xml = MeantimeTimexEval.secureBuilder();
    EntityResolver resolver = new EntityResolver(equivalents);
    List<Mention> named = new ArrayList<>();
    List<Mention> all = new ArrayList<>();
    Map<String, String> namedSystem = new HashMap<>();
    Map<String, String> allSystem = new HashMap<>();
    Map<Path, List<Mention>> read = new java.util.LinkedHashMap<>();
    Map<Path, List<Entity>> canonical = new HashMap<>();
    for (Path file : files) { // every name first: the resolver's entities depend on the set of names, as in the store
      List<Mention> mentions = read(xml, file);
      List<Entity> linked = Entities.canonicalNames(mentions.stream().filter(Mention::named)
          .map(m -> new Entity(m.text(), m.type(), 0, m.text().length(), m.text(), null)).toList());
      linked.forEach(e -> resolver.resolve(e.canonical(), e.type(), "en"));
      read.put(file, mentions);
      canonical.put(file, linked);
    }
    for (Path file : files) {
      List<Mention> mentions = read.get(file);
      List<Mention> names = mentions.stream().filter(Mention::named).toList();
      List<Entity> linked = canonical.get(file);
      for (int i = 0; i < names.size(); i++) {
        Entity e = linked.get(i);
        namedSystem.put(names.get(i).id(), resolver.find(e.canonical(), e.type()).orElseThrow().key());
      }
      MentionLinker linker = new MentionLinker(mentions, names, linked, namedSystem);
      for (Mention m : mentions) {
        allSystem.put(m.id(), linker.entityOf(m));
      }
      named.addAll(names);
      all.addAll(mentions);
    }
    return new Result(files.size(), score(named, namedSystem), score(all, allSystem));
  }

  /** Whether a lower-case word is a pronoun ("it", "his", "which", "everyone"). */
  static boolean isPronoun(String lower) {
    return PRONOUNS.contains(lower);
  }

  /** Whether a lower-case word makes a noun phrase definite ("the", "this", "those"). */
  static boolean isDefinite(String lower) {
    return DEFINITE.contains(lower);
  }

  private static Scores score(List<Mention> mentions, Map<String, String> system) {
    Collection<Set<String>> key = clusters(mentions, Mention::gold);
    Collection<Set<String>> response = clusters(mentions, m -> system.get(m.id()));
    return new Scores(mentions.size(), key.size(), response.size(),
        CorefMetrics.muc(key, response), CorefMetrics.bCubed(key, response), CorefMetrics.ceafE(key, response));
  }

  private static Collection<Set<String>> clusters(List<Mention> mentions, Function<Mention, String> entityOf) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Mention m : mentions) {
      out.computeIfAbsent(entityOf.apply(m), x -> new LinkedHashSet<>()).add(m.id());
    }
    return out.values();
  }

  /** The mentions of one document that refer to an entity, in the order of their first token. */
  static List<Mention> read(DocumentBuilder xml, Path file) throws IOException {
    Document doc;
    try {
      doc = xml.parse(file.toFile());
    } catch (SAXException e) {
      throw new IOException("unreadable MEANTIME file " + file + ": " + e.getMessage(), e);
    }
    String docId = doc.getDocumentElement().getAttribute("doc_id");
    Map<String, String> words = new HashMap<>();
    Map<String, Integer> position = new HashMap<>();
    NodeList tokens = doc.getElementsByTagName("token");
    for (int i = 0; i < tokens.getLength(); i++) {
      Element t = (Element) tokens.item(i);
      words.put(t.getAttribute("t_id"), t.getTextContent());
      position.put(t.getAttribute("t_id"), i);
    }
    Map<String, Element> entities = new HashMap<>();
    NodeList entityElements = doc.getElementsByTagName("ENTITY");
    for (int i = 0; i < entityElements.getLength(); i++) {
      Element e = (Element) entityElements.item(i);
      entities.put(e.getAttribute("m_id"), e);
    }
    Map<String, Element> referent = new HashMap<>();
    NodeList refers = doc.getElementsByTagName("REFERS_TO");
    for (int i = 0; i < refers.getLength(); i++) {
      Element r = (Element) refers.item(i);
      NodeList targets = r.getElementsByTagName("target");
      Element target = targets.getLength() == 0 ? null : entities.get(((Element) targets.item(0)).getAttribute("m_id"));
      if (target == null) {
        continue; // an event chain
      }
      NodeList sources = r.getElementsByTagName("source");
      for (int k = 0; k < sources.getLength(); k++) {
        referent.putIfAbsent(((Element) sources.item(k)).getAttribute("m_id"), target);
      }
    }
    List<Mention> out = new ArrayList<>();
    NodeList mentions = doc.getElementsByTagName("ENTITY_MENTION");
    for (int i = 0; i < mentions.getLength(); i++) {
      Element m = (Element) mentions.item(i);
      Element entity = referent.get(m.getAttribute("m_id"));
      NodeList anchors = m.getElementsByTagName("token_anchor");
      if (entity == null || anchors.getLength() == 0) {
        continue;
      }
      List<String> text = new ArrayList<>();
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (int k = 0; k < anchors.getLength(); k++) {
        String t = ((Element) anchors.item(k)).getAttribute("t_id");
        text.add(words.getOrDefault(t, ""));
        first = Math.min(first, position.getOrDefault(t, Integer.MAX_VALUE));
        last = Math.max(last, position.getOrDefault(t, -1));
      }
      String instance = entity.getAttribute("instance_id");
      String gold = instance.isEmpty() ? docId + "#" + entity.getAttribute("m_id") : instance;
      String syntactic = m.getAttribute("syntactic_type");
      List<String> trimmed = trim(text);
      boolean nameLike = !trimmed.isEmpty()
          && (NAME_TYPES.contains(syntactic) || syntactic.isEmpty() && looksNamed(trimmed));
      List<String> name = nameLike ? nameIn(text) : List.of();
      out.add(new Mention(docId + "#" + m.getAttribute("m_id"), first, last,
          String.join(" ", name.isEmpty() ? text : name), type(entity.getAttribute("ent_type")), !name.isEmpty(),
          gold));
    }
    out.sort(Comparator.comparingInt(Mention::first).thenComparingInt(Mention::last));
    return out;
  }

  /**
   * The name in a name-like mention, as a tagger would mark it: MEANTIME's mentions span the whole
   * noun phrase ("Irish low cost airline, Ryanair", "Moscone Center in San Francisco, California",
   * "Apple CEO Steve Jobs"). The name is a run of capitalised words (or words with digits), joined
   * by "of", "and", "&" or "de"; a run right before a common noun or a possessive modifies it and
   * is passed over ("Los Angeles based Northrop Grumman"); what follows an opening parenthesis is
   * left out; a role before a person's name goes ("CEO Steve Jobs" → "Steve Jobs"). Empty when
   * only a role or no capitalised word is left ("Apple CEO").
   */
  static List<String> nameIn(List<String> words) {
    int end = words.indexOf("(");
    end = end < 0 ? words.size() : end;
    List<String> fallback = List.of();
    int i = 0;
    while (i < end) {
      if (!isCapitalised(words.get(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < end && (isCapitalised(words.get(j))
          || CONNECTORS.contains(words.get(j)) && j + 1 < end && isCapitalised(words.get(j + 1)))) {
        j++;
      }
      int from = DETERMINERS.contains(words.get(i).toLowerCase(Locale.ROOT)) ? i + 1 : i; // "The Air Force"
      List<String> run = withoutRole(words.subList(from, j));
      String next = j < end ? words.get(j) : null;
      boolean modifier = next != null && (next.equals("'s") || next.equals("'")
          || !isPunctuation(next) && !FOLLOWERS.contains(next.toLowerCase(Locale.ROOT)));
      if (!run.isEmpty()) {
        if (!modifier) {
          return run;
        }
        fallback = run;
      }
      i = j;
    }
    return fallback;
  }

  /** The words after the last role word ("Boeing Executive Vice President Scott Carson"). */
  private static List<String> withoutRole(List<String> run) {
    for (int k = run.size() - 1; k >= 0; k--) {
      if (ROLES.contains(run.get(k).toLowerCase(Locale.ROOT))) {
        List<String> rest = run.subList(k + 1, run.size());
        return rest.isEmpty() || CONNECTORS.contains(rest.get(0)) ? List.of() : rest; // "Prime Minister of Singapore"
      }
    }
    return run;
  }

  /** A word with a capital, or a model number ("787", "787s", "7e7"; not "150px"). */
  private static boolean isCapitalised(String word) {
    return word.codePoints().anyMatch(Character::isUpperCase) || MODEL_NUMBER.matcher(word).matches();
  }

  /** The words of a mention without a leading article, a trailing "'s" and punctuation at either end. */
  private static List<String> trim(List<String> words) {
    int from = 0;
    int to = words.size();
    while (from < to
        && (DETERMINERS.contains(words.get(from).toLowerCase(Locale.ROOT)) || isPunctuation(words.get(from)))) {
      from++;
    }
    while (to > from && (words.get(to - 1).equals("'s") || isPunctuation(words.get(to - 1)))) {
      to--;
    }
    return words.subList(from, to);
  }

  private static boolean isPunctuation(String word) {
    return word.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  /** Whether words with no annotated syntactic type are a name: each word with letters has a capital. */
  private static boolean looksNamed(List<String> words) {
    if (PRONOUNS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (String w : words) {
      if (LOWER_IN_NAMES.contains(w) || w.codePoints().noneMatch(Character::isLetter)) {
        continue;
      }
      if (w.codePoints().noneMatch(Character::isUpperCase)) {
        return false;
      }
    }
    return true;
  }

  private static Entity.Type type(String goldType) {
    return switch (goldType) {
      case "PER" -> Entity.Type.PER;
      case "ORG" -> Entity.Type.ORG;
      case "LOC" -> Entity.Type.LOC;
      default -> Entity.Type.MISC;
    };
  }
}
