package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;

/**
 * The part shared by formats that show the dialogue one wire line per input line: commands are
 * parsed and masked, reply lines are assembled into replies, and bad lines become problems. Formats
 * that show times give each line's time (ISO 8601) with the overloads that take one; a reply keeps
 * the time of its first line. Each method returns what the line was, for the input's line count.
 */
final class LineDialogue {

  private final String source;
  private final String session;
  private final TranscriptSink sink;
  private final ReplyAssembler assembler = new ReplyAssembler();
  private long replyStart;
  private long cutAt; // the line at which the open reply was cut at its bound
  private String replyTime = "";
  private boolean endsAtGoodbye;
  private boolean ended;
  // whether an unreadable reply has answered the last command: the lines of one garbled reply
  // must not answer the commands before it too
  private boolean unreadableAnswered = true; // nothing to answer before the first command

  LineDialogue(String source, String session, TranscriptSink sink) {
    this.source = source;
    this.session = session;
    this.sink = sink;
  }

  /**
   * Makes a reply after which the server closes the connection (221, 421: {@link
   * io.ftpseq.protocol.ReplyCode#closesConnection}) end the session: for logs whose sessions can
   * then be reported and forgotten at once. Returns this dialogue.
   */
  LineDialogue endingAtGoodbye() {
    endsAtGoodbye = true;
    return this;
  }

  /**
   * Whether the session ended: the record showed its end, or a reply that closes the connection for
   * a dialogue {@link #endingAtGoodbye}. A reader forgets such a session: its state is released at
   * once.
   */
  boolean ended() {
    return ended;
  }

  /** The session's name. */
  String session() {
    return session;
  }

  /** Whether a multi-line reply is open, so an unmarked line continues it. */
  boolean replyOpen() {
    return assembler.isOpen();
  }

  LineUse command(long number, String text) {
    return command(number, "", text);
  }

  LineUse command(long number, String time, String text) {
    closeOpenReply(number);
    if (text.isBlank()) {
      return problem(number, Phrase.of("problem.emptyCommand"));
    }
    unreadableAnswered = false;
    sink.command(session, at(number, time), text);
    return LineUse.DIALOGUE;
  }

  /**
   * A note the record makes about itself. Lines missing or a start missing end an open reply; a
   * mark on the next command leaves it open.
   */
  LineUse note(long number, NoteKind kind, String detail) {
    return note(number, "", kind, detail);
  }

  /**
   * A note at a line that gives its time. Its detail is free text from the log (a recorder's, or a
   * person's who wrote {@code # lines missing: WHY}), so passwords it shows are masked as in a line
   * no reader could read: {@code password is hunter2} is {@code password is ****}.
   */
  LineUse note(long number, String time, NoteKind kind, String detail) {
    return note(new Note(at(number, time), kind, Command.maskPasswords(detail)));
  }

  /** A note in ftpseq's words, said in the report's language. */
  LineUse note(long number, NoteKind kind, Phrase detail) {
    return note(new Note(at(number, ""), kind, detail));
  }

  /** A note in ftpseq's words at a line that gives its time. */
  LineUse note(long number, String time, NoteKind kind, Phrase detail) {
    return note(new Note(at(number, time), kind, detail));
  }

  private LineUse note(Note note) {
    if (note.kind().isGap()) {
      closeOpenReply(note.source().line());
    }
    sink.event(session, note);
    return LineUse.DIALOGUE;
  }

  LineUse replyLine(long number, String text) {
    return replyLine(number, "", text);
  }

  LineUse replyLine(long number, String time, String text) {
    if (!assembler.isOpen()) {
      replyStart = number;
      replyTime = time;
    }
    ReplyAssembler.Outcome outcome = assembler.accept(text);
    if (outcome instanceof ReplyAssembler.Complete complete) {
      emit(complete.reply());
    } else if (outcome instanceof ReplyAssembler.Malformed malformed) {
      unreadableReply(number, Phrase.of("problem.notACode"), malformed.line());
      if (!unreadableAnswered && !malformed.line().isBlank()) { // a blank line is no reply
        unreadableAnswered = true;
        sink.event(session, new Note(at(number, time), NoteKind.UNREADABLE_REPLY, ""));
      }
      return LineUse.PROBLEM;
    } else if (outcome instanceof ReplyAssembler.Overlong overlong) {
      problem(
          number,
          Phrase.of(
              "problem.replyTooLong",
              overlong.reply().code().toString(),
              Long.toString(replyStart),
              ReplyAssembler.MAX_REPLY_MEGABYTES,
              overlong.reply().lines().size()));
      cutAt = number;
      emit(overlong.reply());
    } else if (outcome instanceof ReplyAssembler.Dropped) {
      return LineUse.SKIPPED; // said with the rest it belongs to
    } else if (outcome instanceof ReplyAssembler.RestClosed closed) {
      return rest(number, closed.rest(), "problem.replyRest");
    }
    return LineUse.DIALOGUE;
  }

  /**
   * A line of the server's that could not be read as a reply ({@link
   * TranscriptSink#unreadableReply}).
   */
  LineUse unreadableReply(long number, Phrase what, String text) {
    sink.unreadableReply(session, new Source(source, number), what, text);
    return LineUse.PROBLEM;
  }

  /** A line of the format that cannot be read ({@link TranscriptSink#unreadableLine}). */
  LineUse unreadableLine(long number, String time, Phrase format, LineFault fault, String text) {
    return sink.unreadableLine(session, at(number, time), format, fault, text);
  }

  LineUse problem(long number, Phrase message) {
    sink.problem(session, new Problem(new Source(source, number), message));
    return LineUse.PROBLEM;
  }

  LineUse problem(long number, String time, Phrase message) {
    sink.problem(session, new Problem(at(number, time), message));
    return LineUse.PROBLEM;
  }

  /** Ends the dialogue at the end of the input: a reply still open is reported and given. */
  void end(long lastLine) {
    closeOpenReply(lastLine);
  }

  /** Ends the dialogue because the record shows the session's end, and tells the sink. */
  void close(long number) {
    closeOpenReply(number);
    ended = true;
    sink.end(session);
  }

  /** Says in one problem what was not kept of a reply cut at its bound. */
  private LineUse rest(long number, ReplyAssembler.Rest rest, String key) {
    return problem(
        number,
        Phrase.of(key, rest.code().toString(), Long.toString(cutAt), rest.lines(), rest.bytes()));
  }

  private void closeOpenReply(long number) {
    ReplyAssembler.Rest rest = assembler.cutRest();
    if (rest != null) {
      rest(number, rest, "problem.replyRest.unclosed");
    }
    Reply open = assembler.flush();
    if (open != null) {
      problem(
          number,
          Phrase.of(
              sink.brokeOff() ? "problem.replyCutByBreak" : "problem.replyNotClosed",
              open.code().toString(),
              Long.toString(replyStart)));
      emit(open);
    }
  }

  private void emit(Reply reply) {
    // a final reply of its own came: a garbled line after it answers nothing
    unreadableAnswered |= reply.code().isFinal();
    sink.event(session, new ReplyReceived(at(replyStart, replyTime), reply));
    if (endsAtGoodbye && reply.code().closesConnection()) {
      ended = true;
      sink.end(session);
    }
  }

  private Source at(long number, String time) {
    return new Source(source, number).at(time);
  }
}
