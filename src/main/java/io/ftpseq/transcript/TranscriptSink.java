package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.Source;

/** Receives what a parser reads, per session of the input. */
public interface TranscriptSink {

  /** The name of the only session of inputs that hold one session. */
  String SINGLE = "";

  /**
   * Whether the input broke off (a truncated {@code .gz}) rather than ended: asked at its end, so
   * that a reply it cut is said to be cut, not left open by the server.
   */
  default boolean brokeOff() {
    return false;
  }

  /** An event of the named session. */
  void event(String session, SessionEvent event);

  /** A line of the named session that could not be read. */
  void problem(String session, Problem problem);

  /**
   * The named session is over: the record shows its end (a disconnect, a closed connection), so
   * nothing more will come for it and what was found can be reported and its memory freed. A later
   * event under the same name starts a new session.
   */
  default void end(String session) {}

  /**
   * A command of the named session, as the line was sent: its secrets are learnt (so their echoes
   * are masked too) and it is parsed, masked, into an event.
   */
  default void command(String session, Source at, String line) {
    secretsIn(line);
    event(session, new CommandSent(at, Command.parse(line)));
  }

  /**
   * A command line as the client sent it, before any masking, that may show secrets (a password, a
   * URL with one, what the masking hides in a line of no known verb): they are then masked wherever
   * the input echoes them later. Never a server's line: its words are no password.
   */
  default void secretsIn(String line) {}

  /** A password the log shows in a field of its own: it is masked wherever the input echoes it. */
  default void secret(String value) {}

  /**
   * The line being read shows a password from {@code start} to {@code end}, in a field the log
   * keeps for one by its place alone (the {@code password} column of Zeek's tab-separated rows):
   * wherever the line is shown, it is masked there whatever its length.
   */
  default void passwordAt(int start, int end) {}

  /**
   * Reports text of the server that could not be read as a reply (a reply line, a reply code
   * field), quoting it as the server's: its words are no password ({@code 33x Password required for
   * alice}), so only the secrets the input showed are masked in it ({@link Problem#quoteReply}).
   *
   * @param what what is wrong with it, such as {@code problem.notACode}
   */
  default void unreadableReply(String session, Source at, Phrase what, String text) {
    problem(
        session,
        new Problem(at, Phrase.of("problem.unreadableReply", what, Problem.quoteReply(text))));
  }

  /**
   * Reports a line of the format being read that the reader cannot read ({@link LineFault}),
   * quoting it, so that no line of the format is dropped unseen; returns {@link LineUse#PROBLEM}.
   *
   * @param session the session the line belongs to, or {@link #SINGLE} when it names none
   * @param format the format as a report names it ({@link FormatName}), such as {@code vsftpd log}
   */
  default LineUse unreadableLine(
      String session, Source at, Phrase format, LineFault fault, String text) {
    problem(
        session,
        new Problem(
            at, Phrase.of("problem.unreadableLine", format, fault.why(), Problem.quote(text))));
    return LineUse.PROBLEM;
  }

  /**
   * Reports the time stamp of a line that cannot be read as a time ({@link LogTime}), quoting it;
   * the line is read all the same, without a time. Returns the empty text, the time it is read
   * with. A sink may say only the first of an input and count the others ({@link OpenSessions}), so
   * that a log whose every line has such a time is not as many problems.
   *
   * @param format the format as a report names it ({@link FormatName}), such as {@code vsftpd log}
   * @param written the time as the line writes it
   */
  default String unreadableTime(Source at, Phrase format, String written) {
    problem(
        SINGLE,
        new Problem(at, Phrase.of("problem.unreadableTime", format, Problem.quote(written))));
    return "";
  }

  /**
   * Reports a line that is not in the format being read, quoting it: {@code not a line of the
   * Apache FtpServer log: "..."}, with no article before the name, which may start with any sound.
   * Such lines belong to no session, so the report lists them with the input; returns {@link
   * LineUse#PROBLEM}.
   *
   * @param format the format as a report names it ({@link FormatName}), such as {@code vsftpd log}
   */
  default LineUse strayLine(String source, long number, Phrase format, String text) {
    return strayLine(source, number, Phrase.of("problem.strayLine", format, Problem.quote(text)));
  }

  /**
   * A line of a shared syslog file whose tag names another program than the server whose log is
   * read ({@link SyslogDaemonLines#otherProgram}): it is skipped by design, and a sink may say once
   * per input how many such lines were passed over ({@link OpenSessions}). Returns {@link
   * LineUse#SKIPPED}.
   *
   * @param tag the program the line's tag names, such as {@code CRON}
   */
  default LineUse otherProgram(String tag) {
    return LineUse.SKIPPED;
  }

  /**
   * Reports a line that is not in the format being read in the words given, which quote it; returns
   * {@link LineUse#PROBLEM}.
   */
  default LineUse strayLine(String source, long number, Phrase what) {
    problem(SINGLE, new Problem(new Source(source, number), what));
    return LineUse.PROBLEM;
  }
}
