package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.ner.PersonOrClub;
import org.lente.nlp.ner.PlaceOrOrganisation;

class NerRetypeTrainingTest {

  @Test
  void theGoldHasANameOnlyWithTheSameWords() {
    String[] tags = "O B-ORG I-ORG O".split(" ");
    assertTrue(NerRetypeTraining.goldHas(tags, 1, 3, "ORG"));
    assertFalse(NerRetypeTraining.goldHas(tags, 1, 2, "ORG"));
  }

  @Test
  void aModelLearnsToSwitchWhatTheGoldTypesOtherwise() {
    // in these sentences a place before points in parentheses is, in the gold, a club
    ArticleFolds.Fold fold = new ArticleFolds.Fold(
        List.of(List.of("seguono", "Lecco", "(", "28", ")"), List.of("piove", "a", "Lecco", ".")),
        List.<String[]>of("O LOC O O O".split(" "), "O O LOC O".split(" ")),
        List.<String[]>of("O B-ORG O O O".split(" "), "O O B-LOC O".split(" ")));
    PlaceOrOrganisation model = NerRetypeTraining.train(List.of(fold, fold, fold));
    List<PlaceOrOrganisation.Candidate> c = PlaceOrOrganisation.candidates(fold.words(), fold.predicted());
    assertTrue(model.probability(c.get(0)) > 0.5 && model.probability(c.get(1)) < 0.5,
        model.probability(c.get(0)) + ", " + model.probability(c.get(1)));
  }

  @Test
  void aClubModelLearnsWhichPersonsTheGoldMakesOrganisations() {
    // in these sentences a name after "contro il" is, in the gold, a club; a name after "di" a scorer
    ArticleFolds.Fold fold = new ArticleFolds.Fold(
        List.of(List.of("vince", "2-1", "contro", "il", "Tranmere", "."), List.of("gol", "di", "Ferrandi", ".")),
        List.<String[]>of("O O O O PER O".split(" "), "O O PER O".split(" ")),
        List.<String[]>of("O O O O B-ORG O".split(" "), "O O B-PER O".split(" ")));
    PersonOrClub model = NerRetypeTraining.trainClubs(List.of(fold, fold, fold));
    List<PersonOrClub.Candidate> c = PersonOrClub.candidates(fold.words(), fold.predicted());
    assertTrue(model.probability(c.get(0)) > 0.5 && model.probability(c.get(1)) < 0.5,
        model.probability(c.get(0)) + ", " + model.probability(c.get(1)));
  }
}
