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
 *
 * <p>ABOR during a transfer is the one place where the order of replies does not follow the order
 * of commands (RFC 959 §4.1.3): the server either ends the transfer with 425 or 426 and then
 * answers ABOR with 226, or answers ABOR alone with 225 or 226 and never ends the transfer with a
 * reply of its own. A reply the transfer cannot get but ABOR can (225) goes to ABOR; a lone 226 is
 * held until the next reply shows whose it is: another reply ABOR can get means the 226 ended the
 * transfer, anything else (or the end of the record) that it answered ABOR.
 *
 * <p>Where the server closed the connection ({@link NoteKind#CLOSED_BY_SERVER}), the note is given
 * first and then every command still waiting, with the replies it got before the close.
 */
public final class ExchangePairer {

  /** Receives the paired exchanges and the record's notes, in order. */
  public interface Listener {
    /** A command with its replies, or an unsolicited reply. */
    void exchange(Exchange exchange);

    /** A note about the record itself. */
    void note(Note note);

    /**
     * The record ends here: the exchanges given after this are the commands still waiting at its
     * end, with the replies they got.
     */
    default void recordEnds() {}
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

  /** A 226 that may end the transfer at the head or answer the ABOR behind it, or null. */
  private ReplyReceived held;

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
      if (note.kind() == NoteKind.CLOSED_BY_SERVER) {
        // said first, so the listener knows that the exchanges given next were cut off
        settleHeld(); // a 226 held for an ABOR answered it: that transfer was not cut off
        listener.note(note);
        flush();
        return;
      }
      if (note.kind().isGap() || note.kind() == NoteKind.CONNECTED) {
        flush(); // a new connection: nothing waiting on the old one gets a reply on it
      } else if (note.kind() == NoteKind.UNREADABLE_REPLY) {
        unreadableReply();
      }
      listener.note(note);
    }
  }

  /**
   * A reply that could not be read answers the oldest command waiting: that command is given with
   * what it got before, so that the next reply goes to the command after it. A 226 held for an ABOR
   * is settled first, as a reply of any other kind would settle it.
   */
  private void unreadableReply() {
    settleHeld();
    anyReply = true;
    if (giveGreeting()) {
      return;
    }
    Waiting head = waiting.pollFirst();
    if (head != null) {
      listener.exchange(new Exchange(head.command, head.replies, head.duringTransfer));
    }
  }

  /** Ends the session: commands still waiting are given with the replies seen so far. */
  public void finish() {
    settleHeld();
    giveGreeting();
    listener.recordEnds();
    flush();
  }

  private void reply(ReplyReceived reply) {
    if (held != null) {
      ReplyReceived before = held;
      held = null;
      boolean aborNext = Verb.ABOR.allowsReply(reply.reply().code().value());
      if (aborNext) {
        pair(before);
      } else {
        abortedTransfer(before);
      }
    }
    Waiting abor = aborBehindTransfer();
    if (abor != null) {
      int code = reply.reply().code().value();
      Verb transfer = waiting.peekFirst().command.command().verb();
      if (code == 226 && !waiting.peekFirst().replies.isEmpty()) {
        held = reply;
        return;
      }
      if (!transfer.allowsReply(code) && Verb.ABOR.allowsReply(code)) {
        abortedTransfer(reply);
        return;
      }
    }
    pair(reply);
  }

  /**
   * The transfer at the head ended without a reply of its own, aborted: it is given with what it
   * got, and the reply answers the ABOR behind it.
   */
  private void abortedTransfer(ReplyReceived aborReply) {
    Waiting transfer = waiting.removeFirst();
    listener.exchange(new Exchange(transfer.command, transfer.replies, transfer.duringTransfer));
    pair(aborReply);
  }

  /** The ABOR waiting right behind a transfer at the head, or null. */
  private Waiting aborBehindTransfer() {
    if (waiting.size() < 2 || !waiting.peekFirst().command.command().verb().isTransfer()) {
      return null;
    }
    Waiting second = waiting.stream().skip(1).findFirst().orElseThrow();
    return second.command.command().verb() == Verb.ABOR ? second : null;
  }

  private void pair(ReplyReceived reply) {
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
    if (code.isFinal() && head.replies.isEmpty()) {
      // the usual exchange, a final reply alone: no list to grow and copy
      waiting.removeFirst();
      listener.exchange(new Exchange(head.command, List.of(reply), head.duringTransfer));
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
    settleHeld();
    giveGreeting();
    while (!waiting.isEmpty()) {
      Waiting w = waiting.removeFirst();
      listener.exchange(new Exchange(w.command, w.replies, w.duringTransfer));
    }
  }

  /** A 226 held for an ABOR, settled as its answer: the transfer ahead of it was aborted. */
  private void settleHeld() {
    if (held != null) {
      ReplyReceived lone = held;
      held = null;
      abortedTransfer(lone);
    }
  }

  /** Gives a greeting still open as it stands; returns whether there was one. */
  private boolean giveGreeting() {
    if (greeting.isEmpty()) {
      return false;
    }
    listener.exchange(new Exchange(null, greeting, false));
    greeting.clear();
    return true;
  }
}
