package io.ftpseq.probe;

import io.ftpseq.rules.SituationKey;
import java.util.List;
import java.util.Objects;

/**
 * One probe scenario: a short command script sent on a fresh control connection, some of whose
 * steps measure a situation key.
 *
 * <pre>
 * [rnto-after-noop] RNFR, then NOOP, then RNTO: does the pending rename survive another command?
 * &#64;login
 * RNFR {file}
 * NOOP
 * RNTO {file}.renamed          =&gt; RNTO_AFTER_INTERVENING_COMMAND
 * </pre>
 *
 * @param name the scenario's name, unique in its file
 * @param description what the scenario asks of the server
 * @param line the line of the scenario's header in its file
 * @param steps the commands in the order they are sent, {@code @login} already expanded
 */
public record Scenario(String name, String description, int line, List<Step> steps) {

  /** Validates the parts and copies the steps. */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("scenario " + name + " has no steps");
    }
    if (steps.get(0).pipelined()) {
      throw new IllegalArgumentException("scenario " + name + " starts with a pipelined step");
    }
  }

  /** The situation keys the scenario measures, in step order. */
  public List<SituationKey> measuredKeys() {
    return steps.stream().map(Step::measures).filter(Objects::nonNull).toList();
  }

  /**
   * One command of a scenario, still with its placeholders ({@code {user}}, {@code {password}},
   * {@code {file}}, {@code {missing}}, {@code {dir}}, {@code {port}}, {@code {eprt}}).
   *
   * @param template the command line as written, placeholders unexpanded
   * @param pipelined whether it goes out in one write with the step before it
   * @param measures the situation key this step measures, or {@code null}
   * @param line the line it was written on
   */
  public record Step(String template, boolean pipelined, SituationKey measures, int line) {

    /** Validates the parts. */
    public Step {
      Objects.requireNonNull(template, "template");
      if (template.isBlank()) {
        throw new IllegalArgumentException("a step needs a command");
      }
    }
  }
}
