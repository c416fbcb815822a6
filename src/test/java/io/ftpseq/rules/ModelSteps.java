package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import java.util.List;

/**
 * Sessions written as {@code "USER alice -> 331; PASS x -> 230; CWD y"}, stepped through a server
 * model: each command is predicted, as the validator does, then observed with its reply's code.
 */
final class ModelSteps {

  private ModelSteps() {}

  /** Moves the model past every {@code COMMAND -> CODE} step of the session; blanks are skipped. */
  static void step(ServerModel model, String session) {
    for (String step : session.split(";", -1)) {
      if (step.isBlank()) {
        continue;
      }
      String[] parts = step.split("->", -1);
      Command command = Command.parse(parts[0]);
      int code = Integer.parseInt(parts[1].strip());
      model.predict(command);
      model.observe(command, List.of(Reply.of(code, "")));
    }
  }

  /** What the model predicts for the session's last command, after the steps before it. */
  static Prediction predict(ServerModel model, String session) {
    List<String> steps = List.of(session.split(";", -1));
    step(model, String.join(";", steps.subList(0, steps.size() - 1)));
    return model.predict(Command.parse(steps.get(steps.size() - 1).strip()));
  }
}
