package io.ftpseq.session;

import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.List;
import java.util.Optional;

/**
 * A command and the replies the server gave to it: zero or more preliminary (1yz) replies, then at
 * most one final reply. The greeting, and any reply that no command asked for, is an exchange
 * without a command.
 *
 * @param command the command, or {@code null} for the greeting or an unsolicited reply
 * @param replies the replies in order; empty when the record ends before any reply
 * @param duringTransfer whether the command was sent while an earlier transfer was still running
 */
public record Exchange(CommandSent command, List<ReplyReceived> replies, boolean duringTransfer) {

  /** Copies the replies. */
  public Exchange {
    replies = List.copyOf(replies);
    if (command == null && replies.isEmpty()) {
      throw new IllegalArgumentException("an exchange needs a command or a reply");
    }
  }

  /** Whether this is a reply no command asked for (the greeting, or a 421 on shutdown). */
  public boolean isUnsolicited() {
    return command == null;
  }

  /** The final reply (2yz to 5yz), if the record shows one. */
  public Optional<ReplyReceived> finalReply() {
    if (replies.isEmpty()) {
      return Optional.empty();
    }
    ReplyReceived last = replies.get(replies.size() - 1);
    return last.reply().code().isFinal() ? Optional.of(last) : Optional.empty();
  }

  /** The first reply, preliminary or final, if any. */
  public Optional<ReplyReceived> firstReply() {
    return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(0));
  }

  /** Where the exchange starts: the command, or the first reply when there is no command. */
  public Source source() {
    return command != null ? command.source() : replies.get(0).source();
  }
}
