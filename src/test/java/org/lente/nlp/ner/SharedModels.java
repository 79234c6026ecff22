package org.lente.nlp.ner;

/** One set of loaded NER models for all the tests of a run: loading takes seconds. */
public final class SharedModels {

  public static final NerModels MODELS = new NerModels(line -> { });

  private SharedModels() {}
}
