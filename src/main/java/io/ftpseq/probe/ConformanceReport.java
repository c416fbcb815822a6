package io.ftpseq.probe;

import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SituationKey;
import io.ftpseq.session.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RFC order rules a probed server does not enforce: each measured situation in which the RFCs
 * require a refusal and the server accepted the command instead (a 1xx, 2xx or 3xx first reply, and
 * no 4xx or 5xx after a 1xx), with the dialogue that shows it, for a report to the server's
 * authors.
 *
 * @param rule the rule the server does not enforce
 * @param key the situation key measured
 * @param scenario the scenario whose dialogue shows it
 * @param dialogue the scenario's steps up to the one that shows it, with their replies
 */
public record ConformanceReport(
    Rule rule, SituationKey key, String scenario, List<StepResult> dialogue) {

  /** Validates and copies. */
  public ConformanceReport {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scenario, "scenario");
    dialogue = List.copyOf(dialogue);
  }

  /** Every rule the results show the server does not enforce, in scenario order. */
  public static List<ConformanceReport> of(List<ScenarioResult> results) {
    List<ConformanceReport> reports = new ArrayList<>();
    for (ScenarioResult result : results) {
      List<StepResult> steps = result.steps();
      for (int i = 0; i < steps.size(); i++) {
        StepResult step = steps.get(i);
        Optional<Rule> rule = step.measures() == null ? Optional.empty() : rule(step.measures());
        if (rule.isPresent() && rule.get().guards(step.command().verb()) && accepted(step)) {
          reports.add(
              new ConformanceReport(
                  rule.get(), step.measures(), result.scenario().name(), steps.subList(0, i + 1)));
        }
      }
    }
    return reports;
  }

  /** The step that shows the rule not enforced: the last of the dialogue. */
  public StepResult step() {
    return dialogue.get(dialogue.size() - 1);
  }

  /**
   * The dialogue as lines: {@code > COMMAND} for each command, {@code < reply} for each reply, and
   * in the reader's language what came when no reply did.
   */
  public List<Phrase> lines() {
    List<Phrase> lines = new ArrayList<>();
    for (StepResult step : dialogue) {
      lines.add(Phrase.of("probe.dialogue.command", step.command().toString()));
      for (Reply reply : step.replies()) {
        lines.add(Phrase.of("probe.dialogue.reply", reply.firstLine()));
      }
      if (step.replies().isEmpty()) {
        lines.add(Phrase.of(step.closed() ? "probe.dialogue.closed" : "probe.dialogue.noReply"));
      }
    }
    return lines;
  }

  /** A 1yz, 2yz or 3yz first reply, unless a 1yz was followed by a refusal (150, then 425). */
  private static boolean accepted(StepResult step) {
    int code = step.firstCode();
    return code >= 100 && code < 400 && !ObservedProfile.reaction(step).failsAfterStart();
  }

  /**
   * The rule a measured situation breaks, for the situations in which the RFCs require the server
   * to refuse the command ({@link Rule#serverMustRefuse}).
   */
  static Optional<Rule> rule(SituationKey key) {
    return key.situation().rule().filter(Rule::serverMustRefuse);
  }
}
