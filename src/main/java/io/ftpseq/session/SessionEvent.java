package io.ftpseq.session;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Secrets;
import java.util.Objects;

/** One thing a transcript shows about a session, in the order the record shows it. */
public sealed interface SessionEvent
    permits SessionEvent.CommandSent, SessionEvent.ReplyReceived, SessionEvent.Note {

  /** Where the event came from. */
  Source source();

  /**
   * The event with every secret the input showed masked in what it holds of the input; this event
   * itself when none stands in it.
   */
  SessionEvent masked(Secrets secrets);

  /**
   * The client sent a command.
   *
   * @param source where it was recorded
   * @param command the command, password already masked
   */
  record CommandSent(Source source, Command command) implements SessionEvent {
    /** Validates the parts. */
    public CommandSent {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(command, "command");
    }

    @Override
    public CommandSent masked(Secrets secrets) {
      Command masked = command.masked(secrets);
      return masked.equals(command) ? this : new CommandSent(source, masked);
    }
  }

  /**
   * The server sent a complete reply.
   *
   * @param source where its first line was recorded
   * @param reply the reply
   */
  record ReplyReceived(Source source, Reply reply) implements SessionEvent {
    /** Validates the parts. */
    public ReplyReceived {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public ReplyReceived masked(Secrets secrets) {
      Reply masked = reply.masked(secrets);
      return masked.equals(reply) ? this : new ReplyReceived(source, masked);
    }
  }

  /**
   * Something the record says about itself rather than about the dialogue.
   *
   * @param source where it was recorded
   * @param kind what kind of note
   * @param detail words that explain it, may be empty: from the input, or ftpseq's own in English
   * @param phrase ftpseq's own words of the detail, to say in the report's language; null for a
   *     detail that is the input's words
   */
  record Note(Source source, NoteKind kind, String detail, Phrase phrase) implements SessionEvent {
    /** Validates the parts. */
    public Note {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
    }

    /** A note whose detail is the input's words, said as they are in every language. */
    public Note(Source source, NoteKind kind, String detail) {
      this(source, kind, detail, null);
    }

    /** A note whose detail is ftpseq's own words, said in each report's language. */
    public Note(Source source, NoteKind kind, Phrase phrase) {
      this(source, kind, phrase.english(), phrase);
    }

    @Override
    public Note masked(Secrets secrets) {
      String masked = secrets.mask(detail);
      Phrase maskedPhrase = phrase == null ? null : phrase.masked(secrets::mask);
      return masked.equals(detail) && Objects.equals(maskedPhrase, phrase)
          ? this
          : new Note(source, kind, masked, maskedPhrase);
    }
  }

  /** What a note says about the record. */
  enum NoteKind {
    /**
     * The control connection opened here: the record shows the session from its start, though it
     * does not show the greeting. Later in a record (a client that connected again), the new
     * connection starts afresh: commands still waiting get no reply, and the state is a new
     * session's.
     */
    CONNECTED,
    /** The record starts after the session started: its state is unknown. */
    START_MISSING,
    /** Lines are missing here: what happened in between is unknown. */
    LINES_MISSING,
    /**
     * The record logs only some commands (Zeek's ftp.log, pyftpdlib at info level), so others may
     * have come before this line: the state here is unknown, as after missing lines, and a session
     * that opens with it starts mid-session. A reader gives it before every line it logs; reports
     * list the first of a session only, as the rest would repeat it on every line.
     */
    UNLOGGED_COMMANDS,
    /** The control connection became encrypted; nothing more can be read. */
    ENCRYPTED,
    /**
     * The next command was sent by the client library on its own (Commons Net's automatic FEAT, its
     * keep-alive NOOPs), not by the code that uses it: findings about it are not the caller's and
     * are left out.
     */
    LIBRARY_COMMAND,
    /**
     * The control connection is protected by TLS from the moment it opened (implicit FTPS, RFC 4217
     * §1 and port 990): the security exchange counts as done, as if AUTH had been answered 234.
     */
    TLS_FROM_CONNECT,
    /**
     * A data connection that the session announced (PASV, EPSV, PORT, EPRT) was opened; the detail
     * names its client and server ends.
     */
    DATA_OPENED,
    /** A data connection of the session closed; the detail says how many bytes went each way. */
    DATA_CLOSED,
    /**
     * The session was closed here before the record showed its end, because more sessions were open
     * at once than memory should hold; anything later under its name is checked as a session of its
     * own that starts mid-session.
     */
    CLOSED_EARLY,
    /**
     * The record names no session, so its lines are grouped into sessions by client address: two
     * sessions of one client at the same time run together.
     */
    GROUPED_BY_CLIENT,
    /**
     * A reply came here that could not be read (its line has no reply code): it answers the oldest
     * command waiting, whose outcome is unknown, so the state after it is unknown too. Without it
     * the next reply would be paired with that command, and every later reply with the command
     * before its own. The problem at the line says what was wrong; reports do not repeat it.
     */
    UNREADABLE_REPLY,
    /**
     * The next reply was made by a program between client and server (the validating proxy), not by
     * the server: the command it answers, if any, never reached the server, so the server's state
     * does not move and the reply is not judged as the server's. Findings about the command itself
     * stand.
     */
    NOT_FROM_SERVER,
    /**
     * ftpseq refused the command in the detail before it was sent (a live client in strict mode):
     * the server never saw it and the state does not move, but it is judged against the state here,
     * as it was when refused, so a record checked again shows what the refusal showed.
     */
    REFUSED_BEFORE_SENDING,
    /**
     * The server closed the control connection here (the client read its end, or it was reset)
     * without a reply that says so, such as 421 or 426: every command still waiting for its final
     * reply, a running transfer among them, was cut off and gets none. Nothing more comes on this
     * connection, so what follows in the record is of unknown state until a new connection.
     */
    CLOSED_BY_SERVER;

    /** Whether the record misses part of the dialogue here, so the state after it is unknown. */
    public boolean isGap() {
      return this == START_MISSING || this == LINES_MISSING || this == UNLOGGED_COMMANDS;
    }

    /**
     * Whether reports show notes of this kind. Marks that only steer the checking (where a
     * connection opened, a command the library sent on its own, TLS from connect) are not shown.
     */
    public boolean isReported() {
      return this != CONNECTED
          && this != LIBRARY_COMMAND
          && this != TLS_FROM_CONNECT
          && this != UNREADABLE_REPLY
          && this != NOT_FROM_SERVER;
    }
  }
}
