package io.ftpseq.probe;

import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.Reaction;
import io.ftpseq.rules.ServerModel;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.Situation;
import io.ftpseq.rules.SituationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How well a profile predicts what a server answered to the scenarios: for every step, the code the
 * profile's model predicted (from the real session so far) against the first code the server sent.
 * A closed connection counts as code 0, which a {@code closed} reaction predicts. 125 and 150 count
 * as the same reply: both start a transfer, and which one comes depends on whether the data
 * connection happens to be open already, a race the model does not follow.
 *
 * @param profile the profile whose predictions are checked
 * @param steps every step of every scenario, in order
 */
public record Agreement(ServerProfile profile, List<Check> steps) {

  /** Copies the steps. */
  public Agreement {
    Objects.requireNonNull(profile, "profile");
    steps = List.copyOf(steps);
  }

  /**
   * One step's prediction and what came.
   *
   * @param scenario the scenario's name
   * @param step what the server answered
   * @param prediction what the profile predicted before the step was sent
   * @param known why the profile records that the server may disagree here, if it does
   */
  public record Check(
      String scenario, StepResult step, Prediction prediction, Optional<String> known) {

    /** Validates the parts. */
    public Check {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(prediction, "prediction");
      Objects.requireNonNull(known, "known");
    }

    /** Whether the predicted code is the first code the server sent (0 for none). */
    public boolean agrees() {
      return sameReply(prediction.code(), step.firstCode());
    }

    /** Whether the step disagrees and the profile does not record why. */
    public boolean fails() {
      return !agrees() && known.isEmpty();
    }

    /** {@code scenario/step}, the form in which profiles record known disagreements. */
    public String id() {
      return scenario + "/" + step.index();
    }
  }

  /** Checks the profile's predictions against what the scenarios observed. */
  public static Agreement of(ServerProfile profile, List<ScenarioResult> results) {
    List<Check> checks = new ArrayList<>();
    for (ScenarioResult result : results) {
      ServerModel model = profile.newModel();
      String name = result.scenario().name();
      for (StepResult step : result.steps()) {
        Prediction prediction =
            outcome(profile, step).orElseGet(() -> model.predict(step.command()));
        checks.add(
            new Check(name, step, prediction, profile.knownDisagreement(name, step.index())));
        model.observe(step.command(), step.replies());
      }
    }
    return new Agreement(profile, checks);
  }

  /**
   * The profile's reaction to the outcome the step measures ({@code MISSING_FILE:SIZE}, else {@code
   * MISSING_FILE}), if the step measures an outcome and the profile has one.
   */
  private static Optional<Prediction> outcome(ServerProfile profile, StepResult step) {
    SituationKey key = step.measures();
    if (key == null || key.situation().kind() != Situation.Kind.OUTCOME) {
      return Optional.empty();
    }
    Optional<SituationKey> found =
        profile.reaction(key).isPresent()
            ? Optional.of(key)
            : profile.reaction(key.plain()).map(reaction -> key.plain());
    return found.map(
        k -> {
          Reaction reaction = profile.reaction(k).orElseThrow();
          return new Prediction(
              reaction.code(), reaction.text(), k, reaction.finalCode(), reaction.finalText());
        });
  }

  /** Whether two reply codes say the same: equal, or 125 and 150, which both start a transfer. */
  public static boolean sameReply(int one, int other) {
    return Prediction.sameReply(one, other);
  }

  /** How many steps got the predicted code. */
  public long agreed() {
    return steps.stream().filter(Check::agrees).count();
  }

  /** How many steps had a prediction: a reply code, or the connection closing. */
  public long predicted() {
    return steps.stream().filter(check -> check.prediction().predicts()).count();
  }

  /** How many steps with a prediction got the predicted code. */
  public long predictedRight() {
    return steps.stream().filter(check -> check.prediction().predicts() && check.agrees()).count();
  }

  /** The share of steps with a prediction, 0 to 1. */
  public double coverage() {
    return steps.isEmpty() ? 0 : (double) predicted() / steps.size();
  }

  /** The share of predictions that were right, 0 to 1. */
  public double accuracy() {
    long predicted = predicted();
    return predicted == 0 ? 0 : (double) predictedRight() / predicted;
  }

  /** The steps that got another code than predicted, known or not. */
  public List<Check> disagreements() {
    return steps.stream().filter(check -> !check.agrees()).toList();
  }

  /** The disagreements the profile does not record: each one is a wrong prediction. */
  public List<Check> failures() {
    return steps.stream().filter(Check::fails).toList();
  }
}
