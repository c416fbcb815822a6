package io.ftpseq.transcript;

import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import io.ftpseq.transcript.ProftpdLogFormat.Part;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The ExtendedLog lines of one input in a {@link ProftpdLogFormat}: each is a command with the last
 * reply it got, the code and, with {@code %S}, the text of the reply's last line. Sessions are told
 * apart by {@code %{UNIQUE_ID}e} or the pid ({@code %P}, ProFTPD forking one process per session);
 * without either, by client address, which a note says, since two sessions of one client at once
 * then run together. A 221 or 421 ends a session, the server closing the connection after it (pids
 * are reused), and so does the line of the {@code EXIT} class ({@link #isExit}).
 */
final class ProftpdExtendedLines {

  /** Commands a session's first line may show without the log having missed its start. */
  private static final Set<String> OPENING =
      Set.of("USER", "AUTH", "HOST", "FEAT", "OPTS", "SYST", "HELP", "NOOP", "QUIT");

  private final String source;
  private final TranscriptSink sink;
  private final Map<String, Boolean> started = new RecentSessions<>();

  ProftpdExtendedLines(String source, TranscriptSink sink) {
    this.source = source;
    this.sink = sink;
  }

  /**
   * What a line in a LogFormat shows by itself, read ahead of the sessions ({@link #row}).
   *
   * @param time its time as ISO 8601, empty when it gives none, {@code null} when it cannot be read
   * @param writtenTime its time as the line writes it, or empty
   * @param session its session's name
   * @param command the command as logged
   * @param code the final reply's code as logged, or {@code null} when the format has none
   * @param text the text of the reply's last line, or {@code null} when the format has none
   * @param byClient whether the format tells sessions apart by client only (no pid, no id)
   */
  record Row(
      String time,
      String writtenTime,
      String session,
      String command,
      String code,
      String text,
      boolean byClient) {}

  /**
   * The row of a line that matched the format.
   *
   * @param commonLogTime what reads the common log format's time ({@code %t}) for the input
   */
  static Row row(ProftpdLogFormat format, Matcher m, LastTime commonLogTime) {
    return new Row(
        time(format, m, commonLogTime),
        writtenTime(format, m),
        session(format, m),
        command(format, m),
        format.get(m, Part.CODE),
        format.get(m, Part.TEXT),
        !format.has(Part.PID) && !format.has(Part.UNIQUE_ID));
  }

  /**
   * Whether a line is the one of the {@code EXIT} class, written when the session's process exits
   * (mod_log logs it as a command {@code EXIT} with no reply, {@code %s} being {@code -}), not a
   * command {@code EXIT} a client sent, which ProFTPD answers 500.
   */
  static boolean isExit(String command, String code) {
    return command.equals("EXIT") && (code == null || ReplyCode.parse(code) == null);
  }

  /** Reads a line that matched the format, as {@link #row} read it. */
  LineUse line(long number, Row row, String line) {
    String time = row.time();
    if (time == null) {
      time =
          sink.unreadableTime(
              new Source(source, number), FormatName.of("proftpd"), row.writtenTime());
    }
    Source at = new Source(source, number).at(time);
    String session = row.session();
    String command = row.command();
    String code = row.code();
    if (isExit(command, code)) {
      if (started.remove(session) != null) {
        sink.end(session);
      }
      return LineUse.SKIPPED; // the session's end, not a command
    }
    if (command.isBlank()) {
      sink.problem(
          session, new Problem(at, Phrase.of("problem.emptyCommandIn", Problem.quote(line))));
      return LineUse.PROBLEM;
    }
    if (started.putIfAbsent(session, true) == null) {
      opened(session, at, row.byClient(), command, code);
    }
    sink.command(session, at, command);
    ReplyCode reply = code == null ? null : ReplyCode.parse(code);
    if (reply == null && code != null && !code.isEmpty() && !code.equals("-")) {
      // "-": no reply was sent
      sink.unreadableReply(session, at, Phrase.of("problem.notACode"), code);
      sink.event(session, new Note(at, NoteKind.UNREADABLE_REPLY, ""));
      return LineUse.PROBLEM;
    }
    if (reply != null) {
      String text = row.text();
      String replyLine = text == null || text.isEmpty() ? reply.toString() : reply + " " + text;
      sink.event(session, new ReplyReceived(at, new Reply(reply, List.of(replyLine))));
      if (reply.closesConnection()) {
        started.remove(session);
        sink.end(session);
      }
    }
    return LineUse.DIALOGUE;
  }

  private void opened(String session, Source at, boolean byClient, String command, String code) {
    if (byClient) {
      sink.event(session, new Note(at, NoteKind.GROUPED_BY_CLIENT, Phrase.of("note.detail.noPid")));
    }
    String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    if (!OPENING.contains(verb) && !"530".equals(code)) {
      sink.event(
          session, new Note(at, NoteKind.START_MISSING, Phrase.of("note.detail.midSession")));
    }
  }

  private static String session(ProftpdLogFormat format, Matcher m) {
    String client = format.get(m, Part.CLIENT);
    if (client == null) {
      client = format.get(m, Part.HOST);
    }
    String id = format.get(m, Part.UNIQUE_ID);
    if (id != null && !id.isEmpty() && !id.equals("-")) {
      return id;
    }
    String pid = format.get(m, Part.PID);
    if (pid != null) {
      return (client == null ? "" : client + " ") + "pid " + pid;
    }
    return client == null ? TranscriptSink.SINGLE : client;
  }

  private static String command(ProftpdLogFormat format, Matcher m) {
    String whole = format.get(m, Part.COMMAND);
    if (whole != null) {
      return whole;
    }
    String arguments = format.get(m, Part.ARGUMENTS);
    String verb = format.get(m, Part.VERB);
    return arguments == null || arguments.isEmpty() ? verb : verb + " " + arguments;
  }

  /** The line's time as it writes it: {@code %t} without its brackets, {@code %{epoch}}, ... */
  private static String writtenTime(ProftpdLogFormat format, Matcher m) {
    String clf = format.get(m, Part.CLF_TIME);
    if (clf != null) {
      return clf.substring(1, clf.length() - 1);
    }
    String epoch = format.get(m, Part.EPOCH);
    if (epoch != null) {
      return epoch;
    }
    String iso = format.get(m, Part.ISO_TIME);
    return iso == null ? "" : iso;
  }

  /** The line's time as ISO 8601, as {@link Row#time} has it. */
  private static String time(ProftpdLogFormat format, Matcher m, LastTime commonLogTime) {
    String clf = format.get(m, Part.CLF_TIME);
    if (clf != null) {
      return commonLogTime.of(clf.substring(1, clf.length() - 1));
    }
    String epoch = format.get(m, Part.EPOCH);
    if (epoch != null) {
      return LogTime.epochSeconds(epoch);
    }
    String iso = format.get(m, Part.ISO_TIME);
    return iso == null ? "" : LogTime.iso(iso.replace(' ', 'T').replace(',', '.'));
  }
}
