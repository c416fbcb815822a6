package io.ftpseq.probe;

import io.ftpseq.session.Phrase;
import java.util.List;
import java.util.Objects;

/**
 * What one scenario observed on one server.
 *
 * @param scenario the scenario run
 * @param steps one result per step, in order
 * @param scratch the scratch directory's path on the server, empty when none could be made
 * @param scratchRemoved whether the scratch directory was removed again afterwards
 * @param problems what went wrong around the scenario (setup, teardown), empty when nothing did
 */
public record ScenarioResult(
    Scenario scenario,
    List<StepResult> steps,
    String scratch,
    boolean scratchRemoved,
    List<Phrase> problems) {

  /** Validates and copies. */
  public ScenarioResult {
    Objects.requireNonNull(scenario, "scenario");
    steps = List.copyOf(steps);
    Objects.requireNonNull(scratch, "scratch");
    problems = List.copyOf(problems);
  }
}
