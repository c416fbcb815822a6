package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.Source;

/**
 * The command sent just before the current one, with its final reply: the "immediately preceded by"
 * of RFC 959 §4.1.
 *
 * @param status {@code YES} when a previous command was seen, {@code NO} when none was sent, {@code
 *     UNKNOWN} when the record does not show it
 * @param command the previous command, or {@code null}
 * @param source where it was recorded, or {@code null}
 * @param reply its final reply, or {@code null} when the record shows none
 */
public record Previous(Known status, Command command, Source source, Reply reply) {

  /** No command was sent before. */
  public static final Previous NOTHING = new Previous(Known.NO, null, null, null);

  /** The record does not show what came before. */
  public static final Previous UNKNOWN = new Previous(Known.UNKNOWN, null, null, null);

  /** The given command came just before. */
  public static Previous of(Command command, Source source, Reply reply) {
    return new Previous(Known.YES, command, source, reply);
  }

  /** Whether the previous command is known to be the given verb. */
  public boolean is(Verb verb) {
    return status == Known.YES && command.verb() == verb;
  }

  /** Whether the previous command is known, and is not the given verb (or nothing was sent). */
  public boolean isKnownNot(Verb verb) {
    return status == Known.NO || (status == Known.YES && command.verb() != verb);
  }

  /** The previous final reply's code, or 0 when unknown. */
  public int replyCode() {
    return reply == null ? 0 : reply.code().value();
  }
}
