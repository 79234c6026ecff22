package org.lente.nlp.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.lente.nlp.time.Lang;

/**
 * The statistical NER models, loaded once per process and lazily per language: Italian is FBK Tint's
 * Wikinews CRF ({@code eu.fbk.dh:tint-models}), English is Stanford CoreNLP's CoNLL 4-class CRF with
 * distributional similarity features ({@code stanford-corenlp:models}). Both come from Maven
 * Central jars on the class path; nothing is downloaded. Loading takes a few seconds, happens once
 * per process whatever the number of instances, and is announced through the progress consumer of
 * the instance that triggers it. Thread-safe; the classifiers tag concurrently.
 */
public final class NerModels {

  static final String ITALIAN = "models/italian-ner-wikinews.ser.gz";
  static final String ENGLISH = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  /** Loaded once per process, whichever instance asks first. */
  private static final Map<Lang, CRFClassifier<CoreLabel>> LOADED = new ConcurrentHashMap<>();
  private final Consumer<String> progress;

  /** @param progress receives one line when a model starts and ends loading */
  public NerModels(Consumer<String> progress) {
    this.progress = progress;
  }

  /** The classifier for {@code lang}, loading it on first use. */
  public CRFClassifier<CoreLabel> classifier(Lang lang) {
    CRFClassifier<CoreLabel> crf = LOADED.get(lang); // called per sentence: no lock once loaded
    if (crf != null) {
      return crf;
    }
    synchronized (LOADED) {
      return load(lang);
    }
  }

  private CRFClassifier<CoreLabel> load(Lang lang) {
    CRFClassifier<CoreLabel> crf = LOADED.get(lang);
    if (crf == null) {
      String path = lang == Lang.IT ? ITALIAN : ENGLISH;
      progress.accept("loading the " + (lang == Lang.IT ? "Italian" : "English") + " entity model (" + path + ") ...");
      long t0 = System.nanoTime();
      try {
        crf = CRFClassifier.getClassifier(path);
      } catch (Exception e) {
        throw new IllegalStateException("cannot load the entity model " + path + ": " + e.getMessage(), e);
      }
      progress.accept(String.format("loaded in %.1f s", (System.nanoTime() - t0) / 1e9));
      LOADED.put(lang, crf);
    }
    return crf;
  }
}
