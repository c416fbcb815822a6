package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;

/**
 * The part shared by formats that show the dialogue one wire line per input line: commands are
 * parsed and masked, reply lines are assembled into replies, and bad lines become problems. Formats
 * that show times give each line's time (ISO 8601) with the overloads that take one; a reply keeps
 * the time of its first line.
 */
final class LineDialogue {

  private final String source;
  private final String session;
  private final TranscriptSink sink;
  private final ReplyAssembler assembler = new ReplyAssembler();
  private long replyStart;
  private String replyTime = "";

  LineDialogue(String source, String session, TranscriptSink sink) {
    this.source = source;
    this.session = session;
    this.sink = sink;
  }

  /** Whether a multi-line reply is open, so an unmarked line continues it. */
  boolean replyOpen() {
    return assembler.isOpen();
  }

  void command(long number, String text) {
    command(number, "", text);
  }

  void command(long number, String time, String text) {
    closeOpenReply(number);
    if (text.isBlank()) {
      problem(number, "empty command line");
      return;
    }
    sink.event(session, new CommandSent(at(number, time), Command.parse(text)));
  }

  /**
   * A note the record makes about itself. Lines missing or a start missing end an open reply; a
   * mark on the next command leaves it open.
   */
  void note(long number, NoteKind kind, String detail) {
    if (kind == NoteKind.START_MISSING || kind == NoteKind.LINES_MISSING) {
      closeOpenReply(number);
    }
    sink.event(session, new Note(new Source(source, number), kind, detail));
  }

  void replyLine(long number, String text) {
    replyLine(number, "", text);
  }

  void replyLine(long number, String time, String text) {
    if (!assembler.isOpen()) {
      replyStart = number;
      replyTime = time;
    }
    ReplyAssembler.Outcome outcome = assembler.accept(text);
    if (outcome instanceof ReplyAssembler.Complete complete) {
      emit(complete.reply());
    } else if (outcome instanceof ReplyAssembler.Malformed malformed) {
      problem(number, malformed.reason());
    }
  }

  void problem(long number, String message) {
    sink.problem(session, new Problem(new Source(source, number), message));
  }

  void problem(long number, String time, String message) {
    sink.problem(session, new Problem(at(number, time), message));
  }

  void end(long lastLine) {
    closeOpenReply(lastLine);
  }

  private void closeOpenReply(long number) {
    Reply open = assembler.flush();
    if (open != null) {
      problem(
          number,
          "multi-line reply "
              + open.code()
              + " opened at line "
              + replyStart
              + " has no closing line \""
              + open.code()
              + " ...\"");
      emit(open);
    }
  }

  private void emit(Reply reply) {
    sink.event(session, new ReplyReceived(at(replyStart, replyTime), reply));
  }

  private Source at(long number, String time) {
    return new Source(source, number).at(time);
  }
}
