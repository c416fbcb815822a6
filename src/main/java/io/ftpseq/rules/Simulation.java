package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dialogue a server would have with a client that sends a script of commands: before each
 * command, the server profile's model predicts the reply from the dialogue so far; that reply is
 * taken as given (a transfer it starts also completes with 226, or fails as the profile says), and
 * the dialogue is checked by a {@link Validator} with the same profile, so each step carries the
 * findings a recorded session would have. Where the profile predicts nothing, the command's usual
 * reply is assumed, so the simulation goes on; files exist and logins succeed unless the {@link
 * Assumptions} say otherwise.
 *
 * <pre>{@code
 * Simulation.Dialogue vsftpd =
 *     Simulation.run(ServerProfiles.builtIn("vsftpd").orElseThrow(), "script.txt", commands,
 *         Assumptions.NONE);
 * }</pre>
 */
public final class Simulation {

  /** Commands whose reply changes when the path they name does not exist. */
  private static final Set<Verb> READS_A_PATH =
      EnumSet.of(
          Verb.RETR, Verb.SIZE, Verb.MDTM, Verb.DELE, Verb.CWD, Verb.XCWD, Verb.RMD, Verb.XRMD,
          Verb.MLST, Verb.STAT);

  private Simulation() {}

  /**
   * One command of the script with what the server would do.
   *
   * @param command the command as the script gives it
   * @param prediction what the profile predicts, after the script's assumptions
   * @param replies the replies the simulation takes as given: the predicted one, or the usual one
   *     when nothing is predicted; empty when the server closes the connection
   * @param findings what checking the simulated dialogue finds at this command, at warning or above
   */
  public record Step(
      CommandSent command, Prediction prediction, List<Reply> replies, List<Finding> findings) {

    /** Validates and copies. */
    public Step {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(prediction, "prediction");
      replies = List.copyOf(replies);
      findings = List.copyOf(findings);
    }

    /** Whether the server would refuse the command: a 4yz or 5yz reply, or closing. */
    public boolean refused() {
      return prediction.isRefusal();
    }
  }

  /**
   * The simulated dialogue with one server.
   *
   * @param profile the server's profile
   * @param steps one step per command sent, in order
   * @param unsent commands of the script after the server closed the connection
   */
  public record Dialogue(ServerProfile profile, List<Step> steps, int unsent) {

    /** Validates and copies. */
    public Dialogue {
      Objects.requireNonNull(profile, "profile");
      steps = List.copyOf(steps);
    }
  }

  /** Simulates the script's commands against the profile's server. */
  public static Dialogue run(
      ServerProfile profile, String source, List<CommandSent> script, Assumptions assumptions) {
    ServerModel model = profile.newModel();
    Validator validator = new Validator(source, "", "simulation", profile);
    validator.accept(new ReplyReceived(new Source(source, 0), Reply.of(220, "simulated")));
    List<CommandSent> sent = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    List<List<Reply>> replies = new ArrayList<>();
    for (CommandSent command : script) {
      Prediction prediction = assumed(profile, model, command.command(), assumptions);
      List<Reply> given = replies(prediction, command.command());
      validator.accept(command);
      for (Reply reply : given) {
        validator.accept(new ReplyReceived(command.source(), reply));
      }
      model.observe(command, given);
      sent.add(command);
      predictions.add(prediction);
      replies.add(given);
      if (prediction.closes()) {
        break;
      }
    }
    // What a server merely accepts (BAD_ORDER_ACCEPTED) is the server's business, not the script's.
    List<Finding> findings =
        validator.finish().findings().stream()
            .filter(f -> f.severity().atLeast(Severity.WARNING))
            .toList();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      Source at = sent.get(i).source();
      steps.add(
          new Step(
              sent.get(i),
              predictions.get(i),
              replies.get(i),
              findings.stream().filter(f -> f.source().equals(at)).toList()));
    }
    return new Dialogue(profile, steps, script.size() - sent.size());
  }

  /**
   * The model's prediction, changed where the script says a login fails or a file is missing; its
   * text filled as the model fills its own ({@link ReplyNames}).
   */
  static Prediction assumed(
      ServerProfile profile, ServerModel model, Command command, Assumptions assumptions) {
    Prediction prediction = model.predict(command);
    return changed(profile, model, prediction, command, assumptions)
        .map(instead -> model.filled(instead, command))
        .orElse(prediction);
  }

  /** The prediction the script's assumptions make instead of the model's, if they change it. */
  private static Optional<Prediction> changed(
      ServerProfile profile,
      ServerModel model,
      Prediction prediction,
      Command command,
      Assumptions assumptions) {
    boolean usual = prediction.situation().isUsualReply();
    Verb verb = command.verb();
    if (verb == Verb.PASS && assumptions.loginFails() && prediction.code() / 100 == 2) {
      return Optional.of(react(profile, Situation.LOGIN_FAILED.key(), 530));
    }
    if (!assumptions.isMissing(model, command)) {
      return Optional.empty();
    }
    if (verb == Verb.RNFR && usual) {
      return Optional.of(react(profile, Situation.RNFR_MISSING_FILE.key(), 550));
    }
    if (verb == Verb.RETR
        && prediction.situation().situation() == Situation.TRANSFER_WITHOUT_DATA_CHANNEL) {
      return profile
          .reaction(Situation.MISSING_FILE_WITHOUT_DATA_CHANNEL)
          .map(r -> Prediction.of(Situation.MISSING_FILE_WITHOUT_DATA_CHANNEL.key(), r));
    }
    if (usual && READS_A_PATH.contains(verb)) {
      return Optional.of(
          verb == Verb.RETR
              ? react(profile, Situation.MISSING_FILE.key(), 550)
              : missing(profile, verb));
    }
    return Optional.empty();
  }

  /**
   * The reply to a command other than RETR on a missing path: the profile's under {@code
   * MISSING_FILE:VERB}, else its reply to a missing file in general where the command may get that
   * code, else RFC 959's code with no text.
   */
  private static Prediction missing(ServerProfile profile, Verb verb) {
    SituationKey key = Situation.MISSING_FILE.key(verb);
    if (profile.reaction(key).filter(Reaction::predicts).isEmpty()) {
      Optional<Reaction> general =
          profile
              .reaction(Situation.MISSING_FILE)
              .filter(r -> r.predicts() && verb.allowsReply(r.code()));
      if (general.isPresent()) {
        return Prediction.of(Situation.MISSING_FILE.key(), general.get());
      }
    }
    return react(profile, key, missingCode(verb));
  }

  /**
   * The code RFC 959 gives for a missing file: 550, or 450 for a command whose replies do not list
   * 550 (STAT).
   */
  private static int missingCode(Verb verb) {
    return verb.allowsReply(550) ? 550 : 450;
  }

  /** The profile's reaction under the key, or the code with no text when it has none. */
  private static Prediction react(ServerProfile profile, SituationKey key, int code) {
    return profile
        .reaction(key)
        .filter(Reaction::predicts)
        .map(r -> Prediction.of(key, r))
        .orElse(new Prediction(code, "", key));
  }

  /**
   * The replies taken as given: the predicted one, or the verb's usual one when nothing is
   * predicted; a transfer that starts also completes, unless the profile says it then fails.
   */
  private static List<Reply> replies(Prediction prediction, Command command) {
    if (prediction.closes()) {
      return List.of();
    }
    int code = prediction.code() != 0 ? prediction.code() : usualCode(command);
    if (code == 0) {
      return List.of();
    }
    Reply reply = Reply.of(code, prediction.code() != 0 ? prediction.text() : "");
    if (code / 100 == 1 && prediction.finalCode() != 0) {
      return List.of(reply, Reply.of(prediction.finalCode(), prediction.finalText()));
    }
    if (code / 100 == 1) {
      return List.of(reply, Reply.of(226, "Transfer complete."));
    }
    return List.of(reply);
  }

  /** The code assumed where nothing is predicted; STAT with a path is a file's status, 213. */
  private static int usualCode(Command command) {
    if (command.verb() == Verb.STAT && !command.sentArgument().isEmpty()) {
      return 213;
    }
    int usual = UsualReplies.code(command.verb());
    return usual != 0 ? usual : 200;
  }
}
