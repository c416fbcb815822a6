package io.ftpseq.probe;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.SituationKey;
import java.util.List;
import java.util.Objects;

/**
 * What one scenario step got from the server.
 *
 * @param index the step's position in its scenario, from 1
 * @param command the command sent, with the scratch directory written {@code {dir}}, the user name
 *     {@code {user}} and the password masked
 * @param replies every reply to the command in order (for example 150 then 226), texts with the
 *     probe's own names and numbers written as placeholders ({@link ProbeNames}); empty when none
 *     came in time or the connection was closed
 * @param measures the situation key the step measures, or {@code null}
 * @param closed whether the server had closed the connection when the step was sent or while its
 *     replies were awaited
 */
public record StepResult(
    int index, Command command, List<Reply> replies, SituationKey measures, boolean closed) {

  /** Validates and copies. */
  public StepResult {
    Objects.requireNonNull(command, "command");
    replies = List.copyOf(replies);
  }

  /** A step whose connection stayed open. */
  public StepResult(int index, Command command, List<Reply> replies, SituationKey measures) {
    this(index, command, replies, measures, false);
  }

  /** The first reply's code, or 0 when there was none (connection closed or no reply in time). */
  public int firstCode() {
    return replies.isEmpty() ? 0 : replies.get(0).code().value();
  }

  /** Whether the step got a reply or saw the connection close: it did not go unanswered. */
  public boolean answered() {
    return !replies.isEmpty() || closed;
  }
}
