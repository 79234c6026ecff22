package org.lente.nlp.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.lente.nlp.time.Lang;

/**
 * Labels the words of a sentence with entity types: the language's CRF model ({@link NerModels}),
 * then {@link Corrections}; {@link #labelAll} labels the sentences of a text together. Labels are {@code O}, {@code PER}, {@code ORG}, {@code LOC} or
 * {@code MISC}, one per word; a run of equal labels is one entity. Thread-safe.
 */
public final class EntityTagger {

  private final Function<Lang, CRFClassifier<CoreLabel>> classifiers;
  private final Set<Correction> corrections;
  private final PersonOrClub clubs;
  private final PlaceOrOrganisation retyper;

  /**
   * The shipped models with every {@link Correction} and the shipped re-typers {@link PersonOrClub} and
   * {@link PlaceOrOrganisation} (Italian).
   */
  public EntityTagger(NerModels models) {
    this(models::classifier, EnumSet.allOf(Correction.class), PersonOrClub.shipped(), PlaceOrOrganisation.shipped());
  }

  /**
   * A tagger with other models (an evaluation's model trained on some folds) or fewer corrections, and
   * no re-typer.
   *
   * @param classifiers the model for a language; called once per sentence, so it should not load
   */
  public EntityTagger(Function<Lang, CRFClassifier<CoreLabel>> classifiers, Set<Correction> corrections) {
    this(classifiers, corrections, null, null);
  }

  /**
   * A tagger with other models, corrections or re-typers.
   *
   * @param classifiers the model for a language; called once per sentence, so it should not load
   * @param clubs applied by {@link #labelAll} to Italian text before {@code retyper}; null for none
   * @param retyper applied last by {@link #labelAll} to Italian text; null for none
   */
  public EntityTagger(Function<Lang, CRFClassifier<CoreLabel>> classifiers, Set<Correction> corrections,
      PersonOrClub clubs, PlaceOrOrganisation retyper) {
    this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
    this.corrections = corrections.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(corrections));
    this.clubs = clubs;
    this.retyper = retyper;
  }

  /** One label per word of one sentence. */
  public String[] label(Lang lang, List<String> words) {
    String[] labels = new String[words.size()];
    if (words.isEmpty()) {
      return labels;
    }
    List<CoreLabel> input = new ArrayList<>(words.size());
    for (String w : words) {
      CoreLabel cl = new CoreLabel();
      String norm = normalize(w);
      cl.setWord(norm);
      cl.setValue(norm);
      cl.setOriginalText(w);
      input.add(cl);
    }
    List<CoreLabel> out = classifiers.apply(lang).classifySentence(input);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = type(out.get(i).get(CoreAnnotations.AnswerAnnotation.class));
    }
    Corrections.apply(lang, words.toArray(String[]::new), labels, corrections);
    return labels;
  }

  /**
   * One label array per sentence of one text or file: each sentence by {@link #label}, then
   * {@link NameMemory} across them, so that a name labelled in most places is labelled everywhere,
   * and {@link PartialNames}, so that a person's surname is a person wherever the text names them in full,
   * and {@link Coordination}, so that the names of one list are of one type; then, in Italian, the re-typers,
   * if any: of clubs typed as persons in sports sentences ({@link PersonOrClub}), then of places and
   * organisations ({@link PlaceOrOrganisation}). Both were learned on the labels {@link Coordination} leaves.
   */
  public List<String[]> labelAll(Lang lang, List<List<String>> sentences) {
    List<String[]> out = new ArrayList<>(sentences.size());
    for (List<String> words : sentences) {
      out.add(label(lang, words));
    }
    NameMemory.apply(sentences, out);
    PartialNames.apply(sentences, out);
    Coordination.apply(sentences, out);
    if (clubs != null && lang == Lang.IT) {
      clubs.apply(sentences, out);
    }
    if (retyper != null && lang == Lang.IT) {
      retyper.apply(sentences, out);
    }
    return out;
  }

  /** The spelling the models were trained on: straight apostrophes and quotes. */
  static String normalize(String w) {
    if (w.length() == 1) {
      return switch (w.charAt(0)) {
        case '“', '”', '«', '»', '„' -> "\"";
        case '‘', '’' -> "'";
        case '–', '—' -> "-";
        default -> w;
      };
    }
    return w.indexOf('’') >= 0 ? w.replace('’', '\'') : w;
  }

  /** A model's answer as one of O, PER, ORG, LOC, MISC. */
  static String type(String answer) {
    if (answer == null) {
      return "O";
    }
    String a = answer.startsWith("B-") || answer.startsWith("I-") || answer.startsWith("S-")
        || answer.startsWith("E-") ? answer.substring(2) : answer;
    return switch (a) {
      case "PER", "PERSON" -> "PER";
      case "ORG", "ORGANIZATION" -> "ORG";
      case "LOC", "LOCATION", "GPE" -> "LOC";
      case "MISC" -> "MISC";
      default -> "O";
    };
  }
}
