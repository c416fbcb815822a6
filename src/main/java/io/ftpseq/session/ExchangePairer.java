package io.ftpseq.session;

import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Pairs commands with their replies, first in first out, as the server saw them.
 *
 * <p>Clients may pipeline: send several commands (even before the greeting) and read the replies
 * later. The server answers in order, so the oldest command still waiting gets the next reply;
 * preliminary (1yz) replies keep it waiting, a final reply completes it. Exchanges therefore come
 * out in the order the commands were sent.
 */
public final class ExchangePairer {

  /** Receives the paired exchanges and the record's notes, in order. */
  public interface Listener {
    /** A command with its replies, or an unsolicited reply. */
    void exchange(Exchange exchange);

    /** A note about the record itself. */
    void note(Note note);
  }

  private static final class Waiting {
    final CommandSent command;
    final boolean duringTransfer;
    final List<ReplyReceived> replies = new ArrayList<>();

    Waiting(CommandSent command, boolean duringTransfer) {
      this.command = command;
      this.duringTransfer = duringTransfer;
    }
  }

  /**
   * More commands than this waiting for replies means the record lost replies, not a real pipeline;
   * the oldest is then given without its reply, so memory stays bounded.
   */
  static final int MAX_WAITING = 256;

  private final Listener listener;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private final List<ReplyReceived> greeting = new ArrayList<>();
  private boolean anyReply;

  /** Pairs for the given listener. */
  public ExchangePairer(Listener listener) {
    this.listener = listener;
  }

  /** Takes the next event of the session. */
  public void accept(SessionEvent event) {
    if (event instanceof CommandSent command) {
      if (waiting.size() == MAX_WAITING) {
        Waiting oldest = waiting.removeFirst();
        listener.exchange(new Exchange(oldest.command, oldest.replies, oldest.duringTransfer));
      }
      waiting.addLast(new Waiting(command, transferRunning()));
    } else if (event instanceof ReplyReceived reply) {
      reply(reply);
    } else if (event instanceof Note note) {
      if (note.kind() == NoteKind.START_MISSING || note.kind() == NoteKind.LINES_MISSING) {
        flush();
      }
      listener.note(note);
    }
  }

  /** Ends the session: commands still waiting are given with the replies seen so far. */
  public void finish() {
    flush();
  }

  private void reply(ReplyReceived reply) {
    boolean first = !anyReply;
    anyReply = true;
    ReplyCode code = reply.reply().code();
    if (!greeting.isEmpty() || (first && isGreeting(code))) {
      greeting.add(reply);
      if (code.isFinal()) {
        listener.exchange(new Exchange(null, greeting, false));
        greeting.clear();
      }
      return;
    }
    Waiting head = waiting.peekFirst();
    if (head == null) {
      listener.exchange(new Exchange(null, List.of(reply), false));
      return;
    }
    head.replies.add(reply);
    if (code.isFinal()) {
      waiting.removeFirst();
      listener.exchange(new Exchange(head.command, head.replies, head.duringTransfer));
    }
  }

  /**
   * Whether the first reply of a record is the greeting rather than the answer to a command sent
   * before it: 120, 220 and 421 open a connection, unless the first command waiting is one that is
   * answered by 220 itself (REIN, HOST).
   */
  private boolean isGreeting(ReplyCode code) {
    int value = code.value();
    if (value != 120 && value != 220 && value != 421) {
      return false;
    }
    Waiting head = waiting.peekFirst();
    return head == null
        || (head.command.command().verb() != Verb.REIN
            && head.command.command().verb() != Verb.HOST);
  }

  private boolean transferRunning() {
    for (Waiting w : waiting) {
      if (w.command.command().verb().isTransfer() && !w.replies.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void flush() {
    if (!greeting.isEmpty()) {
      listener.exchange(new Exchange(null, greeting, false));
      greeting.clear();
    }
    while (!waiting.isEmpty()) {
      Waiting w = waiting.removeFirst();
      listener.exchange(new Exchange(w.command, w.replies, w.duringTransfer));
    }
  }
}
