package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A finished session's check masked with secrets its input showed only after some of the session's
 * lines were read: a user name that is the password stands on the USER line before the PASS that
 * shows it to be one, and a password typed at the user prompt before it is sent with PASS. Whatever
 * the check holds of the input is masked as it was when read (commands, a word of no known verb
 * too, replies, notes, the input problems quote, the session's name, the reply that picked its
 * profile), and so are the predicted replies, which name what the commands sent (a user name);
 * ftpseq's own words are left alone.
 *
 * <p>A command or reply that stands in several places (a finding, a step, the state after it) is
 * masked once, and stays one object.
 */
final class LateSecrets {

  private final Secrets secrets;
  private final IdentityHashMap<Command, Command> commands = new IdentityHashMap<>();
  private final IdentityHashMap<Reply, Reply> replies = new IdentityHashMap<>();

  private LateSecrets(Secrets secrets) {
    this.secrets = secrets;
  }

  /** The check masked with the secrets; the check itself when there are none. */
  static SessionCheck mask(SessionCheck check, Secrets secrets) {
    return secrets.isEmpty() ? check : new LateSecrets(secrets).masked(check);
  }

  private SessionCheck masked(SessionCheck check) {
    ProfileBasis basis = check.profileBasis();
    return new SessionCheck(
        check.source(),
        secrets.mask(check.session()),
        check.format(),
        check.profile(),
        new ProfileBasis(basis.kind(), secrets.mask(basis.evidence())),
        check.start(),
        each(check.findings(), this::finding),
        each(check.problems(), problem -> problem.masked(secrets::mask)),
        check.commands(),
        check.replies(),
        each(check.steps(), this::step),
        each(check.notes(), note -> note.masked(secrets)),
        check.unlisted());
  }

  private Finding finding(Finding finding) {
    return new Finding(
        finding.rule(),
        finding.source(),
        command(finding.command()),
        reply(finding.reply()),
        command(finding.context()),
        finding.contextSource(),
        prediction(finding.prediction()),
        finding.replyNotFromServer());
  }

  private Step step(Step step) {
    Exchange exchange = step.exchange();
    CommandSent sent = exchange.command();
    return new Step(
        new Exchange(
            sent == null ? null : new CommandSent(sent.source(), command(sent.command())),
            each(exchange.replies(), this::replyReceived),
            exchange.duringTransfer()),
        prediction(step.prediction()),
        state(step.after()));
  }

  /**
   * The prediction with its text masked: a predicted reply names what the commands sent ({@code 331
   * Password required for hq3secret}, filled from the USER line before the PASS that shows it).
   */
  private Prediction prediction(Prediction prediction) {
    if (prediction == null) {
      return null;
    }
    String text = secrets.mask(prediction.text());
    return text.equals(prediction.text()) ? prediction : prediction.withText(text);
  }

  private ReplyReceived replyReceived(ReplyReceived received) {
    return new ReplyReceived(received.source(), reply(received.reply()));
  }

  /** The state with the commands its facets remember masked: the previous one, a pending RNFR. */
  private SessionState state(SessionState state) {
    Previous previous = state.previous();
    return state
        .withPrevious(
            previous.command() == null
                ? previous
                : new Previous(
                    previous.status(),
                    command(previous.command()),
                    previous.source(),
                    reply(previous.reply())))
        .withRename(mark(state.rename()))
        .withData(mark(state.data()))
        .withRestart(mark(state.restart()));
  }

  private Mark mark(Mark mark) {
    return mark.command() == null
        ? mark
        : new Mark(mark.status(), command(mark.command()), mark.source());
  }

  private Command command(Command command) {
    return command == null ? null : commands.computeIfAbsent(command, c -> c.masked(secrets));
  }

  private Reply reply(Reply reply) {
    return reply == null ? null : replies.computeIfAbsent(reply, r -> r.masked(secrets));
  }

  private static <T> List<T> each(List<T> items, UnaryOperator<T> mask) {
    List<T> masked = new ArrayList<>(items.size());
    for (T item : items) {
      masked.add(mask.apply(item));
    }
    return masked;
  }
}
