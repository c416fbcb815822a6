package io.ftpseq.proxy;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the replies a client gets in the order of its commands, when some are answered by the
 * server and some by the proxy itself. A client may pipeline: send several commands before reading
 * a reply. The server answers the forwarded ones in order; a reply the proxy makes (a refused
 * command, a malformed PORT) waits until every command before it has its final reply. The greeting
 * is the first reply awaited.
 */
final class ReplyQueue {

  /** Where a reply goes: to the client, and into the record. */
  interface Delivery {
    /**
     * Sends the reply.
     *
     * @param wire the bytes to send, line endings included
     * @param own why the proxy made the reply itself, or {@code null} for the server's
     */
    void deliver(Reply reply, byte[] wire, Phrase own) throws IOException;
  }

  private static final class Entry {
    final Command command;
    final Reply local;
    final Phrase reason;
    final Runnable then;
    boolean answered;

    Entry(Command command, Reply local, Phrase reason) {
      this(command, local, reason, null);
    }

    Entry(Command command, Reply local, Phrase reason, Runnable then) {
      this.command = command;
      this.local = local;
      this.reason = reason;
      this.then = then;
    }

    void deliver(Delivery delivery) throws IOException {
      delivery.deliver(local, wire(local), reason);
      if (then != null) {
        then.run();
      }
    }
  }

  private final Delivery delivery;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<Entry> entries = new ArrayDeque<>();
  private boolean closed;

  /** A queue that awaits the server's greeting first. */
  ReplyQueue(Delivery delivery) {
    this.delivery = delivery;
    entries.add(new Entry(null, null, null));
  }

  /** A command went to the server; its replies will come from there. */
  void forwarded(Command command) {
    lock.lock();
    try {
      entries.addLast(new Entry(command, null, null));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The proxy answers {@code command} itself, as soon as the commands before it are answered.
   *
   * @param reason why the proxy answers, for the record
   */
  void local(Command command, Reply reply, Phrase reason) throws IOException {
    inTurn(new Entry(command, reply, reason));
  }

  /**
   * The proxy's last reply (a 421 for a line it cannot take from the client), sent once every
   * command before it has its final reply, as any reply of its own is; {@code then} runs right
   * after it is sent.
   *
   * @param reason why the proxy answers, for the record
   * @param then what ends the session, once the client has the reply
   */
  void last(Reply reply, Phrase reason, Runnable then) throws IOException {
    inTurn(new Entry(null, reply, reason, then));
  }

  private void inTurn(Entry entry) throws IOException {
    lock.lock();
    try {
      if (entries.isEmpty()) {
        entry.deliver(delivery);
      } else {
        entries.addLast(entry);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The command the server's next reply answers: the oldest forwarded one still waiting, or {@code
   * null} for the greeting or a reply nothing asked for. Only the server's thread takes entries
   * off, so the answer holds until it passes the reply on.
   */
  Command awaiting() {
    lock.lock();
    try {
      Entry head = entries.peekFirst();
      return head == null ? null : head.command;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Passes on a reply from the server, then every reply of the proxy's own that it held back.
   *
   * @param instead when the proxy sends a reply of its own in place of the server's, why; else
   *     {@code null}
   */
  void fromServer(Reply reply, byte[] wire, Phrase instead) throws IOException {
    lock.lock();
    try {
      delivery.deliver(reply, wire, instead);
      Entry head = entries.peekFirst();
      if (head == null || head.local != null) {
        return; // a reply nothing asked for
      }
      head.answered = true;
      if (reply.code().isFinal()) {
        entries.removeFirst();
        while (!entries.isEmpty() && entries.peekFirst().local != null) {
          entries.removeFirst().deliver(delivery);
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends a reply of the proxy's own out of turn: the proxy is ending the session (421), so order
   * no longer matters.
   *
   * @param reason why, for the record
   */
  void outOfTurn(Reply reply, Phrase reason) throws IOException {
    lock.lock();
    try {
      delivery.deliver(reply, wire(reply), reason);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every forwarded command has had a first reply, so the session's state is known
   * before the next command is judged. A transfer that has begun (1yz) counts as answered.
   *
   * @return whether that happened within {@code timeout}
   */
  boolean awaitAnswered(Duration timeout) throws InterruptedException {
    return await(timeout, false);
  }

  /** Whether every forwarded command has had a first reply, now. */
  boolean answered() {
    lock.lock();
    try {
      return allAnswered();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until nothing is waiting for a reply, then runs {@code action} while no reply can be
   * sent, for a change of the client connection (TLS) that must fall between two replies.
   *
   * @return whether the queue became idle within {@code timeout} and the action ran
   */
  boolean whenIdle(Duration timeout, IoAction action) throws IOException, InterruptedException {
    lock.lock();
    try {
      if (!await(timeout, true)) {
        return false;
      }
      action.run();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** An action that may fail with an I/O error. */
  interface IoAction {
    void run() throws IOException;
  }

  /** Stops waiting: the session is ending. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean await(Duration timeout, boolean empty) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!closed && (empty ? !entries.isEmpty() : !allAnswered())) {
        if (nanos <= 0) {
          return false;
        }
        nanos = changed.awaitNanos(nanos);
      }
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  private boolean allAnswered() {
    for (Entry entry : entries) {
      if (entry.local == null && !entry.answered) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of a reply the proxy makes, each line ended by CRLF. */
  static byte[] wire(Reply reply) {
    StringBuilder text = new StringBuilder();
    for (String line : reply.lines()) {
      text.append(line).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
