package io.ftpseq.proxy;

import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.ServerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reply the proxy gives, with strict checking, to a command it does not forward: the code the
 * server profile predicts for the situation when that is a refusal, else 503 (or, where the RFCs do
 * not list 503 for the verb, the refusal they do list), and as its text each broken rule with what
 * happened, why the rule exists and how to fix the client. Always in English, the language of FTP
 * replies. Only rules whose breach the refusal prevents are refused ({@link #refusable}).
 */
final class Refusal {

  private static final Explainer ENGLISH = Explainer.forLocale(Locale.ROOT);

  private Refusal() {}

  /**
   * The multi-line reply for {@code command}, which breaks the rules of {@code broken}; {@code
   * profile} is the session's, whose answer the messages name.
   */
  static Reply reply(
      Command command,
      List<Finding> broken,
      Optional<Prediction> prediction,
      ServerProfile profile) {
    int code = code(command, broken.get(0).rule(), prediction);
    String prefix = code + "-";
    List<String> lines = new ArrayList<>();
    lines.add(
        prefix
            + "ftpseq proxy did not forward \""
            + command.text()
            + "\": it breaks "
            + String.join(", ", broken.stream().map(f -> f.rule().name()).toList())
            + ".");
    for (Finding finding : broken) {
      Finding withPrediction =
          prediction.filter(Prediction::isSituation).isPresent()
              ? new Finding(
                  finding.rule(),
                  finding.source(),
                  finding.command(),
                  null,
                  finding.context(),
                  finding.contextSource(),
                  prediction.get())
              : finding;
      lines.add(
          prefix
              + finding.rule().name()
              + ": "
              + oneLine(ENGLISH.message(withPrediction, profile)));
      lines.add(prefix + "why: " + oneLine(ENGLISH.explanation(finding.rule())));
      lines.add(prefix + "fix: " + oneLine(ENGLISH.fix(finding.rule())));
    }
    String text =
        prediction
            .filter(p -> p.code() == code && !p.text().isEmpty())
            .map(Prediction::text)
            .orElse(ENGLISH.standardText(code));
    lines.add(code + " " + text);
    return new Reply(new ReplyCode(code), lines);
  }

  /**
   * Whether strict checking may answer {@code command} itself for breaking {@code rule}. QUIT is
   * always forwarded: refusing it would leave the client no way to end the session. So is a command
   * judged only for what an earlier one left unused ({@link Rule#DATA_CHANNEL_UNUSED}): refusing
   * the next PASV, PORT or QUIT leaves the old data channel as it was, so nothing is made right and
   * the client can never prepare another.
   */
  static boolean refusable(Command command, Rule rule) {
    return command.verb() != Verb.QUIT && rule != Rule.DATA_CHANNEL_UNUSED;
  }

  /**
   * The code: the profile's prediction when it refuses, else what the rule's situation calls for
   * (530 before login, 425 for a transfer with no data connection) when the RFCs list it for the
   * verb, else 503, the RFCs' reply for a bad sequence of commands. Never 501: the command's syntax
   * is fine, its place is not.
   */
  static int code(Command command, Rule rule, Optional<Prediction> prediction) {
    Optional<Integer> predicted =
        prediction
            .filter(p -> p.isSituation() && p.code() >= 400 && p.code() < 600)
            .map(Prediction::code);
    if (predicted.isPresent()) {
      return predicted.get();
    }
    if (rule == Rule.LOGIN_REQUIRED && command.verb().allowsReply(530)) {
      return 530;
    }
    if (rule == Rule.TRANSFER_WITHOUT_DATA_CHANNEL && command.verb().allowsReply(425)) {
      return 425;
    }
    return 503;
  }

  /** Text on one line: a reply line must not hold a line break. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
