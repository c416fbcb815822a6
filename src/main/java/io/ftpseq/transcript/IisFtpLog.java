package io.ftpseq.transcript;

import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FTP service of Microsoft IIS (7.5 and later), logging in the W3C extended format: a {@code
 * #Fields:} header names the columns, and each row is one command with its final status code.
 *
 * <pre>
 * #Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath
 * 2023-12-29 08:01:24 10.211.55.53 - 10.211.55.52 21 USER demo 331 0 0 a7a1e257-031a-4565-a980-d046ace326fb -
 * </pre>
 *
 * <p>Sessions are told apart by {@code x-session}. {@code ControlChannelOpened} marks the start of
 * a session (IIS does not log its greeting) and {@code ControlChannelClosed} its end; a session
 * first seen at another command than {@code USER} starts mid-session. The log shows neither reply
 * texts nor intermediate replies (a transfer's 150): each command gets one reply with its final
 * code and no text, so no finding rests on a text the log does not hold. The pseudo-commands for
 * the data channel are skipped. Spaces inside a field are written as {@code +} and read back as
 * spaces; {@code -} is empty. Times are UTC, as IIS always writes them.
 */
public final class IisFtpLog implements TranscriptFormat {

  private static final String FIELDS = "#Fields: ";

  @Override
  public String name() {
    return "iis";
  }

  @Override
  public int recognise(List<String> head) {
    boolean fields =
        head.stream()
            .anyMatch(
                l -> l.startsWith(FIELDS) && l.contains(" cs-method") && l.contains(" x-session"));
    return fields ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private List<String> fields = List.of();
      private final Map<String, Boolean> started = new RecentSessions<>();

      @Override
      public LineUse line(long number, String text) {
        if (text.startsWith(FIELDS)) {
          fields = List.of(text.substring(FIELDS.length()).strip().split(" "));
          return LineUse.SKIPPED;
        } else if (text.startsWith("#") || text.isBlank()) {
          return LineUse.SKIPPED;
        } else if (fields.isEmpty()) {
          // not quoted: a line of another format may hold a password in a shape no mask knows
          sink.problem(
              TranscriptSink.SINGLE,
              new Problem(new Source(source, number), Phrase.of("problem.iis.noFields")));
          return LineUse.PROBLEM;
        }
        return row(number, text);
      }

      private LineUse row(long number, String text) {
        // one space between fields; a trailing empty field is kept, as IIS writes "-" for none
        String[] values = text.strip().split(" ", -1);
        Source at = new Source(source, number);
        if (values.length != fields.size()) {
          sink.problem(
              TranscriptSink.SINGLE,
              new Problem(at, Phrase.of("problem.iis.fields", values.length, fields.size())));
          return LineUse.PROBLEM;
        }
        Map<String, String> row = new HashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
          String value = values[i];
          row.put(fields.get(i), value.equals("-") ? "" : value.replace('+', ' '));
        }
        String method = row.getOrDefault("cs-method", "");
        String session =
            (row.getOrDefault("x-session", "") + " " + row.getOrDefault("c-ip", "")).strip();
        at = at.at(time(row));
        boolean first = started.putIfAbsent(session, true) == null;
        if (method.equals("ControlChannelOpened")) {
          sink.event(session, new Note(at, NoteKind.CONNECTED, "ControlChannelOpened"));
          return LineUse.DIALOGUE;
        } else if (method.equals("ControlChannelClosed")) {
          started.remove(session);
          sink.end(session);
          return LineUse.DIALOGUE;
        } else if (first && !method.equalsIgnoreCase("USER")) {
          sink.event(
              session, new Note(at, NoteKind.START_MISSING, Phrase.of("note.detail.midSession")));
        }
        if (method.isEmpty()) {
          // every row IIS writes names its command or event: a row without one may be a lost
          // command
          return sink.unreadableLine(
              session, at, "IIS FTP log", LineFault.missing("cs-method"), text);
        } else if (method.startsWith("DataChannel")) {
          return LineUse.SKIPPED; // the data channel's pseudo-commands
        }
        String argument = row.getOrDefault("cs-uri-stem", "");
        sink.command(session, at, argument.isEmpty() ? method : method + " " + argument);
        String status = row.getOrDefault("sc-status", "");
        ReplyCode code = ReplyCode.parse(status);
        if (code != null) {
          sink.event(session, new ReplyReceived(at, new Reply(code, List.of(code.toString()))));
        } else if (!status.isEmpty()) {
          sink.unreadableReply(session, at, Phrase.of("problem.iis.status"), status);
          sink.event(session, new Note(at, NoteKind.UNREADABLE_REPLY, ""));
          return LineUse.PROBLEM;
        }
        return LineUse.DIALOGUE;
      }

      @Override
      public void end(long lastLine) {
        // every row is complete in itself
      }
    };
  }

  /** The row's UTC time as ISO 8601, or empty when the row has no date and time. */
  private static String time(Map<String, String> row) {
    String date = row.getOrDefault("date", "");
    String time = row.getOrDefault("time", "");
    return date.isEmpty() || time.isEmpty() ? "" : date + "T" + time + "Z";
  }
}
